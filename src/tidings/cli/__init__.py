"""The ``tidings`` command line: thin callers of :mod:`tidings.extract` and the store.

Each module here adds its commands to :data:`main`; presentation (tables,
progress bars, colours) lives only in this package.
"""
from __future__ import annotations

import importlib
import logging
import sys

import click

from tidings.errors import TidingsError
from tidings.version import __version__

COMMAND_MODULES = ("core", "spark", "web", "treaties", "speech", "events")


class _Group(click.Group):
    """Turns a library error into one clear line and exit status 1, instead of a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except TidingsError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidings")
@click.option("-v", "--verbose", is_flag=True, help="Log progress and skipped inputs to stderr.")
def main(verbose: bool) -> None:
    """tidings: international news to event data you can trust.

    Reads articles (text, HTML, JSON Lines, CSV, folders or stdin), and writes
    tidings/1 records: actors, PLOVER events, quotes, claims and treaties.
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")


for _module in COMMAND_MODULES:
    importlib.import_module(f"tidings.cli.{_module}")
