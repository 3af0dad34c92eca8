"""Apache Spark engine (extra: ``pip install tidings[spark]``).

    from tidings.engines.spark import extract_dataframe
    records = extract_dataframe(spark.read.json("articles.jsonl"))
    records.write.json("out/")

Each partition loads the pipeline once (per Python worker) and yields plain rows.
"""
from __future__ import annotations

import os
import sys
from typing import Any

from tidings.engines.batch import ROW_FIELDS
from tidings.errors import ConfigError

SCHEMA = "id string, status string, reason string, message string, record string"
ARTICLE_FIELDS = ("id", "text", "published", "title", "url", "outlet")


def _partition(rows: Any) -> Any:
    from tidings.engines.batch import extract_rows

    articles = ({k: (r[k] if k in r else None) for k in ARTICLE_FIELDS} for r in (row.asDict() for row in rows))
    for out in extract_rows(articles):
        yield tuple(out[k] for k in ROW_FIELDS)


def extract_dataframe(df: Any) -> Any:
    """A DataFrame of articles (``text`` and optional id, published, title, url, outlet) to a
    DataFrame of rows ``id, status, reason, message, record`` (record: tidings/1 JSON)."""
    if "text" not in df.columns:
        raise ConfigError(f"the DataFrame has no 'text' column (columns: {df.columns})")
    spark = df.sparkSession
    return spark.createDataFrame(df.rdd.mapPartitions(_partition), SCHEMA)


def session(master: str = "local[2]") -> Any:
    """A local Spark session for running tidings on one machine's cores."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError("PySpark is not installed; install it with `pip install 'tidings[spark]'`") from exc
    # local workers must run this interpreter, the one tidings is installed in
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (SparkSession.builder.master(master).appName("tidings")
            .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate())
