"""Ways to run the extractor over many articles: in this process, in worker processes, on Spark.

All of them call :func:`tidings.engines.batch.extract_rows`, which loads the
pipeline once per worker and turns article dicts into plain rows.
"""
