"""W: whitespace and glued text.

Rules here see layout only: blank lines, spaces, and text glued together
where a scraper dropped a space or a line break.
"""

from __future__ import annotations

import re
from typing import Iterator

from vnlint.diagnostic import Diagnostic, Edit
from vnlint.document import Document
from vnlint.rule import Rule, RuleOptions

# A run of blank lines: the "\n" that ends a line, then two or more lines holding only spaces or tabs.
_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){2,}")
_LEADING_BLANKS = re.compile(r"\A(?:[ \t]*\n)+")
_TRAILING_BLANKS = re.compile(r"\n(?:[ \t]*\n)+\Z")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


class BlankLineRun(Rule):
    """
    ## What it does
    Finds two or more blank lines in a row, and blank lines at the start or end
    of the file. Inside the text, the run becomes one blank line; at the edges it
    is removed (a final newline, if the file had one, is kept).

    ## Why it matters
    Scrapers leave a blank line for every removed image, ad or widget: seed 000
    has thirteen in a row. Paragraphs in a corpus are separated by exactly one
    blank line, and tools that split on blank lines see empty paragraphs otherwise.

    ## Example
    ```
    Hai bên cũng thảo luận về cách thức thực hiện.



    Ông Võ Văn Thưởng đang tháp tùng Tổng bí thư.
    ```
    becomes
    ```
    Hai bên cũng thảo luận về cách thức thực hiện.

    Ông Võ Văn Thưởng đang tháp tùng Tổng bí thư.
    ```

    ## Fix safety
    Safe: only blank lines are removed.
    """

    code = "W001"
    name = "blank-line-run"
    summary = "Run of blank lines, or blank lines at the start or end of the file"
    default_severity = "warning"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        text = document.text
        leading = _LEADING_BLANKS.match(text)
        if leading and leading.end() < len(text):
            yield self.diagnostic(document, 0, leading.end(), "Blank lines at the start of the file",
                                  edits=[Edit(0, leading.end(), "")])
        trailing = _TRAILING_BLANKS.search(text)
        trailing_start = trailing.start() if trailing else len(text) + 1
        for run in _BLANK_RUN.finditer(text):
            if run.start() >= trailing_start or (leading and run.start() < leading.end()):
                continue
            blank_lines = run.group().count("\n") - 1
            yield self.diagnostic(document, run.start() + 1, run.end(), f"{blank_lines} blank lines in a row; one is enough",
                                  edits=[Edit(run.start(), run.end(), "\n\n")])
        if trailing and trailing.start() > 0 and not (leading and leading.end() == len(text)):
            yield self.diagnostic(document, trailing.start() + 1, trailing.end(), "Blank lines at the end of the file",
                                  edits=[Edit(trailing.start(), trailing.end(), "\n")])
        elif leading and leading.end() == len(text) and text.count("\n") > 1:
            yield self.diagnostic(document, 0, len(text), "The file holds only blank lines",
                                  edits=[Edit(0, len(text), "\n")])


class TrailingWhitespace(Rule):
    """
    ## What it does
    Finds spaces and tabs at the end of a line and removes them.

    ## Why it matters
    Trailing spaces are invisible noise left by HTML-to-text conversion (the title
    of seed 000 ends with one). They break exact-match deduplication and make two
    identical lines look different to hashing tools.

    ## Example
    `Ông Võ Văn Thưởng hội đàm với Bí thư Ban Bí thư Trung Quốc␠` becomes
    `Ông Võ Văn Thưởng hội đàm với Bí thư Ban Bí thư Trung Quốc`.

    ## Fix safety
    Safe: only spaces and tabs at line ends are removed.
    """

    code = "W002"
    name = "trailing-whitespace"
    summary = "Trailing whitespace at the end of a line"
    default_severity = "warning"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        for match in _TRAILING_SPACE.finditer(document.text):
            start, end = match.span()
            yield self.diagnostic(document, start, end, "Trailing whitespace", edits=[Edit(start, end, "")])
