"""tidings: international news to event data with every record traced to its sentence.

    >>> import tidings
    >>> record = tidings.extract(text, published="2024-11-01")
    >>> for result in tidings.extract_many(articles): ...
"""
from tidings.article import Article
from tidings.errors import ConfigError, InputError, PipelineError, StoreError, TidingsError
from tidings.extract import Extractor, Result, extract, extract_many

from tidings.version import __version__
__all__ = ["Article", "ConfigError", "Extractor", "InputError", "PipelineError", "Result",
           "StoreError", "TidingsError", "__version__", "extract", "extract_many"]
