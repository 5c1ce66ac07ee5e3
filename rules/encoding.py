"""E: encoding and Unicode faults.

Every rule here has a fast path (a precompiled character class or
``unicodedata.is_normalized``) that decides for almost all text; only
suspect spans get the expensive look.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from vnlint.diagnostic import Diagnostic, Edit
from vnlint.document import Document
from vnlint.rule import Rule, RuleOptions

# Zero-width and format characters, soft hyphen, and C0/C1 controls other than tab and newline.
# U+200D (ZWJ) and U+FE0F (VS16) are left to the emoji check below; U+FEFF at offset 0 is E004's.
_INVISIBLE = re.compile(
    "[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]"
)
_EMOJI_NEIGHBOUR = re.compile("[\u200d\ufe0f\U0001f000-\U0001faff\u2600-\u27bf\u2300-\u23ff\u2b00-\u2bff]")
_UNUSUAL_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_NAMES = {"\u00a0": "no-break space", "\u202f": "narrow no-break space", "\u3000": "ideographic space",
                "\u2009": "thin space", "\u200a": "hair space", "\u2002": "en space", "\u2003": "em space"}


class NotNFC(Rule):
    """
    ## What it does
    Finds text that is not in Unicode Normalization Form C, such as a base letter
    followed by a combining tone mark ("e" + U+0301 instead of "é"), and
    normalises it to NFC.

    ## Why it matters
    Vietnamese has many letters that can be written precomposed or decomposed.
    Decomposed text (from macOS file names, some CMS editors, or Python's cp1258
    codec) looks identical but does not match NFC text in search, dedup or
    tokenizers: "Việt" in NFD and in NFC are different strings.

    ## Example
    `Vie\u0302\u0323t Nam` (decomposed) becomes `Việt Nam` (precomposed, NFC).

    ## Fix safety
    Safe: NFC is canonically equivalent, so the text reads the same.
    """

    code = "E001"
    name = "not-nfc"
    summary = "Text is not in Unicode NFC (decomposed letters or tone marks)"
    default_severity = "error"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        if unicodedata.is_normalized("NFC", document.text):
            return
        for line in document.lines:
            if unicodedata.is_normalized("NFC", line.text):
                continue
            # Report the smallest span that changes, so the diagnostic points at the letters.
            normalized = unicodedata.normalize("NFC", line.text)
            prefix = _common_prefix(line.text, normalized)
            suffix = _common_suffix(line.text[prefix:], normalized[prefix:])
            start, end = line.start + prefix, line.end - suffix
            replacement = normalized[prefix:len(normalized) - suffix]
            yield self.diagnostic(document, start, end, "Text is not NFC (decomposed characters); normalise to NFC",
                                  edits=[Edit(start, end, replacement)])


class InvisibleCharacter(Rule):
    """
    ## What it does
    Finds invisible characters: zero-width spaces and joiners (outside emoji),
    soft hyphens, byte-order marks inside the text, bidirectional controls, and
    C0/C1 control characters other than tab and newline. The fix removes them.

    ## Why it matters
    They are invisible in an editor but split words for tokenizers and search
    ("Hà\u200bNội" is two tokens), and control characters break downstream JSON
    and CSV tools.

    ## Example
    `Việt\u200b Nam` (a zero-width space before the space) becomes `Việt Nam`;
    `Tổng Bí\u00ad thư` (a soft hyphen) becomes `Tổng Bí thư`.

    ## Fix safety
    Safe: only characters with no visible form are removed.
    """

    code = "E002"
    name = "invisible-character"
    summary = "Invisible or control character"
    default_severity = "warning"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        text = document.text
        for match in _INVISIBLE.finditer(text):
            start = match.start()
            char = text[start]
            if char == "\ufeff" and start == 0:
                continue  # a leading BOM is E004's
            if char in "\u200d\ufe0f" and _next_to_emoji(text, start):
                continue  # joiners and variation selectors are part of emoji sequences
            if char == "\r" and text.startswith("\n", start + 1):
                continue  # a stray CRLF in a mixed-newline file is a line break, not a control character
            label = unicodedata.name(char, f"U+{ord(char):04X}")
            yield self.diagnostic(document, start, start + 1, f"Invisible character U+{ord(char):04X} ({label.lower()})",
                                  edits=[Edit(start, start + 1, "")])


class UnusualSpace(Rule):
    """
    ## What it does
    Finds no-break, thin, ideographic and other unusual spaces and replaces each
    with a plain space.

    ## Why it matters
    HTML `&nbsp;` survives scraping as U+00A0 (seeds 002, 003 and 004 carry it).
    It looks like a space but is not one for `str.split()`, regexes with ` `, or
    tokenizers, so "Tô Lâm\u00a0trên" stays one token.

    ## Example
    `của\u00a0Tổng Bí thư` becomes `của Tổng Bí thư`.

    ## Fix safety
    Safe: the character is replaced by an ordinary space.
    """

    code = "E003"
    name = "unusual-space"
    summary = "No-break, thin or other unusual space"
    default_severity = "warning"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        text = document.text
        for match in _UNUSUAL_SPACE.finditer(text):
            start = match.start()
            char = text[start]
            label = _SPACE_NAMES.get(char) or unicodedata.name(char, "space").lower()
            yield self.diagnostic(document, start, start + 1, f"Unusual space U+{ord(char):04X} ({label})",
                                  edits=[Edit(start, start + 1, " ")])


class ByteOrderMark(Rule):
    """
    ## What it does
    Reports a UTF-8 byte-order mark (U+FEFF) at the very start of the file and
    removes it.

    ## Why it matters
    vnlint tolerates a BOM when reading, but many tools do not: the first line
    of the file then starts with an invisible character, so its first word never
    matches and JSON loaders reject it.

    ## Example
    `\ufeffHà Nội, ngày 5/9` becomes `Hà Nội, ngày 5/9`.

    ## Fix safety
    Safe: UTF-8 needs no byte-order mark.
    """

    code = "E004"
    name = "byte-order-mark"
    summary = "UTF-8 byte-order mark at the start of the file"
    default_severity = "warning"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        if document.text.startswith("\ufeff"):
            yield self.diagnostic(document, 0, 1, "UTF-8 byte-order mark at the start of the file",
                                  edits=[Edit(0, 1, "")])


def _next_to_emoji(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return bool(_EMOJI_NEIGHBOUR.match(before) or _EMOJI_NEIGHBOUR.match(after))


def _common_prefix(a: str, b: str) -> int:
    limit = min(len(a), len(b))
    index = 0
    while index < limit and a[index] == b[index]:
        index += 1
    # Never cut between a base letter and its combining marks.
    while index > 0 and unicodedata.combining(a[index - 1 : index] or " "):
        index -= 1
    return max(0, index - 1) if index and index < len(a) and unicodedata.combining(a[index]) else index


def _common_suffix(a: str, b: str) -> int:
    limit = min(len(a), len(b))
    count = 0
    while count < limit and a[len(a) - 1 - count] == b[len(b) - 1 - count]:
        count += 1
    # Keep combining marks with their base letter inside the reported span.
    while count > 0 and unicodedata.combining(a[len(a) - count]):
        count -= 1
    return count
