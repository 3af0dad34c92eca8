"""``tidings spark``: the extractor over a JSON Lines corpus on Apache Spark."""
from __future__ import annotations

import click

from tidings.cli import main


@main.command()
@click.argument("source", type=click.Path(exists=True))
@click.argument("destination", type=click.Path(file_okay=False))
@click.option("--master", default="local[2]", show_default=True, help="Spark master URL.")
@click.option("--partitions", type=click.IntRange(1), default=None, help="Repartition the input first.")
def spark(source: str, destination: str, master: str, partitions: int | None) -> None:
    """Extract SOURCE (JSON Lines articles, a file or folder) on Spark into DESTINATION.

    DESTINATION gets Spark's JSON output: one row per article with id, status,
    reason, message and record (the tidings/1 record as a JSON string).
    Needs the extra: pip install 'tidings[spark]'.
    """
    from tidings.engines.spark import extract_dataframe, session

    ss = session(master)
    df = ss.read.json(source)
    if partitions:
        df = df.repartition(partitions)
    out = extract_dataframe(df)
    out.write.mode("overwrite").json(destination)
    counts = {r["status"]: r["count"] for r in out.groupBy("status").count().collect()}
    click.echo(f"{counts.get('ok', 0)} extracted, {counts.get('skipped', 0)} skipped; written to {destination}",
               err=True)
