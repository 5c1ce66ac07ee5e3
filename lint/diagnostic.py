"""What a rule returns: diagnostics, each with an optional fix made of text edits."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional, Tuple

from .document import Position

SEVERITIES = ("error", "warning")
APPLICABILITIES = ("safe", "unsafe")


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] (character offsets in the original text) with content."""

    start: int
    end: int
    content: str = ""

    def overlaps(self, other: Edit) -> bool:
        if self.start < other.end and other.start < self.end:
            return True
        # Two edits that touch at one point are ambiguous when either inserts there.
        touching = self.start == other.end or other.start == self.end
        return touching and (self.start == self.end or other.start == other.end)


@dataclass(frozen=True)
class Fix:
    """A set of edits applied together or not at all."""

    edits: Tuple[Edit, ...]
    applicability: str = "safe"
    message: str = ""
    # (start, end) positions of each edit, filled in by the engine for reporters.
    positions: Tuple[Tuple[Position, Position], ...] = field(default=(), compare=False)

    @property
    def start(self) -> int:
        return min(edit.start for edit in self.edits)

    @property
    def end(self) -> int:
        return max(edit.end for edit in self.edits)

    def overlaps(self, other: Fix) -> bool:
        return any(a.overlaps(b) for a in self.edits for b in other.edits)


@dataclass(frozen=True)
class Diagnostic:
    """One problem found by a rule, located by character offsets and by (line, column)."""

    code: str
    name: str
    message: str
    severity: str
    start_offset: int
    end_offset: int
    start: Position
    end: Position
    fix: Optional[Fix] = None
    path: str = field(default="<string>", compare=False)

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def with_changes(self, **changes) -> Diagnostic:
        return replace(self, **changes)

    def sort_key(self):
        return (self.path, self.start_offset, self.end_offset, self.code)
