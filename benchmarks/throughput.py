#!/usr/bin/env python3
"""Articles per second of tidings against bare ``nlp.pipe`` with the same model on the same
articles, measured in one run, interleaved to even out machine noise: the core pipeline
(sentences, gazetteer, actors) and the full one (events, quotes, claims, dates, places, treaties).

    python3 tasks.py bench [--rounds 3] [--articles 60]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from tidings.extract import Extractor
from tidings.pipeline import default_config
from tidings.ingest import read_paths
from tidings.nlp import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent


def corpus(n: int) -> list:
    arts = [a for a in read_paths([ROOT / "examples"]) if not isinstance(a, Exception)]
    seed = ROOT.parent / "shared" / "dev" / "seed-rt-2024-11-01.txt"
    if seed.exists():
        arts += [a for a in read_paths([seed]) if not isinstance(a, Exception)]
    return (arts * (n // max(1, len(arts)) + 1))[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--articles", type=int, default=60)
    args = ap.parse_args()
    arts = corpus(args.articles)
    bare = spacy.load(DEFAULT_MODEL)
    core_cfg = default_config()
    core_cfg["components"] = [c for c in core_cfg["components"]
                              if c["factory"] in ("tidings_paragraph_breaks", "tidings_gazetteer", "tidings_actors")]
    runs = {"core": Extractor(core_cfg), "full": Extractor()}
    words = sum(len(a.text.split()) for a in arts)
    list(bare.pipe(a.text for a in arts[:4]))  # warm everything before timing
    for ex in runs.values():
        list(ex.extract_many(arts[:8]))
    spent = {"bare": 0.0, **{k: 0.0 for k in runs}}
    for _ in range(args.rounds):
        t = time.perf_counter()
        for _doc in bare.pipe((a.text for a in arts), batch_size=16):
            pass
        spent["bare"] += time.perf_counter() - t
        for name, ex in runs.items():
            t = time.perf_counter()
            for _res in ex.extract_many(arts, batch_size=16):
                pass
            spent[name] += time.perf_counter() - t
    n = len(arts) * args.rounds
    out = {"articles": len(arts), "words": words, "rounds": args.rounds,
           **{f"{k}_articles_per_s": round(n / v, 2) for k, v in spent.items()},
           "ratio_core": round(spent["bare"] / spent["core"], 3),
           "ratio_full": round(spent["bare"] / spent["full"], 3)}
    print(json.dumps(out))
    print(f"bare nlp.pipe {out['bare_articles_per_s']} articles/s; tidings core {out['core_articles_per_s']}"
          f" (ratio {out['ratio_core']}); tidings full {out['full_articles_per_s']} (ratio {out['ratio_full']})")


if __name__ == "__main__":
    main()
