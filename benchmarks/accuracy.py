#!/usr/bin/env python3
"""Extract the seed article and every gold set in ../shared/benchmarks, score each with
../shared/eval/score.py, and print the figures (``--json`` for machine-readable output).

    python3 tasks.py accuracy            # or: .venv/bin/python benchmarks/accuracy.py
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(__import__("os").environ.get("TIDINGS_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "dev" / "seed-rt-2024-11-01.txt"
SEED_GOLD = SHARED / "dev" / "seed-rt-2024-11-01.gold.json"


def scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("tidings_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def seed_article() -> dict:
    gold = json.loads(SEED_GOLD.read_text())
    return {"id": gold["article"]["id"], "text": SEED.read_text(encoding="utf-8"),
            "published": gold["article"]["published"], "outlet": gold["article"].get("outlet")}


def golden(folder: Path) -> tuple[Path, list[dict]] | None:
    """One of the project's own gold sets: ``folder``/*.gold.json over the sample articles in examples/."""
    from tidings.article import Article
    from tidings.ingest import read_paths

    golds = {json.loads(f.read_text())["article"]["id"]: json.loads(f.read_text())
             for f in sorted(folder.glob("*.gold.json"))}
    if not golds:
        return None
    arts = []
    for art in read_paths([ROOT / "examples"]):
        if isinstance(art, Article) and art.id in golds:
            arts.append({"id": art.id, "text": art.text, "title": art.title, "outlet": art.outlet,
                         "published": art.published or golds[art.id]["article"].get("published")})
    return folder, arts


def sets() -> dict[str, tuple[Path, list[dict]]]:
    """Name -> (gold path, input articles) for the seed, each benchmark folder, and our own gold set."""
    out = {}
    if SEED_GOLD.exists():
        out["seed"] = (SEED_GOLD, [seed_article()])
    # golden: the first four sample articles; golden-blind: fifteen written and annotated by
    # teammates who never saw the extractor's code or output (tests/golden/README.md)
    for name, folder in (("golden", ROOT / "tests" / "golden"), ("golden-blind", ROOT / "tests" / "golden" / "blind")):
        own = golden(folder)
        if own:
            out[name] = own
    for folder in sorted((SHARED / "benchmarks").glob("*/")):
        arts, gold = folder / "articles.jsonl", folder / "gold.jsonl"
        if arts.exists() and gold.exists():
            out[folder.name] = (gold, [json.loads(line) for line in arts.read_text().splitlines() if line.strip()])
    return out


def evaluate(names: list[str] | None = None) -> dict[str, dict]:
    from tidings.extract import default_extractor

    score = scorer()
    results = {}
    for name, (gold_path, articles) in sets().items():
        if names and name not in names:
            continue
        records = [r.record for r in default_extractor().extract_many(articles) if r.status == "ok"]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
            for rec in records:
                fh.write(json.dumps(rec) + "\n")
        results[name] = score.score(score.load_gold(gold_path), score.load_pred(Path(fh.name)))
        Path(fh.name).unlink()
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", help="only these sets (seed, plover-gsr, ...)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results = evaluate(args.sets)
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        return
    keys = ["events", "events_undirected", "event_types_only", "event_date_accuracy",
            "event_factuality_accuracy", "quotes", "quote_speaker_accuracy", "claim_stances", "treaty_obligations"]
    for name, res in results.items():
        print(f"== {name} ({res['articles']} articles)")
        for k in keys:
            v = res[k]
            if isinstance(v, dict):
                v = f"P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  (tp {v['tp']} fp {v['fp']} fn {v['fn']})"
            print(f"  {k:27} {v}")


if __name__ == "__main__":
    main()
