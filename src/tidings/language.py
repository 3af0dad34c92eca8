"""A cheap check that a text is English, from the share of common English function words.

No language-identification model ships offline; news prose in English is about
40% function words, other Latin-script languages share few of ours.
"""
from __future__ import annotations

import re

_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for on with as was by it at from are be has have had "
    "this an which were not but or its their been will would said also after they who "
    "he she his her we our more than over about into can could may should there these "
    "those when while against between because during under since did does do".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_score(text: str, sample: int = 4000) -> float:
    """Share of function words among the first words of ``text`` (0 when there are none)."""
    words = _WORD.findall(text[:sample].lower())
    if not words:
        return 0.0
    return sum(w in _FUNCTION_WORDS for w in words) / len(words)


def looks_english(text: str) -> bool:
    words = _WORD.findall(text[:4000])
    if len(words) < 8:  # too short to judge: headlines, captions
        return True
    if sum(w.isascii() for w in words) / len(words) <= 0.5:  # Cyrillic, Arabic, CJK ...
        return False
    return len(words) < 25 or english_score(text) >= 0.08
