"""Line diffs and three-way merges of minutes texts (difflib only).

When two people edit the same draft, the second save is refused; the merge
page shows both texts side by side and proposes `merge3(base, mine, theirs)`:
changes that touch different lines are combined, changes to the same lines
are wrapped in conflict markers the person resolves by hand. A text that still
holds markers cannot be saved (see `has_conflict_markers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

MINE_MARKER = "<<<<<<<"
SEPARATOR = "======="
END_MARKER = ">>>>>>>"
_MARKER_LINE = re.compile(r"^(<{7}|={7}|>{7})( |$)", re.MULTILINE)


@dataclass(frozen=True)
class MergeResult:
    text: str
    conflicts: int


@dataclass(frozen=True)
class DiffRow:
    """One row of a side-by-side diff. `tag` is equal, changed, removed or added."""

    tag: str
    left: str | None
    right: str | None


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _hunks(base: list[str], other: list[str]) -> list[tuple[int, int, list[str]]]:
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [
        (i1, i2, other[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _apply(base: list[str], hunks, start: int, end: int) -> list[str]:
    out: list[str] = []
    position = start
    for i1, i2, lines in hunks:
        out.extend(base[position:i1])
        out.extend(lines)
        position = i2
    out.extend(base[position:end])
    return out


def merge3(
    base: str, mine: str, theirs: str, *, mine_label: str = "", theirs_label: str = ""
) -> MergeResult:
    """Merge two edits of `base`, marking the passages both changed differently."""
    base_lines, mine_lines, theirs_lines = _lines(base), _lines(mine), _lines(theirs)
    a = _hunks(base_lines, mine_lines)
    b = _hunks(base_lines, theirs_lines)
    result: list[str] = []
    conflicts = 0
    position = ia = ib = 0
    while ia < len(a) or ib < len(b):
        take_a = ib >= len(b) or (ia < len(a) and a[ia][0] <= b[ib][0])
        first = a[ia] if take_a else b[ib]
        start, end = first[0], first[1]
        group_a: list = []
        group_b: list = []
        # Gather every hunk of either side touching the region (adjacent counts).
        grew = True
        while grew:
            grew = False
            if ia < len(a) and a[ia][0] <= end and (a[ia][0] >= start):
                group_a.append(a[ia])
                end = max(end, a[ia][1])
                ia += 1
                grew = True
            if ib < len(b) and b[ib][0] <= end and (b[ib][0] >= start):
                group_b.append(b[ib])
                end = max(end, b[ib][1])
                ib += 1
                grew = True
        result.extend(base_lines[position:start])
        mine_part = _apply(base_lines, group_a, start, end)
        theirs_part = _apply(base_lines, group_b, start, end)
        if not group_b:
            result.extend(mine_part)
        elif not group_a or mine_part == theirs_part:
            result.extend(theirs_part)
        else:
            conflicts += 1
            result.append(f"{MINE_MARKER} {mine_label}".rstrip())
            result.extend(mine_part)
            result.append(f"{SEPARATOR} {theirs_label}".rstrip())
            result.extend(theirs_part)
            result.append(END_MARKER)
        position = end
    result.extend(base_lines[position:])
    return MergeResult(text="\n".join(result), conflicts=conflicts)


def has_conflict_markers(text: str) -> bool:
    return bool(_MARKER_LINE.search(text or ""))


def side_by_side(left: str, right: str) -> list[DiffRow]:
    """Return the rows of a line diff of `left` (theirs) against `right` (mine)."""
    left_lines, right_lines = _lines(left), _lines(right)
    rows: list[DiffRow] = []
    matcher = SequenceMatcher(None, left_lines, right_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(DiffRow("equal", line, line) for line in left_lines[i1:i2])
        elif tag == "delete":
            rows.extend(DiffRow("removed", line, None) for line in left_lines[i1:i2])
        elif tag == "insert":
            rows.extend(DiffRow("added", None, line) for line in right_lines[j1:j2])
        else:
            olds, news = left_lines[i1:i2], right_lines[j1:j2]
            for index in range(max(len(olds), len(news))):
                rows.append(
                    DiffRow(
                        "changed",
                        olds[index] if index < len(olds) else None,
                        news[index] if index < len(news) else None,
                    )
                )
    return rows
