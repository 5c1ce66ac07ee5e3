"""E: encoding and Unicode faults.

Every rule here has a fast path (a precompiled character class or
``unicodedata.is_normalized``) that decides for almost all text; only
suspect spans get the expensive look.

E1xx share one analysis per document (``encoding_faults``, a ``document.memo``
view): two regex scans find the lines holding characters that mojibake and the
legacy Vietnamese codes produce but clean prose does not, or holding no letter
beyond Latin-1; each such line is tried with ftfy (narrowed to its encoding
repairs) and with the TCVN3, VNI and Windows-1258 tables in rules/data, and a
conversion counts only if it turns words into valid Vietnamese syllables. E002
and E003 consult the same analysis so that they never delete a byte that E101
or E102 needs, and take their characters from the first of the two scans
(``_ODD_CHARACTER``), which looks for all three rules' characters at once.
"""

from __future__ import annotations

import bisect
import codecs
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Dict, FrozenSet, Iterator, List, Optional, Tuple

from vnlint.diagnostic import Diagnostic, Edit
from vnlint.document import Document
from vnlint.rule import Option, Rule, RuleOptions
from vnlint.rules.vietnamese import WORD, is_vietnamese_syllable

_DATA = Path(__file__).parent / "data"

# Zero-width and format characters, soft hyphen, and C0/C1 controls other than tab and newline.
# U+200D (ZWJ) and U+FE0F (VS16) are left to the emoji check below; U+FEFF at offset 0 is E004's.
_INVISIBLE_CHARS = (
    "\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# Characters that take part in emoji sequences, beside which ZWJ and VS16 belong: pictographs,
# the text symbols with an emoji form (© ® ™ ↔ ▶ ℹ ...), and the keycap mark of "1️⃣".
_EMOJI_NEIGHBOUR = re.compile(
    "[\u200d\ufe0f\u20e3\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u2300-\u23ff\u24c2"
    "\u25aa-\u25fe\u2600-\u27bf\u2934\u2935\u2b00-\u2bff\u3030\u303d\u3297\u3299\U0001f000-\U0001faff]"
)
_UNUSUAL_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_UNUSUAL_SPACE = re.compile(f"[{_UNUSUAL_SPACES}]")
# Invisible characters that can be bytes of mojibake (C1 controls, the soft hyphen in "Ã\u00ad" = í)
# or letters of a legacy code (TCVN3's ư is 0xAD, a soft hyphen; VN1 puts capitals on C0 controls).
_ENCODING_BYTES = frozenset(chr(c) for c in [*range(0x01, 0x20), *range(0x80, 0xA0), 0xAD])
# In mojibake a no-break space is the byte 0xA0 after a UTF-8 lead byte (Ã, Â, Æ ...) or after
# another continuation byte (º, » in "á»\u00a0"): only then can it belong to an E1xx span.
_BEFORE_MOJIBAKE_A0 = re.compile("[\u00a1-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013"
                                 "\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
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
        for start in _hits(document, _INVISIBLE):
            char = text[start]
            if char == "\ufeff" and start == 0:
                continue  # a leading BOM is E004's
            if char in "\u200d\ufe0f" and _next_to_emoji(text, start):
                continue  # joiners and variation selectors are part of emoji sequences
            if char == "\r" and text.startswith("\n", start + 1):
                continue  # a stray CRLF in a mixed-newline file is a line break, not a control character
            if char in _ENCODING_BYTES and _inside_encoding_fault(document, start):
                continue  # a byte of mojibake or a letter of a legacy code: E101/E102 convert it
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
        for start in _hits(document, _UNUSUAL_SPACE):
            char = text[start]
            if char == "\u00a0" and start and _BEFORE_MOJIBAKE_A0.match(text, start - 1) \
                    and _inside_encoding_fault(document, start):
                continue  # "HÃ\u00a0" is mojibake for "Hà": E101 decodes it
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


# --------------------------------------------------------------------------------------------
# E1xx: mojibake and legacy Vietnamese encodings, found by one shared analysis per document.
#
# Fast path: one scan over the whole text finds the few lines holding a character that mojibake,
# TCVN3, VNI or a Windows-1258 misread produce all the time but clean Vietnamese prose almost
# never does (a no-break space is looked for only when the text holds one); a second finds the
# lines with no letter beyond Latin-1, and of those only the ones with a word that is not
# Vietnamese are kept. Only the lines found get the expensive look: ftfy, and each legacy table,
# judged by how many words become valid Vietnamese syllables. On clean news text that is a few
# lines with a foreign name or a unit (Jürgen, Ødegaard, m², °C), each examined once per
# distinct line.

# C1 controls; the Latin-1 symbols ¡-¿ (TCVN3 puts ă â ê ô ơ ư đ and the toned a's there, and
# they follow UTF-8 lead bytes in mojibake); Latin-1 letters Vietnamese does not use (VNI's marks
# ä å æ ë î ï ñ ö ø û ü, Windows-1258's Ð ð Þ and the tone marks Ì Ò); and the Windows-1252
# characters UTF-8 continuation bytes turn into (€ ™ Œ ...) but not “ ” ‘ ’ – — … •.
_SUSPECT_CHARS = (
    "\u0080-\u009f\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00cc\u00ce-\u00d2\u00d6-\u00d8\u00db\u00dc\u00de\u00df"
    "\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff\u0152\u0153\u0160\u0161\u0178\u017d"
    "\u017e\u0192\u02c6\u02dc\u201a\u201e\u2020\u2021\u2030\u2039\u203a\u20ac\u2122"
)
_SUSPECT_CHAR = re.compile(f"[{_SUSPECT_CHARS}]")
# Letters clean Vietnamese never writes right after a vowel: Windows-1258's sắc and nặng marks
# read as ì and ò ("Viêòt") and VNI's sắc mark ù ("caùc"), after any vowel; VNI's hat â
# ("Thoâng") only after the letters that take it, a e o. u is left out because "uâ" is
# everyday Vietnamese (xuân, quân), and so is "iâ" (giây).
_TONE_MARK_VOWELS = "aeioyâêôãõýAEIOYÂÊÔÃÕÝ"
_HAT_VOWELS = "aeoAEO"
_SUSPECT_AFTER_VOWEL = re.compile(f"[ìòùÙ](?<=[{_TONE_MARK_VOWELS}].)|[âÂ](?<=[{_HAT_VOWELS}].)")
# UTF-8 for à and for a no-break space, read as Windows-1252: "HÃ\u00a0", "Â\u00a0".
_SUSPECT_A0 = re.compile("\u00a0(?<=[ÂÃ].)")
_SUSPECT_PATTERNS = (_SUSPECT_CHAR, _SUSPECT_AFTER_VOWEL, _SUSPECT_A0)


def _characters_or_marks_after_vowels(characters: str) -> re.Pattern[str]:
    """One of characters, or a mark that _SUSPECT_AFTER_VOWEL finds after its vowel.

    One character class holds both the characters and the marks, then a look back decides: the
    regex engine skips through a single class fast, while an alternation of two would be tried
    at every position."""
    return re.compile(
        f"[{characters}ìòùÙâÂ]"
        f"(?:(?<=[{characters}])|(?<=[{_TONE_MARK_VOWELS}][ìòùÙ])|(?<=[{_HAT_VOWELS}][âÂ]))"
    )


# _SUSPECT_CHAR and _SUSPECT_AFTER_VOWEL in one pattern. The whole text is scanned with
# _ODD_CHARACTER below, which extends it; _TELLTALE decides its hits and searches single lines.
_TELLTALE = _characters_or_marks_after_vowels(_SUSPECT_CHARS)
# The one scan of the whole text that E002, E003 and the fast path above share: _TELLTALE with the
# invisible characters and the unusual spaces added to its class. It matches exactly where
# _INVISIBLE, _UNUSUAL_SPACE or _TELLTALE does (the marks ì ò ù Ù â Â are in none of the three
# sets, so their look-backs keep _TELLTALE's meaning), and each rule keeps the hits that are its
# own (_hits). Clean text has next to no hits, so three passes over every character become one.
_ODD_CHARS = f"{_INVISIBLE_CHARS}{_UNUSUAL_SPACES}{_SUSPECT_CHARS}"
_ODD_CHARACTER = _characters_or_marks_after_vowels(_ODD_CHARS)
# A line whose only non-ASCII characters are Latin-1 letters: real Vietnamese almost always has a
# letter beyond U+00FF (ư ơ đ ạ ấ ...), while TCVN3 and VNI can spell a short line without any
# telltale character ("Tin míi nhÊt", "Thoâng tin"). The classes stop at the first other
# character, so the scan stays linear. It is searched from the line break before each line, which
# the engine finds fast; a multiline "^" would be tried at every position. The repeats are
# possessive (*+): giving a character back could never help (the first class and [\xc0-\xff] are
# disjoint, and no character of the second is a line break or the end), so the engine is told not
# to try, which saves about a third of the scan.
_LATIN1_ONLY = "[\x00-\x09\x0b-\xbf]*+[\xc0-\xff][\x00-\x09\x0b-\xff]*+(?=\n|\\Z)"
_LATIN1_ONLY_FIRST_LINE = re.compile(_LATIN1_ONLY)
_LATIN1_ONLY_NEXT_LINE = re.compile("\n" + _LATIN1_ONLY)

# A legacy table is tried on a suspect line only if the line holds a character that the code
# writes and clean text does not: TCVN3's symbols and odd letters; VNI's marks ø å ä ë ï ñ ö ...
# and its sắc mark ù or hat â after a vowel; Windows-1258's Ð Þ, and its tone marks Ì Ò, or
# ì ò after a vowel.
_LEGACY_SIGNS = {
    "tcvn3": _SUSPECT_CHAR,
    "vni": re.compile("[\u00c4-\u00c6\u00cb\u00ce\u00cf\u00d1\u00d6\u00d8\u00db\u00dc\u00e4-\u00e6\u00eb"
                      "\u00ee\u00ef\u00f1\u00f6\u00f8\u00fb\u00fc]|[ùÙ](?<=[aeouyAEOUY].)|[âÂ](?<=[aeoAEO].)"),
    "cp1258": re.compile("[ÐðÞþÌÒ]|[ìò](?<=[aeiouyâêôãõýAEIOUYÂÊÔÃÕÝ].)"),
}

# Words are compared between a line and its conversion token by token; the conversions never
# touch these separators, so the tokens line up.
_TOKEN = re.compile("[^ \t\n\u00a0\u2000-\u200b\u3000]+")

# In order of preference on a tie: VNI first, because a VNI conversion that validates words has
# merged base letters with marks, which a chance 1:1 substitution rarely imitates.
LEGACY_ENCODINGS = ("vni", "tcvn3", "cp1258")
_ENCODING_NAMES = {
    "mojibake": "UTF-8 read as Windows-1252 or Latin-1",
    "tcvn3": "TCVN3 (ABC, .VnTime fonts)",
    "vni": "VNI-Windows (VNI fonts)",
    "cp1258": "Windows-1258 read as Windows-1252",
}


@dataclass(frozen=True)
class EncodingFault:
    """A span of one line that decodes to different text: kind is "mojibake" or a legacy encoding."""

    kind: str
    start: int
    end: int
    replacement: str
    safe: bool


def encoding_faults(document: Document) -> Tuple[EncodingFault, ...]:
    """Every mojibake and legacy-encoding span in the document, computed once and shared by E0xx/E1xx."""
    return document.memo("encoding.faults", _find_encoding_faults)


def _telltale_spans(document: Document) -> List[Tuple[int, int]]:
    """The spans around telltale characters and mojibake no-break spaces: the first half of the
    fast path, shared by the whole analysis and by E101's own first look."""
    return document.memo("encoding.telltale_spans", _find_telltale_spans)


def _find_telltale_spans(document: Document) -> List[Tuple[int, int]]:
    text = document.text
    if not _odd_characters(document)[0]:
        return []  # clean text: no telltale, and no no-break space either (it is an odd character)
    spans = _spans_around_odd_characters(document, _TELLTALE)
    if "\u00a0" in text:  # the substring test is far cheaper than testing each odd character
        spans += _spans_around_odd_characters(document, _SUSPECT_A0)
    return spans


# The shared scan lists at most this many odd characters. Clean text has a few at most (° ² «),
# while mojibake or a legacy code has one every few characters: there each rule goes on past the
# list with its own pattern, as it would without the shared scan, which costs less than listing
# every one.
_MOST_ODD_CHARACTERS_LISTED = 64


def _odd_characters(document: Document) -> Tuple[List[int], int]:
    """(offsets, end): the offsets, in order, of every character before end that E002, E003 or
    the E1xx fast path looks at (the hits of one scan, _ODD_CHARACTER); end is the length of the
    text unless the list is full."""
    return document.memo("encoding.odd_characters", _find_odd_characters)


def _find_odd_characters(document: Document) -> Tuple[List[int], int]:
    # A loop of searches costs less than finditer when, as in clean text, there is nothing to find.
    text = document.text
    offsets: List[int] = []
    match = _ODD_CHARACTER.search(text)
    while match is not None:
        if len(offsets) == _MOST_ODD_CHARACTERS_LISTED:
            return offsets, match.start()
        offsets.append(match.start())
        match = _ODD_CHARACTER.search(text, match.end())
    return offsets, len(text)


def _hits(document: Document, pattern: re.Pattern[str]) -> Iterator[int]:
    """The offsets where pattern matches, for a pattern of one character that matches only where
    _ODD_CHARACTER does: the listed odd characters it accepts, then its own finds past the list."""
    text = document.text
    listed, end = _odd_characters(document)
    for offset in listed:
        if pattern.match(text, offset):
            yield offset
    if end < len(text):
        for match in pattern.finditer(text, end):
            yield match.start()


def _spans_around_odd_characters(document: Document, pattern: re.Pattern[str]) -> List[Tuple[int, int]]:
    """What _spans_around_hits(document.text, pattern) returns, for a pattern of one character that
    matches only where _ODD_CHARACTER does: the listed odd characters stand in for the search."""
    text = document.text
    listed, listed_end = _odd_characters(document)
    spans = []
    end = 0
    for offset in listed:
        # A search from end would find the first hit at or after end; its look-behinds see the
        # text before end, as match does here.
        if offset >= end and pattern.match(text, offset):
            start, end = _span_around(text, offset)
            spans.append((start, end))
    if listed_end < len(text):
        spans += _spans_around_hits(text, pattern, search_from=max(end, listed_end))
    return spans


def _fault_starts(document: Document) -> List[int]:
    return document.memo("encoding.fault_starts", lambda document: [fault.start for fault in encoding_faults(document)])


def _inside_encoding_fault(document: Document, offset: int) -> bool:
    """Whether a fault span covers offset: its C1 controls, soft hyphens and no-break spaces are
    bytes of mojibake or letters of a legacy code, not stray characters to delete."""
    faults = encoding_faults(document)
    if not faults:
        return False
    index = bisect.bisect_right(_fault_starts(document), offset) - 1
    return index >= 0 and offset < faults[index].end


# A long line is examined in pieces of about twice this many characters around each hit, so one
# odd character in a 10 MB line costs a few kilobytes of work.
_PIECE = 2000


def _suspect_spans(document: Document) -> List[Tuple[int, int]]:
    """Disjoint (start, end) spans to examine: each line a fast-path pattern hits, or the piece
    of a long line around the hit, cut at spaces. Bounds come from the text itself, so clean text
    never pays for building Document.lines."""
    text = document.text
    telltale_spans = _telltale_spans(document)
    latin1_only_spans = _latin1_only_spans(text)
    if not telltale_spans and not latin1_only_spans:
        return []  # clean text, the usual case
    spans = set(telltale_spans)
    for start, end in latin1_only_spans:
        if (start, end) in spans:
            continue  # a telltale in the same line found it already
        piece = text[start:end]
        if "\u00a0" not in piece and _every_token_reads_right(piece) and _TELLTALE.search(piece) is None:
            continue  # "Thùy Linh", "Khánh Hòa": a byline in Latin-1 letters only, and good Vietnamese
        spans.add((start, end))
    disjoint: List[Tuple[int, int]] = []
    for start, end in sorted(spans):
        if disjoint and start < disjoint[-1][1]:
            start = disjoint[-1][1]
        if start < end:
            disjoint.append((start, end))
    return disjoint


def _spans_around_hits(text: str, pattern: re.Pattern[str], skip: int = 0,
                       search_from: int = 0) -> List[Tuple[int, int]]:
    """The span around each hit of pattern from search_from on, the hit being skip characters
    after the start of the match; the search resumes where the span ends."""
    spans = []
    match = pattern.search(text, search_from)
    while match is not None:
        start, end = _span_around(text, match.start() + skip)
        spans.append((start, end))
        match = pattern.search(text, end)
    return spans


def _latin1_only_spans(text: str) -> List[Tuple[int, int]]:
    spans = _spans_around_hits(text, _LATIN1_ONLY_NEXT_LINE, skip=1)  # the line starts after its "\n"
    if _LATIN1_ONLY_FIRST_LINE.match(text):
        spans.insert(0, _span_around(text, 0))
    return spans


def _span_around(text: str, hit: int) -> Tuple[int, int]:
    """The line holding hit, or for a long line the piece of about 2 * _PIECE characters around
    it, cut at spaces."""
    start = text.rfind("\n", 0, hit) + 1
    end = text.find("\n", hit)
    end = len(text) if end == -1 else end
    if end - start > 2 * _PIECE:
        if hit - _PIECE > start:
            start = max(start, text.rfind(" ", start, hit - _PIECE) + 1)
        if hit + _PIECE < end:
            cut = text.find(" ", hit + _PIECE, end)
            end = end if cut == -1 else cut
    return start, end


@lru_cache(maxsize=1024)  # bylines and other short lines repeat across a corpus
def _every_token_reads_right(line: str) -> bool:
    """Whether no conversion could repair a word of line: every token is plain ASCII, which no
    table changes, or already valid Vietnamese. A conversion counts only where it turns a broken
    word into a valid one (_judge_conversion), so such a line needs neither ftfy nor the tables
    when it holds no telltale character either."""
    return all((token.isascii() and token.isprintable()) or _token_verdict(token) is True
               for token in _TOKEN.findall(line))


def _find_encoding_faults(document: Document) -> Tuple[EncodingFault, ...]:
    text = document.text
    spans = _suspect_spans(document)
    if not spans:
        return ()  # clean text, the usual case: nothing to diagnose
    verdicts: Dict[Tuple[int, int], Tuple[str, str, bool]] = {}
    counts: Dict[str, int] = {}
    for start, end in spans:
        # In a long legacy file, try its code first: most lines then need one conversion only.
        usual = max(counts, key=counts.__getitem__) if counts else None
        verdict = diagnose_line(text[start:end], _starts_sentence(text, start),
                                usual if usual and counts[usual] >= 3 else None)
        if verdict is not None:
            verdicts[(start, end)] = verdict
            if verdict[0] != "mojibake":
                counts[verdict[0]] = counts.get(verdict[0], 0) + 1
    _convert_rest_of_legacy_document(document, verdicts)
    _trust_the_documents_code(text, verdicts)
    faults = []
    for start, end in sorted(verdicts):
        line = text[start:end]
        kind, converted, safe = verdicts[(start, end)]
        prefix = _common_prefix(line, converted)
        suffix = _common_suffix(line[prefix:], converted[prefix:])
        # Widen the span to whole words, so messages show "Hµ Néi" and not "µ Néi".
        while prefix and not line[prefix - 1].isspace():
            prefix -= 1
        while suffix and not line[len(line) - suffix].isspace():
            suffix -= 1
        faults.append(EncodingFault(kind, start + prefix, end - suffix, converted[prefix:len(converted) - suffix], safe))
    return tuple(faults)


def _convert_rest_of_legacy_document(document: Document, verdicts: Dict[Tuple[int, int], Tuple[str, str, bool]]) -> None:
    """A file typed in a legacy code is typed in it throughout. Once two lines agree on the code,
    the other lines with non-ASCII letters get the same conversion when every word it changes
    becomes valid, even without a telltale character ("Thông tin" in VNI is "Thoâng tin")."""
    kinds = [verdict[0] for verdict in verdicts.values() if verdict[0] != "mojibake"]
    kind = max(set(kinds), key=kinds.count) if kinds else None
    if kind is None or kinds.count(kind) < 2:
        return
    examined = {document.text.rfind("\n", 0, start) + 1 for start, _ in verdicts}
    for line in document.lines:
        if line.start in examined or line.text.isascii() or len(line.text) > 2 * _PIECE:
            continue
        converted = decode_legacy(line.text, kind, _starts_sentence(document.text, line.start))
        judged = _judge_conversion(line.text, converted, lenient=True) if converted != line.text else None
        if judged is not None and judged[1]:
            verdicts[(line.start, line.end)] = (kind, converted, True)


def _trust_the_documents_code(text: str, verdicts: Dict[Tuple[int, int], Tuple[str, str, bool]]) -> None:
    """Once three lines of a document convert safely with one legacy table, the file is in that
    code, and a short line of it that leaves one word invalid ("Đuma", a typo) was typed that way:
    its conversion is safe too. (A long line decides alone: see _DECISIVE_WORDS.)"""
    safe_lines: Dict[str, int] = {}
    for kind, _, safe in verdicts.values():
        if safe and kind != "mojibake":
            safe_lines[kind] = safe_lines.get(kind, 0) + 1
    for (start, end), (kind, converted, safe) in verdicts.items():
        if not safe and safe_lines.get(kind, 0) >= _DOCUMENT_EVIDENCE_LINES:
            if _few_slips(*_changed_and_invalid(text[start:end], converted)):
                verdicts[(start, end)] = (kind, converted, True)


def _starts_sentence(text: str, line_start: int) -> bool:
    """Whether the line at line_start begins a sentence: the first line, after a blank line, or
    after a line ending a sentence (hard-wrapped text continues the sentence on the next line)."""
    previous = text[max(0, line_start - 200):max(0, line_start - 1)].rstrip(" \t")
    return not previous or previous.endswith(("\n", ".", "!", "?", "…", ":", "\"", "”", "’", ")"))


@lru_cache(maxsize=1024)  # scraped corpora repeat lines (footers, bylines) many times
def diagnose_line(text: str, starts_sentence: bool = False,
                  usual: Optional[str] = None) -> Optional[Tuple[str, str, bool]]:
    """Decide how one suspect line was garbled: (kind, repaired text, fix is safe), or None if clean.

    usual names the code most lines of the document are in; a safe conversion with it is
    accepted at once. Otherwise ftfy's repair wins when it removes mojibake characters (ftfy only decodes what it recognises
    as UTF-8). Otherwise each legacy table whose telltale characters the line holds is tried,
    and the one that turns the most words into valid Vietnamese syllables wins; it must show a
    clear gain, because ftfy's own badness score is 0 on TCVN3 and VNI text.
    """
    if usual is not None and _LEGACY_SIGNS[usual].search(text):
        converted = decode_legacy(text, usual, starts_sentence)
        judged = _judge_conversion(text, converted) if converted != text else None
        if judged is not None and judged[1]:
            return usual, converted, True
    repaired = _fix_mojibake(text)
    if repaired != text and _suspect_count(repaired) < _suspect_count(text):
        return "mojibake", repaired, True
    latin1_only = not text.isascii() and max(text) <= "\xff"
    best: Optional[Tuple[str, str, bool]] = None
    best_rank = (False, 0)
    for kind in LEGACY_ENCODINGS:
        signed = _LEGACY_SIGNS[kind].search(text) is not None
        if not (signed or latin1_only):
            continue
        converted = decode_legacy(text, kind, starts_sentence)
        judged = _judge_conversion(text, converted) if converted != text else None
        # A table whose telltale characters the line holds beats one that merely fits; ties go
        # to the order of LEGACY_ENCODINGS.
        if judged is not None and (signed, judged[0]) > best_rank:
            best, best_rank = (kind, converted, judged[1]), (signed, judged[0])
    return best


def _suspect_count(text: str) -> int:
    return sum(len(pattern.findall(text)) for pattern in _SUSPECT_PATTERNS)


def _word_spans(text: str) -> List[Tuple[int, int]]:
    """WORD runs, also split where a lowercase letter meets a capital between two-letter parts:
    glued words such as "nhiệmỦy" are another rule's business, and should not hide that a
    conversion is right."""
    spans = []
    for match in WORD.finditer(text):
        start, end = match.span()
        if end - start < 4 or text[start + 1:end].islower():
            spans.append((start, end))
            continue
        for index in range(start + 2, end - 1):
            if text[index].isupper() and text[index - 1].islower():
                spans.append((start, index))
                start = index
        spans.append((start, end))
    return spans


def _words(text: str) -> List[str]:
    return [text[start:end] for start, end in _word_spans(text)]


def _is_syllable(word: str) -> bool:
    # Central Highlands place names keep a k coda: Đắk Lắk, Đắk Nông, Krông Búk.
    return is_vietnamese_syllable(word) or (word[-1:] in ("k", "K") and is_vietnamese_syllable(word[:-1] + "c"))


@lru_cache(maxsize=1 << 16)
def _token_verdict(token: str) -> Optional[bool]:
    """True when the token's words are Vietnamese syllables, False when one is not (or a suspect
    character is left), None when it proves nothing (no word, or only one-letter words, short
    capitals such as ĐH, T.Ư, and ASCII words)."""
    if any(char.isalpha() for char in _SUSPECT_CHAR.findall(token)):
        return False  # a leftover letter of mojibake or a legacy code; symbols such as ² ° © are fine
    verdict = None
    for word in _words(token):
        if len(word) > 1 and _is_syllable(word):
            verdict = True
        elif len(word) == 1 or (word.isupper() and len(word) <= 5) or word.isascii():
            continue  # no conversion writes a plain ASCII word: units, names, codes (kg, Manchester)
        else:
            return False
    return verdict


def _changed_and_invalid(original: str, converted: str) -> Tuple[int, int]:
    """How many words the conversion changed into something judgeable, and how many of those are invalid."""
    changed = invalid = 0
    for before, after in zip(_TOKEN.findall(original), _TOKEN.findall(converted)):
        if before != after:
            verdict = _token_verdict(after)
            changed += verdict is not None
            invalid += verdict is False
    return changed, invalid


# A conversion is also safe when it leaves a few words invalid among many made valid: a table
# that turns this many words of a line into Vietnamese is beyond doubt, and what it maps
# byte for byte is what was typed, so a word that comes out invalid was typed that way (the
# typo "đìều" in seed 003, the transliterated "Đuma" in seed 004). V102 then reports the word.
_DECISIVE_WORDS = 20
_DECISIVE_INVALID_SHARE = 0.05
_DOCUMENT_EVIDENCE_LINES = 3


def _few_slips(changed: int, invalid: int) -> bool:
    """Whether the words a conversion leaves invalid are few enough to have been typed that way."""
    return invalid <= max(1, _DECISIVE_INVALID_SHARE * changed)


def _judge_conversion(original: str, converted: str, lenient: bool = False) -> Optional[Tuple[int, bool]]:
    """(number of words made valid, the fix is safe) when converting clearly helps, else None.

    Safe means every changed word became valid, or the gain is decisive (see _DECISIVE_WORDS)."""
    before_tokens = _TOKEN.findall(original)
    after_tokens = _TOKEN.findall(converted)
    if len(before_tokens) != len(after_tokens):
        return None
    changed = valid = gained = gained_letters = 0
    for before, after in zip(before_tokens, after_tokens):
        if before == after:
            continue
        verdict = _token_verdict(after)
        if verdict is None:
            continue
        changed += 1
        if changed >= 20 and valid < 0.5 * changed:
            return None  # hopeless already: a clean line that the table only garbles
        if verdict:
            valid += 1
            # A token holding a suspect character was broken even if its pieces look like words ("gi¶").
            if _SUSPECT_CHAR.search(before) or not _token_verdict(before):
                gained += 1
                gained_letters += sum(len(word) for word in _words(after))
    if gained == 0 or valid < 0.75 * changed:
        return None
    # One or two new words must be unmistakable: nothing else changed, and a lone word is not tiny.
    if not lenient and gained < 3 and (gained < changed or gained_letters < 3):
        return None
    decisive = valid >= _DECISIVE_WORDS and _few_slips(changed, changed - valid)
    return gained, valid == changed or decisive


# -- mojibake: ftfy, narrowed to its encoding repairs --------------------------------------------


@lru_cache(maxsize=1)
def _ftfy_config():
    from ftfy import TextFixerConfig  # heavy: imported only when a suspect line needs it

    # Only the encoding repairs. The other fixers rewrite correct text: uncurl_quotes turns
    # Vietnamese “ ” into straight quotes, fix_character_width and fix_latin_ligatures change
    # legitimate characters, and normalization is E001's job.
    return TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_encoding=True, restore_byte_a0=True,
        replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True,
        fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        fix_surrogates=False, remove_control_chars=False, normalization=None, explain=False,
    )


def _fix_mojibake(text: str) -> str:
    import ftfy

    return ftfy.fix_encoding(text, _ftfy_config())


# -- legacy Vietnamese encodings: tables in rules/data ------------------------------------------


def decode_legacy(text: str, encoding: str, starts_sentence: bool = False) -> str:
    """Read one line typed in a legacy Vietnamese encoding (and shown through Windows-1252) as NFC
    Unicode. starts_sentence says the line begins a sentence, which TCVN3 needs to restore a capital
    set in the .VnTimeH fonts."""
    if encoding == "tcvn3":
        return _decode_tcvn3(text, starts_sentence)
    return _DECODERS[encoding](text)


def _read_table(name: str) -> List[List[str]]:
    rows = []
    for raw in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if raw and not raw.startswith("#"):
            rows.append(raw.split("\t"))
    return rows[1:]  # the first row names the columns


def _byte_as_read(byte: int) -> List[str]:
    """The characters a byte becomes when a file is read as Windows-1252, or as Latin-1."""
    shown = [chr(byte)]  # Latin-1, and Windows-1252 outside 0x80-0x9F
    cp1252 = bytes([byte]).decode("cp1252", errors="ignore")
    if cp1252 and cp1252 != shown[0]:
        shown.append(cp1252)
    return shown


@lru_cache(maxsize=1)
def _tcvn3_tables() -> Tuple[Dict[int, str], Dict[str, str], FrozenSet[str]]:
    """(sure, ambiguous, capital_missing): a translate table for codes that are letters in any TCVN3
    text; the VN1 capitals whose codes Windows-1252 text uses for punctuation (0x80-0x9F: “ ” – …);
    and the lowercase letters whose capital has no code in ABC text (VN3)."""
    sure: Dict[int, str] = {}
    ambiguous: Dict[str, str] = {}
    vn3_letters = set()
    for byte_hex, code_set, _seen, letter in _read_table("encoding_tcvn3.tsv"):
        byte = int(byte_hex, 16)
        if code_set == "vn3":
            vn3_letters.add(letter)
        for char in _byte_as_read(byte):
            if 0x80 <= byte <= 0x9F:
                ambiguous[char] = letter
            else:
                sure[ord(char)] = letter
    capital_missing = frozenset(letter for letter in vn3_letters
                                if letter.islower() and letter.upper() not in vn3_letters)
    return sure, ambiguous, capital_missing


@lru_cache(maxsize=1)
def _tcvn3_ambiguous_pattern() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(_tcvn3_tables()[1]))) + "]")


@lru_cache(maxsize=1)
def _tcvn3_vn1_pattern() -> re.Pattern[str]:
    """Characters that are TCVN3 letters only in VN1: the 0x80-0x9F codes and the control codes."""
    sure, ambiguous, _ = _tcvn3_tables()
    controls = "".join(chr(code) for code in sure if code < 0x20)
    return re.compile("[" + re.escape("".join(sorted(ambiguous)) + controls) + "]")


def _decode_tcvn3(text: str, starts_sentence: bool = False) -> str:
    sure, ambiguous, _ = _tcvn3_tables()
    converted = text.translate(sure)
    if _tcvn3_ambiguous_pattern().search(converted):
        converted = _tcvn3_resolve_capitals(converted, ambiguous)
    return _tcvn3_restore_capitals(text, converted, starts_sentence)


def _tcvn3_resolve_capitals(converted: str, ambiguous: Dict[str, str]) -> str:
    """A code in 0x80-0x9F is a VN1 capital only where it starts a valid word (or sits in an
    all-capital one): "žy ban" is "Ủy ban", while ” after "nước" stays a quote."""
    pattern = _tcvn3_ambiguous_pattern()
    pieces = []
    cursor = 0
    for match in _TOKEN.finditer(converted):
        token = match.group()
        positions = [found.start() for found in pattern.finditer(token)]
        if not positions or len(positions) > 4:
            continue
        # Try every choice of which codes are letters, most letters first: in "“žy" the quote
        # stays a quote and ž is Ủ.
        choice = _best_capital_choice(token, positions, ambiguous)
        if choice is not None:
            pieces.append(converted[cursor:match.start()])
            pieces.append(choice)
            cursor = match.end()
    pieces.append(converted[cursor:])
    return "".join(pieces)


def _best_capital_choice(token: str, positions: List[int], ambiguous: Dict[str, str]) -> Optional[str]:
    for count in range(len(positions), 0, -1):
        for chosen in itertools.combinations(positions, count):
            letters = "".join(ambiguous[char] if index in chosen else char for index, char in enumerate(token))
            if _capitals_fit(token, letters):
                return letters
    return None


def _capitals_fit(token: str, letters: str) -> bool:
    spans = _word_spans(letters)
    # A one-letter capital needs a real word beside it in the token: "ƒ-Th¸i" is "Á-Thái".
    has_long_word = any(end - start > 1 and _is_syllable(letters[start:end]) for start, end in spans)
    placed = set()
    for start, end in spans:
        word = letters[start:end]
        substituted = [index for index in range(start, end) if token[index] != letters[index]]
        if not substituted:
            continue
        if len(word) == 1:
            if not (has_long_word and is_vietnamese_syllable(word)):
                return False
        elif not _is_syllable(word) or not (word.isupper() or substituted == [start]):
            return False
        placed.update(substituted)
    return len(placed) == sum(1 for old, new in zip(token, letters) if old != new)


_ASCII_LOWER = re.compile("[a-z]")
_ASCII_UPPER = re.compile("[A-Z]")
# Where a sentence starts inside a line: after . ! ? … and any closing quotes or brackets.
_SENTENCE_START = re.compile("(?:(?<=[.!?…][\"”’)\\]]) |(?<=[.!?…]) )[\"“‘(\\[]*(?=[^\\W\\d_])")
_LINE_START = re.compile("[\"“‘(\\[ ]*(?=[^\\W\\d_])")


def _tcvn3_restore_capitals(original: str, converted: str, starts_sentence: bool) -> str:
    """ABC text sets capitals with a tone in the capital fonts (.VnTimeH), which draw the
    lowercase codes as capitals; plain text keeps no font. Restore them where the context shows
    a capital: when the plain letters around are capitals ("VIÖT NAM"), and at a sentence start
    when the capital has no code of its own ("ñy ban" at the start of a sentence is "Ủy ban")
    and the line does not use VN1's own capitals."""
    if len(original) != len(converted):
        return converted
    chars = list(converted)
    if _ASCII_UPPER.search(original):
        if not _ASCII_LOWER.search(original) and len(_ASCII_UPPER.findall(original)) >= 2:
            spans = [(0, len(original))]
        else:
            spans = [match.span() for match in _TOKEN.finditer(original)
                     if not _ASCII_LOWER.search(match.group()) and len(_ASCII_UPPER.findall(match.group())) >= 2]
        for start, end in spans:
            for index in range(start, end):
                if chars[index] != original[index] and len(chars[index].upper()) == 1:
                    chars[index] = chars[index].upper()
    # Text that uses VN1's own capitals (control or 0x80-0x9F codes) had no need of the capital fonts.
    if any(converted[match.start()] != match.group() for match in _tcvn3_vn1_pattern().finditer(original)):
        return "".join(chars)
    capital_missing = _tcvn3_tables()[2]
    starts = [match.end() for match in _SENTENCE_START.finditer(converted)]
    line_start = _LINE_START.match(converted)
    if starts_sentence and line_start:
        starts.append(line_start.end())
    for index in starts:
        if index < len(chars) and chars[index] in capital_missing and original[index] != chars[index]:
            chars[index] = chars[index].upper()
    return "".join(chars)


@lru_cache(maxsize=1)
def _vni_table() -> Tuple[re.Pattern[str], Dict[str, str]]:
    """VNI letters are a base letter plus one mark character (aù = á), or a single character (ñ = đ).
    The base letter decides the case; a mark of either case is accepted."""
    table: Dict[str, str] = {}
    bases, marks, singles = set(), set(), set()
    for letter, sequence in _read_table("encoding_vni.tsv"):
        if len(sequence) == 1:
            singles.add(sequence)
            table[sequence] = letter
            continue
        base, mark = sequence
        bases.add(base)
        marks.update((mark.lower(), mark.upper()))
        for other_mark in (mark.lower(), mark.upper()):
            table[base + other_mark] = letter
    pattern = re.compile("[" + "".join(sorted(bases)) + "][" + "".join(sorted(marks)) + "]|["
                         + "".join(sorted(singles)) + "]")
    return pattern, table


def _decode_vni(text: str) -> str:
    pattern, table = _vni_table()

    def letter(match: re.Match[str]) -> str:
        found = match.group()
        if found in table:
            return table[found]
        # A base and a mark that do not combine (ôâ): the base may still be a single (ô = ơ).
        return table.get(found[0], found[0]) + found[1:]

    return pattern.sub(letter, text)


@lru_cache(maxsize=1)
def _cp1258_table() -> Dict[int, str]:
    """Windows-1258 bytes as Windows-1252 (or Latin-1) showed them -> what Windows-1258 means."""
    table: Dict[int, str] = {}
    decode_1258 = codecs.getdecoder("cp1258")
    for byte in range(0x80, 0x100):
        try:
            meant = decode_1258(bytes([byte]))[0]
        except UnicodeDecodeError:
            continue
        for shown in _byte_as_read(byte):
            if shown != meant:
                table[ord(shown)] = meant
    return table


def _decode_cp1258(text: str) -> str:
    # Windows-1258 writes most toned letters as a base letter plus a combining tone mark.
    return unicodedata.normalize("NFC", text.translate(_cp1258_table()))


_DECODERS: Dict[str, Callable[[str], str]] = {"vni": _decode_vni, "cp1258": _decode_cp1258}


def _sample(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class Mojibake(Rule):
    """
    ## What it does
    Finds mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1, including
    the sloppy variants that keep undefined bytes as C1 control characters, text
    decoded wrongly twice, and stray C1 controls left by Windows-1252 text read as
    Latin-1. The fix decodes the text again with ftfy, restricted to its encoding
    repairs, so correct text (curly quotes “ ”, ligatures, full-width letters) is never
    rewritten.

    ## Why it matters
    Mojibake turns every Vietnamese letter outside ASCII into two or three junk
    characters ("Việt" becomes "Viá»‡t"): the words are unreadable, unsearchable and
    poison a language model's vocabulary.

    ## Example
    `Viá»‡t Nam` becomes `Việt Nam`; `HÃ  Ná»™i` becomes `Hà Nội`;
    `ViÃ¡Â»â€¡t` (decoded wrongly twice) becomes `Việt`.

    ## Fix safety
    Safe: the repair is exact re-decoding of the same bytes, and only lines ftfy
    recognises as mojibake are touched. Bytes that the first decoding replaced by
    "�" or "?" are lost; ftfy leaves "�" there, which E201 then reports.
    """

    code = "E101"
    name = "mojibake"
    summary = "Mojibake: UTF-8 text decoded as Windows-1252 or Latin-1"
    default_severity = "error"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        # ftfy's repair counts only where it removes a suspect character (diagnose_line), so a
        # text without a telltale has no mojibake, whatever its Latin-1-only lines turn out to be.
        if not _telltale_spans(document):
            return
        for fault in encoding_faults(document):
            if fault.kind != "mojibake":
                continue
            found = document.text[fault.start:fault.end]
            yield self.diagnostic(
                document, fault.start, fault.end,
                f"Mojibake ({_ENCODING_NAMES['mojibake']}): \"{_sample(found)}\" reads \"{_sample(fault.replacement)}\"",
                edits=[Edit(fault.start, fault.end, fault.replacement)], applicability="safe",
            )


class LegacyEncoding(Rule):
    """
    ## What it does
    Finds Vietnamese text typed in a legacy 8-bit encoding and shown through
    Windows-1252: TCVN3 (ABC, the .VnTime fonts: "ViÖt Nam"), VNI-Windows (the VNI
    fonts: "Vieät Nam"), or Windows-1258 read as Windows-1252 ("Viêòt Nam"). It
    converts a suspect line with each table and reports it when the conversion
    clearly turns words into valid Vietnamese syllables; the fix writes the
    converted text in Unicode NFC.

    ## Why it matters
    Old government documents, Word files and forum posts were typed in these
    encodings. In Unicode they are gibberish that no tokenizer, search engine or
    model can use, and ftfy does not repair any of them.

    ## Example
    `Hµ Néi lµ thñ ®« cña ViÖt Nam` (TCVN3) becomes `Hà Nội là thủ đô của Việt Nam`;
    `Vieät Nam` (VNI) becomes `Việt Nam`; `HaÌ Nôòi` (Windows-1258) becomes `Hà Nội`.

    ## Fix safety
    Safe when every word the conversion changes becomes a valid Vietnamese syllable,
    or when the table is beyond doubt and at most 1 word in 20 (at least one) does
    not become valid: the line itself turns 20 words or more into Vietnamese, or
    three other lines of the file convert safely with the same table. A word that
    comes out invalid was then typed that way (a typo such as "đìều", a
    transliterated name such as "Đuma"; V102 reports it). Unsafe otherwise, so
    review those: a short line with a foreign name or a typo, alone in its file.
    What cannot be recovered: TCVN3 (ABC) has no codes for most capitals with a
    tone; ABC text sets them in the separate capital fonts (.VnTimeH), which draw
    the lowercase codes as capitals, and plain text keeps no font. vnlint restores
    such capitals when the plain letters around them are capitals ("VIÖT NAM"
    becomes "VIỆT NAM") and at the start of a sentence ("ñy ban họp" becomes
    "Ủy ban họp"), but inside a sentence ("víi ñy viªn") the capital comes out in
    lowercase ("với ủy viên"). VN1 capitals in the Windows-1252 punctuation range
    (0x80-0x9F) are restored only where they start a word that becomes a valid
    syllable, so “ ” – … stay punctuation. A soft hyphen (TCVN3's ư) that another
    tool has already deleted is lost, and a file that mixes two legacy codes on one
    line is converted with one of them only. A letter a legacy code has no byte for
    (ü, Ø) cannot have been typed in it: pasted into such a line, it reads as the
    letter its byte stands for in that code ("Jürgen" in a TCVN3 line becomes
    "Jỹrgen").
    """

    code = "E102"
    name = "legacy-encoding"
    summary = "Vietnamese typed in TCVN3, VNI or Windows-1258 and read as Windows-1252"
    default_severity = "error"
    fix_safety = "sometimes"
    options = (
        Option(name="encodings", type=tuple, default=LEGACY_ENCODINGS, choices=LEGACY_ENCODINGS,
               help="Legacy encodings to report: any of tcvn3, vni, cp1258."),
    )

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        faults = encoding_faults(document)
        if not faults:
            return
        wanted = set(options.encodings)
        for fault in faults:
            if fault.kind not in wanted:
                continue
            found = document.text[fault.start:fault.end]
            yield self.diagnostic(
                document, fault.start, fault.end,
                f"Text in {_ENCODING_NAMES[fault.kind]}: \"{_sample(found)}\" reads \"{_sample(fault.replacement)}\"",
                edits=[Edit(fault.start, fault.end, fault.replacement)],
                applicability="safe" if fault.safe else "unsafe",
            )


class ReplacementCharacter(Rule):
    """
    ## What it does
    Reports U+FFFD REPLACEMENT CHARACTER (�), which a decoder writes in place of
    bytes it could not decode.

    ## Why it matters
    Whatever the bytes were is lost: "Vi�t Nam" could be Việt, Viết or Viễt. The text
    must be fetched or decoded again from the source; a linter cannot guess.

    ## Example
    `Hà N�i` is reported; there is no fix.

    ## Fix safety
    None: the original character cannot be recovered from the text.
    """

    code = "E201"
    name = "replacement-character"
    summary = "Replacement character U+FFFD: a character was lost in decoding"
    default_severity = "warning"
    fix_safety = "none"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        if "\ufffd" not in document.text:
            return
        for match in _REPLACEMENT_RUN.finditer(document.text):
            count = match.end() - match.start()
            what = "a replacement character" if count == 1 else f"{count} replacement characters"
            yield self.diagnostic(document, match.start(), match.end(),
                                  f"U+FFFD: {what}; the original text was lost in decoding")


_REPLACEMENT_RUN = re.compile("\ufffd+")


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
