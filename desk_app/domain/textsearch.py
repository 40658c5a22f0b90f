"""Substring search that stays fast on a million entries, Chinese included.

Chinese has no spaces, and SQLite's trigram tokenizer cannot look up words shorter than
three characters (漏水, 停电). So the log keeps an FTS5 index of character *bigrams*:
every run of letters and digits is cut into overlapping pairs. A query term of two or
more letters/digits becomes an FTS5 phrase of its bigrams, which matches exactly the
entries that contain the term as a substring. Terms of one character, or with
punctuation, fall back to LIKE (still correct, only slower).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

RUN_BREAK = "brk"


# Runs of letters and digits: ``\w`` is exactly str.isalnum() plus "_" (re docs).
_RUN = re.compile(r"[^\W_]+")


def _runs(text: str) -> list[str]:
    return _RUN.findall(unicodedata.normalize("NFKC", text).casefold())


def _bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_text(*parts: str) -> str:
    """The text stored in the FTS5 table for an entry: bigrams separated by spaces."""
    tokens: list[str] = []
    for part in parts:
        for run in _runs(part):
            tokens.extend(_bigrams(run))
            # A three-letter token can never equal a query bigram, so it keeps the
            # bigrams of two runs ("ab", "bc" in "ab bc") from matching the phrase "abc".
            tokens.append(RUN_BREAK)
    return " ".join(tokens)


@dataclass(frozen=True)
class SearchPlan:
    fts_query: str | None  # FTS5 MATCH expression, or None
    like_terms: tuple[str, ...]  # terms that must be matched with LIKE


def plan(query: str) -> SearchPlan:
    """Split a user's search into indexed phrases and LIKE fallbacks (all terms must match)."""
    phrases: list[str] = []
    like: list[str] = []
    for term in query.split():
        runs = _runs(term)
        normalized = unicodedata.normalize("NFKC", term).casefold()
        if len(runs) == 1 and runs[0] == normalized and len(normalized) >= 2:
            phrases.append('"' + " ".join(_bigrams(normalized)) + '"')
        else:
            like.append(term)
    return SearchPlan(" AND ".join(phrases) or None, tuple(like))


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
