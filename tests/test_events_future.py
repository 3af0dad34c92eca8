"""Scheduled and announced events (CODEBOOK rule 5): a future meeting is an AGREE that is yet to
happen (factuality ``future``); an announced sanction is a THREATEN made now."""
from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, etype, actor, recipient, factuality", [
    ("The Kenyan president is due to meet the Ugandan president on Friday.", "AGREE", "KEN", "UGA", "future"),
    ("The Indian foreign minister is due in Tokyo next week for talks with his Japanese counterpart.",
     "AGREE", "IND", "JPN", "future"),
    ("Chile will send medical teams to Peru.", "AGREE", "CHL", "PER", "future"),
    ("Lithuania will sanction Belarus.", "THREATEN", "LTU", "BLR", "asserted"),
    ("Canada has pledged to support Ukraine with winter equipment.", "AGREE", "CAN", "UKR", "asserted"),
])
def test_future_events(extractor: Any, text: str, etype: str, actor: str, recipient: str,
                       factuality: str) -> None:
    rec = extractor.extract(text, published="2024-05-01")
    found = [(e["type"], [a["code"] for a in e["actor"]], [a["code"] for a in e["recipient"]],
              e["factuality"]) for e in rec["events"]]
    assert (etype, [actor], [recipient], factuality) in found, found
