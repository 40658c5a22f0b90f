"""The hash chain's building blocks."""

from __future__ import annotations

import hashlib
import re

from desk_app.domain.hashing import GENESIS, canonical, chain_hash, fingerprint


def test_genesis_is_64_zeros() -> None:
    assert GENESIS == "0" * 64


def test_canonical_is_sorted_compact_utf8() -> None:
    assert canonical({"b": 1, "a": "漏水"}) == '{"a":"漏水","b":1}'.encode()
    assert canonical({"a": 1, "b": 2}) == canonical({"b": 2, "a": 1})


def test_chain_hash_is_sha256_over_prev_newline_content() -> None:
    content = {"id": 1, "situation": "漏水"}
    expected = hashlib.sha256(GENESIS.encode() + b"\n" + canonical(content)).hexdigest()
    assert chain_hash(GENESIS, content) == expected
    assert re.fullmatch(r"[0-9a-f]{64}", expected)


def test_chain_hash_changes_with_any_input() -> None:
    base = chain_hash(GENESIS, {"id": 1, "situation": "漏水"})
    assert chain_hash(GENESIS, {"id": 1, "situation": "漏水"}) == base
    assert chain_hash(GENESIS, {"id": 1, "situation": "漏电"}) != base
    assert chain_hash(GENESIS, {"id": 2, "situation": "漏水"}) != base
    assert chain_hash("1" * 64, {"id": 1, "situation": "漏水"}) != base
    # A value that prints the same as another type is still different content.
    assert chain_hash(GENESIS, {"id": "1", "situation": "漏水"}) != base


def test_fingerprint_is_three_groups_of_four_upper_hex() -> None:
    digest = "0123456789abcdef" * 4
    assert fingerprint(digest) == "0123-4567-89AB"
    assert re.fullmatch(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}", fingerprint(chain_hash(GENESIS, {})))
