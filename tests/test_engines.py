"""Scaling out: worker processes and Spark give the same records as one process."""
from __future__ import annotations

import json
import shutil

import pytest

from tidings.engines.batch import extract_rows

pytestmark = [pytest.mark.model, pytest.mark.slow]

ARTICLES = [
    {"id": f"p{n}", "published": f"2025-02-0{n}",
     "text": f"Peru and Chile held talks in Lima on Monday on fishing rights, round {n}, officials said."}
    for n in range(1, 5)
] + [{"id": "empty", "text": "   "}]


def test_extract_rows_marks_bad_input_skipped():
    rows = list(extract_rows(ARTICLES))
    assert [r["status"] for r in rows] == ["ok"] * 4 + ["skipped"]
    assert rows[-1]["reason"] == "empty"
    assert json.loads(rows[0]["record"])["schema"] == "tidings/1"


def test_worker_processes_match_one_process():
    from tidings.article import make_article
    from tidings.engines.local import extract_parallel
    from tidings.errors import InputError

    items = [make_article(a["text"], id=a["id"], published=a["published"]) for a in ARTICLES[:4]]
    items.insert(2, InputError("bad_json", "malformed JSON", source="x.jsonl:3"))
    results = list(extract_parallel(items, jobs=2, chunk=2))
    assert [r.article_id or r.source for r in results] == ["p1", "p2", "x.jsonl:3", "p3", "p4"]
    single = {r["id"]: json.loads(r["record"]) for r in extract_rows(ARTICLES[:4])}
    for r in results:
        if r.status == "ok":
            assert r.record["actors"] == single[r.article_id]["actors"]
            assert r.record["events"] == single[r.article_id]["events"]


@pytest.mark.spark
def test_spark_local_mode(tmp_path):
    pytest.importorskip("pyspark")
    if not shutil.which("java"):
        pytest.skip("no Java runtime for Spark")
    from tidings.engines.spark import extract_dataframe, session

    ss = session("local[2]")
    try:
        src = tmp_path / "in.jsonl"
        src.write_text("\n".join(json.dumps(a) for a in ARTICLES), encoding="utf-8")
        rows = {r["id"]: r for r in extract_dataframe(ss.read.json(str(src)).repartition(2)).collect()}
    finally:
        ss.stop()
    assert {k: v["status"] for k, v in rows.items() if k != "empty"} == {f"p{n}": "ok" for n in range(1, 5)}
    rec = json.loads(rows["p1"]["record"])
    assert {a["code"] for a in rec["actors"]} >= {"PER", "CHL"}
