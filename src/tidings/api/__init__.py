"""The HTTP API (FastAPI) over the store, and the app factory that also mounts the web pages.

    >>> from tidings.api import create_app
    >>> app = create_app(db_path="tidings.sqlite")             # read-only
    >>> app = create_app(db_path="tidings.sqlite", token="s3")  # POST /api/articles with the token
"""
from tidings.api.app import create_app

__all__ = ["create_app"]
