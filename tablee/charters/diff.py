"""Differences between two charter versions, word by word and line by line.

The result is plain data (segments tagged "equal", "insert" or "delete");
templates render it with <ins>/<del> and auto-escaping, so no markup is
built from user text here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from tablee.charters.questions import FAMILIES

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass
class Segment:
    op: str  # "equal" | "insert" | "delete"
    text: str


@dataclass
class QuestionDiff:
    key: str
    title: str
    changed: bool
    segments: list[Segment]


@dataclass
class ListDiff:
    key: str
    title: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


def word_diff(old: str, new: str) -> list[Segment]:
    """Return the segments that turn `old` into `new`, at the level of words."""
    a = _TOKENS.findall(old or "")
    b = _TOKENS.findall(new or "")
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(Segment("equal", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            segments.append(Segment("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            segments.append(Segment("insert", "".join(b[j1:j2])))
    return _merge(segments)


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if not segment.text:
            continue
        if merged and merged[-1].op == segment.op:
            merged[-1] = Segment(segment.op, merged[-1].text + segment.text)
        else:
            merged.append(segment)
    return merged


def list_diff(key: str, title: str, old: list[str], new: list[str]) -> ListDiff:
    """Compare two lists of short lines: what was added, removed and kept."""
    result = ListDiff(key=key, title=title)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.kept.extend(old[i1:i2])
            continue
        if tag in ("delete", "replace"):
            result.removed.extend(old[i1:i2])
        if tag in ("insert", "replace"):
            result.added.extend(new[j1:j2])
    return result


def compare_answers(old_answers: dict, new_answers: dict) -> list[dict]:
    """Return, per family, the word-level difference of every question."""
    families = []
    for family in FAMILIES:
        items = []
        for question in family.questions:
            before = ((old_answers or {}).get(question.key) or {}).get("text", "")
            after = ((new_answers or {}).get(question.key) or {}).get("text", "")
            items.append(
                QuestionDiff(
                    key=question.key,
                    title=str(question.title),
                    changed=before != after,
                    segments=word_diff(before, after),
                )
            )
        families.append({"family": family, "items": items})
    return families
