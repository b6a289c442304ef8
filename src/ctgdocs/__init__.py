"""ctgdocs: the documents of a Convention territoriale globale, from territory data."""

__version__ = "0.1.0"
