"""What aligner knows about names: bodies and organisations (the termbase), people and
places (romanisation, Palladius, the gazetteer of places), and how to find them in text.

- :mod:`.terms`: termbase records and the normalisation of English names;
- :mod:`.termbase`: the :class:`~.termbase.Termbase` (indexes, hierarchy, display), with
  :mod:`.mentions` (known and unknown body names in English text) and :mod:`.nearest`
  (ranking the real bodies nearest to a garbled name);
- :mod:`.glossary`: reading the bundled table and user glossaries (TSV, TBX);
- :mod:`.bodies`: one pair's bodies, terms and acronyms, per sentence and per bead
  (``pair.facts.bodies``);
- :mod:`.romanise`: romanisation schemes, Palladius, the comparison key of a name;
- :mod:`.names`: person names in English and Russian text and whether they match;
- :mod:`.places`: countries and capitals of ``data/places.tsv`` in both languages;
- :mod:`.sounds`: consonant skeletons that compare a Latin spelling with a Cyrillic word;
- :mod:`.gazetteer`: countries (with adjectives and demonyms), cities, organisations, news
  outlets and companies of ``data/gazetteer.tsv`` in both languages, any case form.
"""
