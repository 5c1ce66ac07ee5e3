"""Diagnostics the engine itself raises about a file it could not lint.

They are registered like rules so that they have stable codes, documentation
(``vnlint rule E902``) and can be ignored, but their ``check`` finds nothing:
the runner emits them when reading a file fails.
"""

from __future__ import annotations

from typing import Iterator

from .diagnostic import Diagnostic
from .document import Document
from .rule import Rule, RuleOptions


class UnreadableFile(Rule):
    """
    ## What it does
    Reports a file that could not be read at all (no permission, a broken link,
    a folder named like a file, an I/O error).

    ## Why it matters
    A file that silently drops out of a lint run hides its problems; vnlint says
    which file it could not read and why instead.

    ## Example
    `chmod 000 article.txt` then `vnlint article.txt` gives
    `article.txt:1:1: E901 cannot read file: Permission denied`.

    ## Fix safety
    No fix: vnlint never changes a file it could not read.
    """

    code = "E901"
    name = "unreadable-file"
    summary = "File could not be read"
    default_severity = "error"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        return iter(())


class InvalidUtf8(Rule):
    """
    ## What it does
    Reports a file that is not valid UTF-8, with the line, column and byte
    offset of the first bad byte. The file is not checked further and is never
    rewritten, even with `--fix`.

    ## Why it matters
    Guessing an encoding and rewriting the file could destroy text for good.
    Legacy Vietnamese files (TCVN3 bytes, Windows-1258) must be converted on
    purpose, for example with `iconv -f CP1258 -t UTF-8`, and then linted.

    ## Example
    A file holding the bytes `Vi\\xea\\xf7t` gives
    `article.txt:1:3: E902 not valid UTF-8: byte(s) ea f7 at byte offset 2 (invalid continuation byte)`.

    ## Fix safety
    No fix: the original bytes are left exactly as they are.
    """

    code = "E902"
    name = "invalid-utf8"
    summary = "File is not valid UTF-8"
    default_severity = "error"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        return iter(())


ENGINE_RULES = (UnreadableFile, InvalidUtf8)
