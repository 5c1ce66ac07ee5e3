"""The parsed form of one text file, built once and shared by every rule."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, List, NamedTuple, TypeVar

T = TypeVar("T")


class Position(NamedTuple):
    """A 1-based line and a 1-based column counted in code points."""

    line: int
    column: int


class Line(NamedTuple):
    """One line of the document, without its line break (a tuple: cheap to build by the thousand)."""

    number: int  # 1-based
    start: int  # offset of the first character in Document.text
    end: int  # offset just past the last character (before the "\n")
    text: str

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class Paragraph:
    """A block of consecutive non-blank lines (blocks are separated by blank lines)."""

    lines: tuple  # tuple[Line, ...]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def first_line(self) -> int:
        return self.lines[0].number

    @property
    def last_line(self) -> int:
        return self.lines[-1].number

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class Document:
    """Text plus cheap, lazily computed views of it: lines, paragraphs, positions.

    Line breaks are always "\\n" here; the file layer converts CRLF on the way in
    and back on the way out, so rules never see "\\r\\n".
    """

    __slots__ = ("text", "path", "__dict__")

    def __init__(self, text: str, path: str = "<string>") -> None:
        self.text = text
        self.path = path

    @cached_property
    def line_starts(self) -> List[int]:
        starts = [0]
        find = self.text.find
        index = find("\n")
        while index != -1:
            starts.append(index + 1)
            index = find("\n", index + 1)
        return starts

    @cached_property
    def lines(self) -> List[Line]:
        """Every line; a final newline does not start an extra, empty line."""
        text = self.text
        starts = self.line_starts
        count = len(starts)
        if count > 1 and starts[-1] == len(text):
            count -= 1
        result = []
        for index in range(count):
            start = starts[index]
            end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
            result.append(Line(index + 1, start, end, text[start:end]))
        return result

    @cached_property
    def paragraphs(self) -> List[Paragraph]:
        result, current = [], []
        for line in self.lines:
            if line.is_blank:
                if current:
                    result.append(Paragraph(tuple(current)))
                    current = []
            else:
                current.append(line)
        if current:
            result.append(Paragraph(tuple(current)))
        return result

    def memo(self, key: str, compute: Callable[[Document], T]) -> T:
        """Compute a view of this document once and share it between rules.

        Rules of one family use it for work they all need (normalised lines,
        the set of distinct words); ``key`` should start with the module name.
        """
        cache = self.__dict__.setdefault("_memo", {})
        if key not in cache:
            cache[key] = compute(self)
        return cache[key]

    def position(self, offset: int) -> Position:
        """Convert a character offset into a 1-based (line, column)."""
        line_index = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(line_index + 1, offset - self.line_starts[line_index] + 1)

    def offset(self, position: Position) -> int:
        return self.line_starts[position.line - 1] + position.column - 1

    def __repr__(self) -> str:
        return f"Document({self.path!r}, {len(self.text)} chars)"
