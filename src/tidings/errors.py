"""The exception tree. Every error carries a code and, where it has one, the article it concerns.

    TidingsError
    ├── InputError      an article or input file that cannot be read (code E1xx)
    ├── ConfigError     a bad option or pipeline configuration (E2xx)
    ├── PipelineError   the model or a component failed (E3xx)
    └── StoreError      the store cannot be opened or written (E4xx)
"""
from __future__ import annotations


class TidingsError(Exception):
    code = "E000"

    def __init__(self, message: str, *, article_id: str | None = None, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.article_id = article_id
        self.source = source

    def __str__(self) -> str:
        where = self.source or self.article_id
        return f"{where}: {self.message}" if where else self.message


class InputError(TidingsError):
    """An input that cannot become an article. ``reason`` is a short machine-readable tag."""

    code = "E100"

    def __init__(self, reason: str, message: str, **kw: str | None) -> None:
        super().__init__(message, **kw)
        self.reason = reason


class ConfigError(TidingsError):
    code = "E200"


class PipelineError(TidingsError):
    code = "E300"


class StoreError(TidingsError):
    code = "E400"
