"""aligner: Russian/English sentence alignment and translation QA."""

__version__ = "0.1.0"
