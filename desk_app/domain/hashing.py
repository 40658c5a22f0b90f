"""The tamper-evident chain over the shift log.

Every entry stores SHA-256 over the previous entry's hash and its own canonical
content. Changing, removing or inserting a row behind the application's back breaks
the chain at that row; ``fingerprint`` is the short form printed on paper.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

GENESIS = "0" * 64


def canonical(content: Mapping[str, Any]) -> bytes:
    return json.dumps(
        dict(content), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def chain_hash(prev_hash: str, content: Mapping[str, Any]) -> str:
    digest = hashlib.sha256()
    digest.update(prev_hash.encode("ascii"))
    digest.update(b"\n")
    digest.update(canonical(content))
    return digest.hexdigest()


def fingerprint(entry_hash: str) -> str:
    """Short form for paper: 12 hex digits in groups of four (48 bits)."""
    head = entry_hash[:12].upper()
    return "-".join(head[i : i + 4] for i in range(0, 12, 4))
