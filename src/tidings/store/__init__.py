"""The embedded store: SQLite in WAL mode, one transaction per article.

Schema: ``schema.sql`` beside this file (articles, actors, mentions, people,
events, event_actors, quotes, claims, stances, treaties, obligations).
"""
from tidings.store.sqlite import Store, default_path

__all__ = ["Store", "default_path"]
