"""Editors decide in the browser: ``aligner review``.

- :mod:`aligner.review.decisions`: the decisions file (schema, load, save);
- :mod:`aligner.review.apply`: decisions applied to a document with ``aligner fix``'s code;
- :mod:`aligner.review.session`: one review's state and its Finish;
- :mod:`aligner.review.guard`: the token, Host and Origin checks on every request;
- :mod:`aligner.review.server`: the local HTTP server (standard library).

The page itself is the HTML report (:mod:`aligner.report`) with the decision buttons
of ``aligner/templates/review.js``.
"""
