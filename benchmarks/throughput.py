#!/usr/bin/env python3
"""Articles per second of the full tidings pipeline against bare ``nlp.pipe`` with the same
model on the same articles, measured in one run, interleaved to even out machine noise.

    python3 tasks.py bench [--rounds 3] [--articles 60]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from tidings.extract import Extractor
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
    extractor = Extractor()
    words = sum(len(a.text.split()) for a in arts)
    list(bare.pipe(a.text for a in arts[:4]))  # warm both before timing
    list(extractor.extract_many(arts[:4]))
    t_bare = t_full = 0.0
    for _ in range(args.rounds):
        t = time.perf_counter()
        for _doc in bare.pipe((a.text for a in arts), batch_size=16):
            pass
        t_bare += time.perf_counter() - t
        t = time.perf_counter()
        for _res in extractor.extract_many(arts, batch_size=16):
            pass
        t_full += time.perf_counter() - t
    n = len(arts) * args.rounds
    out = {"articles": len(arts), "words": words, "rounds": args.rounds,
           "bare_articles_per_s": round(n / t_bare, 2), "tidings_articles_per_s": round(n / t_full, 2),
           "ratio": round(t_bare / t_full, 3)}
    print(json.dumps(out))
    print(f"tidings {out['tidings_articles_per_s']} articles/s, bare nlp.pipe {out['bare_articles_per_s']}"
          f" articles/s: ratio {out['ratio']}")


if __name__ == "__main__":
    main()
