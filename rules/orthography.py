"""V: Vietnamese orthography.

Clean text is decided without looking at its words one by one. V101 needs
a document that uses both tone styles (or the one not wanted): one regular
expression scan shows that a style is absent. V102 looks all the words of a
document up in the set of every valid syllable, in one pass at C speed; only
the tokens that hold one of the few other words are analysed in Python. What
both rules learn about a document is shared between them through Document.memo.

Text in a legacy encoding or mojibake (VNI, TCVN3, cp1258, UTF-8 read as
cp1252) is full of impossible syllables; that is the E family's finding, not
a spelling problem, so a document or line where such words are common is
left alone here. Once E's fix has repaired it, the next pass checks it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import filterfalse
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, Iterator, List, Optional, Sequence, Set, Tuple

from vnlint.diagnostic import Diagnostic, Edit
from vnlint.document import Document
from vnlint.rule import Option, Rule, RuleOptions
from vnlint.rules.vietnamese import (
    TONE_ACUTE,
    TONE_DOT,
    TONE_NAMES,
    TONE_NONE,
    VIETNAMESE_LETTERS,
    WORD,
    all_syllables,
    apply_tone,
    has_vietnamese_letters,
    is_vietnamese_syllable,
    split_tone,
    syllable_parts,
    tone_style,
)

_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_DATA = Path(__file__).parent / "data"
_WHITESPACE = " \t\n\r\f\v"  # what bytes.split() splits on

# -- one word -------------------------------------------------------------------------

_SKIP_TOKEN = re.compile(r"[0-9@/\\=#]|://|^www\.", re.IGNORECASE)
# Invisible characters split words ("tươ\u200bng"); that is E002's finding.
_INVISIBLE = re.compile("[\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_COMBINING = re.compile("[\u0300-\u036f]")
_NAME_JOINERS = frozenset("-'’‘")
_STOP_CODAS = ("p", "t", "c", "ch")
_TONE_COMBINING = {"\u0301": TONE_ACUTE, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": TONE_DOT}
_QUALITY_COMBINING = {"\u0302": "hat", "\u0306": "breve", "\u031b": "horn"}
_QUALITY = {"ă": "breve", "â": "hat", "ê": "hat", "ô": "hat", "ơ": "horn", "ư": "horn", "đ": "bar"}
_WITH_QUALITY = {("a", "breve"): "ă", ("a", "hat"): "â", ("e", "hat"): "ê", ("o", "hat"): "ô",
                 ("o", "horn"): "ơ", ("u", "horn"): "ư"}
# Letters that share a base letter: a vowel with any quality mark and any tone, d and đ.
_SAME_BASE: Dict[str, str] = {}
for _family in ("aăâ", "eê", "i", "oôơ", "uư", "y"):
    _members = "".join(apply_tone(letter, tone) for letter in _family for tone in range(6))
    for _char in _members:
        _SAME_BASE[_char] = _members
_SAME_BASE["d"] = _SAME_BASE["đ"] = "dđ"

# What to do with a word: leave it, report it, or report it only when the
# document itself uses one of its repairs.
_FINE, _REPORT, _REPORT_IF_ATTESTED = 0, 1, 2


@lru_cache(maxsize=1)
def _builtin_allowlist() -> FrozenSet[str]:
    words = set()
    for line in (_DATA / "orthography_allowlist.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return frozenset(words)


@lru_cache(maxsize=1)
def _real_syllables() -> FrozenSet[str]:
    """Syllables attested in a word list (from pyvi), to prefer real words among valid repairs."""
    text = (_DATA / "orthography_syllables.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def _marks(char: str) -> Tuple[str, int]:
    """A lowercase letter's quality mark (breve, hat, horn, bar or "") and tone."""
    base, tone = split_tone(char)
    return _QUALITY.get(base, ""), tone


def _recase(template: str, word: str) -> str:
    if len(template) != len(word):
        return word.capitalize() if template[:1].isupper() else word
    return "".join(new.upper() if old.isupper() else new for old, new in zip(template, word))


def _has_stray_mark(word: str) -> bool:
    """A combining mark that NFC cannot attach: a second tone or letter mark (tớ̀i, Viẻ̂t)."""
    return _COMBINING.search(word) is not None and _COMBINING.search(unicodedata.normalize("NFC", word)) is not None


@lru_cache(maxsize=4096)
def repairs(word: str) -> Tuple[str, ...]:
    """Valid syllables one diacritic away from an invalid word, best first.

    A misplaced tone mark moved to its place comes first (tóan → toán); then
    words that differ by one quality or tone mark on one letter (đìều → điều,
    đươc → được/đước); then, for a doubled letter, the word without it. A
    mark that cannot combine (tớ̀i) is dropped, or else merged into its letter.
    """
    if _COMBINING.search(word):
        word = unicodedata.normalize("NFC", word)
        if _COMBINING.search(word):
            return _stray_mark_repairs(word)
    lower = word.lower()
    if len(lower) > 8:
        return ()  # a syllable has at most 7 letters, and a repair changes one letter or drops one
    base, tone = split_tone(lower)
    tone_marks = sum(1 for char in lower if split_tone(char)[1] != TONE_NONE)
    found: List[str] = []
    if tone_marks == 1:
        moved = apply_tone(base, tone)
        if moved != lower and is_vietnamese_syllable(moved):
            return (_recase(word, moved),)
    for index, char in enumerate(lower):
        quality, tone_here = _marks(char)
        for other in _SAME_BASE.get(char, ""):
            other_quality, other_tone = _marks(other)
            if other != char and (quality != other_quality) + (tone_here != other_tone) == 1:
                candidate = lower[:index] + other + lower[index + 1:]
                if is_vietnamese_syllable(candidate) and candidate not in found:
                    found.append(candidate)
    if not found:
        for index in range(1, len(lower)):
            if lower[index] == lower[index - 1]:
                candidate = lower[:index] + lower[index + 1:]
                if is_vietnamese_syllable(candidate) and candidate not in found:
                    found.append(candidate)
    # The two placements of hòa/hoà are one repair; keep the traditional one.
    unique = [c for c in found if not (tone_style(c) == "modern" and _restyle(c, "traditional") in found)]
    return tuple(_recase(word, candidate) for candidate in unique)


def _stray_mark_repairs(word: str) -> Tuple[str, ...]:
    stripped = _COMBINING.sub("", word)
    if is_vietnamese_syllable(stripped):
        return (stripped,)
    # Merge the stray marks into the letter before them, one tone at most: trà̂t → trầt → trật/trất.
    letters: List[Tuple[str, List[str]]] = []
    for char in unicodedata.normalize("NFD", word):
        if unicodedata.combining(char) and letters:
            letters[-1][1].append(char)
        else:
            letters.append((char, []))
    found: List[str] = []
    options: List[List[str]] = []
    for base, marks in letters:
        lower = base.lower()
        qualities = [_QUALITY_COMBINING[m] for m in marks if m in _QUALITY_COMBINING] or [""]
        tones = [_TONE_COMBINING[m] for m in marks if m in _TONE_COMBINING] or [TONE_NONE]
        variants = []
        for quality in qualities:
            letter = _WITH_QUALITY.get((lower, quality), lower)
            for tone in tones:
                variants.append(apply_tone(letter, tone) if tone else letter)
        options.append([v.upper() if base.isupper() else v for v in variants])
    candidates = [""]
    for variants in options:
        candidates = [prefix + variant for prefix in candidates for variant in variants][:64]
    for candidate in candidates:
        if is_vietnamese_syllable(candidate):
            found.append(candidate)
        else:
            found.extend(c for c in repairs(candidate) if c not in found)
    return tuple(dict.fromkeys(found))


def _problem(word: str) -> str:
    """What is wrong with an invalid, Vietnamese-looking word: a key of _PROBLEMS."""
    if _has_stray_mark(word):
        return "stray-mark"
    lower = unicodedata.normalize("NFC", word).lower()
    base, tone = split_tone(lower)
    parts = syllable_parts(base)
    if parts is None:
        return "shape"
    if sum(1 for char in lower if split_tone(char)[1] != TONE_NONE) > 1:
        return "two-tones"
    onset, vowels, coda = parts
    if tone != TONE_NONE and is_vietnamese_syllable(apply_tone(base, tone)):
        return "misplaced-tone"
    if coda in _STOP_CODAS and tone not in (TONE_ACUTE, TONE_DOT) and is_vietnamese_syllable(apply_tone(base, TONE_ACUTE)):
        return "stop-tone"
    if onset in ("c", "g", "ng", "k", "gh", "ngh") and (vowels[0] in "ieêy") != (onset in ("k", "gh", "ngh")):
        return "velar"
    return "rhyme"


_PROBLEMS = {
    "stray-mark": "a tone or letter mark that cannot combine with its letter",
    "shape": "not a Vietnamese syllable",
    "two-tones": "two tone marks",
    "misplaced-tone": "tone mark on the wrong vowel",
    "stop-tone": "a syllable ending in p, t, c or ch takes only the sắc or nặng tone",
    "velar": "k, gh and ngh are written before i, e, ê and y; c, g and ng elsewhere",
    "rhyme": "no such Vietnamese rhyme",
}


def why_invalid(word: str) -> str:
    """A short reason why a Vietnamese-looking word is not a valid syllable."""
    problem = _problem(word)
    base, tone = split_tone(unicodedata.normalize("NFC", word).lower())
    if problem == "stop-tone":
        coda = syllable_parts(base)[2]
        return f"a syllable ending in {coda} takes only the sắc or nặng tone, not {TONE_NAMES[tone]}"
    if problem == "rhyme":
        _, vowels, coda = syllable_parts(base)
        return f'no Vietnamese rhyme is spelled "{vowels + coda}"'
    return _PROBLEMS[problem]


def _word_verdict(word: str) -> int:
    """_FINE, _REPORT or _REPORT_IF_ATTESTED for one invalid word made of Vietnamese letters."""
    if len(word) < 2:
        return _FINE  # chữ ă, chữ â
    lower = word.lower()
    if lower in _builtin_allowlist():
        return _FINE
    if _is_camel(word):
        return _FINE  # nhiệmỦy: glued words are W1xx's business
    problem = _problem(word)
    if problem == "stray-mark":
        return _REPORT
    if problem == "shape":
        if word[0].isupper():
            return _FINE  # Đắk, Krông, Đuma, Phomvihane: foreign and minority names
        # A loanword (blốc, ôxy) or glued syllables (tuyệtđối); report only a
        # doubled letter whose removal gives a syllable (việtt).
        return _REPORT if word.islower() and repairs(word) else _FINE
    if word[0].isupper() and problem in ("velar", "rhyme"):
        # Minority-language names look like syllables with an impossible rhyme
        # or a k before a back vowel (Y Thuôn Niê, Byă, Kông Chro, Kơ Nia); a
        # capitalised typo (Nguời) shows itself by a repair the document uses.
        return _REPORT_IF_ATTESTED
    return _REPORT


def _is_camel(word: str) -> bool:
    """A capital after a small letter: words glued by case (nhiệmỦy) or mojibake (HoÃ)."""
    return any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))


def _is_alien(word: str) -> bool:
    """Letters no Vietnamese word has (ð, ä, ö, ß), or Latin-1 symbols inside a word: Müller, or mojibake."""
    return any(char not in VIETNAMESE_LETTERS and not unicodedata.combining(char) for char in word)


@lru_cache(maxsize=4096)
def _verdict_anywhere(word: str) -> int:
    """_FINE, _REPORT or _REPORT_IF_ATTESTED for a non-ASCII word, whatever its token.

    The token can only spare a word reported here (digits or a URL in it, a
    name joiner or a mojibake symbol next to it), never condemn one found fine.
    """
    if _is_alien(word):
        return _FINE  # another language or broken encoding: counted, not reported
    if not _has_stray_mark(word):
        checked = unicodedata.normalize("NFC", word) if _COMBINING.search(word) else word
        if not has_vietnamese_letters(checked) or is_vietnamese_syllable(checked):
            return _FINE
    return _word_verdict(word)


def _token_findings(token: str) -> Tuple[Tuple[Tuple[int, int, str, int], ...], int]:
    """The words to report inside one whitespace-separated token, as (start, end, word, verdict),
    and how many of its words look like another language or broken encoding."""
    if _SKIP_TOKEN.search(token) or _INVISIBLE.search(token):
        return (), 0  # numbers, URLs, e-mails, @handles, #hashtags, paths; invisible characters
    findings = []
    alien = 0
    for match in WORD.finditer(token):
        word = match.group()
        if word.isascii():
            continue
        start, end = match.span()
        # Latin-1 symbols glued to letters (Ã¡, á»‡, Ä‘) are mojibake's fingerprint.
        neighbours = token[start - 1:start] + token[end:end + 1]
        if any("\u0080" <= char <= "\u00bf" and char != "\u00a0" for char in neighbours) or _is_alien(word):
            alien += 1
            continue
        verdict = _verdict_anywhere(word)
        if verdict == _FINE:
            continue
        joined = (start > 0 and token[start - 1] in _NAME_JOINERS) or (end < len(token) and token[end] in _NAME_JOINERS)
        if joined and word[0].isupper() and not _has_stray_mark(word):
            continue  # Uyn-xtơn, H'Mông, M'Đrắk: transliterated and minority names
        findings.append((start, end, word, verdict))
    return tuple(findings), alien


# -- one document -----------------------------------------------------------------------
#
# Clean text must be decided fast, and almost all of its words are valid
# syllables. So a document's words are first looked up, in one pass, in the
# set of every valid syllable (vietnamese.all_syllables); only the tokens that
# hold one of the few other words ("Đắk", "Jürgen", "đìều") are analysed one
# by one.

# Keys of the views shared through Document.memo.
_UTF8_WORDS = "orthography.utf8_words"
_UNKNOWN_WORDS = "orthography.unknown_words"
_ANALYSIS = "orthography.analysis"

# Spaces, digits and ASCII punctuation are never part of a word: turned into
# spaces, they let bytes.split() cut a document's UTF-8 into words at C speed.
_ASCII_NON_LETTERS_TO_SPACE = bytes(
    byte if byte >= 0x80 or chr(byte).isalpha() else ord(" ") for byte in range(256)
)
# Punctuation outside ASCII that news text glues to words (“Hòa”, Bình…); none of it is a letter.
_GLUED_PUNCTUATION = "“”‘’–—…«»·•"
_WORD_CHARACTER = re.compile(f"[{_LETTERS}\u0300-\u036f]")
_LATIN1_SYMBOL = re.compile("[\u0080-\u009f\u00a1-\u00bf]")  # all of U+0080–U+00BF but the no-break space
_TOKEN_REST = re.compile(f"[^{_WHITESPACE}]*")
# Up to this many unknown words, the tokens holding them are found by searching the text for each.
_FEW_UNKNOWN_WORDS = 16
# A line is broken encoding rather than typing slips when at least this many
# of its words, and this share of its non-ASCII words, are impossible.
_DAMAGED_MIN_WORDS = 3
_DAMAGED_SHARE = 0.25


@lru_cache(maxsize=1)
def _valid_words() -> FrozenSet[bytes]:
    """Every valid syllable in lower, title and upper case (hòa, Hòa, HÒA), as UTF-8."""
    lower = "\n".join(all_syllables())
    return frozenset(f"{lower}\n{lower.title()}\n{lower.upper()}".encode().split(b"\n"))


def _utf8_words(document: Document) -> bytes:
    """The document as UTF-8, every ASCII character but the letters turned into a space."""
    return document.text.encode("utf-8").translate(_ASCII_NON_LETTERS_TO_SPACE)


def _unknown_words(document: Document) -> FrozenSet[str]:
    """The distinct non-ASCII words of the document that are not known valid syllables.

    Only the tokens holding one of these can have a V102 finding, or an
    impossible word that marks broken encoding. A word is cut at ASCII
    non-letters and loses glued punctuation, so "Hòa," and “Hòa” are the
    known "Hòa"; a word in an odd letter case (HÒa) or with a symbol (m²)
    stays unknown, and is merely analysed for nothing.
    """
    valid = _valid_words()
    pieces = document.memo(_UTF8_WORDS, _utf8_words).split()
    unknown = set()
    # Looking every piece up where it stands costs less than first building
    # the set of all of them (hashing each into a new table, then looking
    # the distinct ones up): only the few left over are then deduplicated.
    for piece in set(filterfalse(valid.__contains__, pieces)):
        if piece.isascii():
            continue  # English, acronyms: V102 never looks at ASCII words
        word = piece.decode("utf-8").strip(_GLUED_PUNCTUATION)
        if not word.isascii() and word.encode("utf-8") not in valid:
            unknown.add(word)
    return frozenset(unknown)


@lru_cache(maxsize=4096)
def _may_be_reported(unknown_word: str) -> bool:
    """Whether V102 may report a word in this piece of text (see _unknown_words) wherever it stands."""
    return any(_verdict_anywhere(word) != _FINE for word in WORD.findall(unknown_word))


@lru_cache(maxsize=4096)
def _may_tell(unknown_word: str) -> bool:
    """Whether the tokens holding this unknown word can add to an _Analysis: a word V102
    may report, or a non-ASCII one that looks like another language (see _token_findings)."""
    return _may_be_reported(unknown_word) or any(
        not word.isascii() and _is_alien(word) for word in WORD.findall(unknown_word)
    )


def _whole_word_offsets(text: str, word: str) -> Iterator[int]:
    """Offsets where word occurs and neither begins nor ends inside a longer word.

    str.find skips to each occurrence at memchr speed; a regular expression
    that begins with a look-behind would be tried at every character.
    """
    index = text.find(word)
    while index != -1:
        end = index + len(word)
        if (index == 0 or not _WORD_CHARACTER.match(text, index - 1)) and not _WORD_CHARACTER.match(text, end):
            yield index
        index = text.find(word, index + 1)


def _has_whole_word(text: str, word: str) -> bool:
    """Whether word occurs in text neither beginning nor ending inside a longer word."""
    return next(_whole_word_offsets(text, word), None) is not None


def _offsets_of_words(text: str, words: Iterable[str]) -> List[int]:
    """Sorted offsets where one of these words occurs and neither begins nor ends inside a longer word."""
    return sorted(offset for word in words for offset in _whole_word_offsets(text, word))


def _tokens_at(text: str, offsets: Iterable[int]) -> Dict[str, None]:
    """The distinct whitespace-separated tokens that hold these (sorted) offsets, in text order.

    Each stretch of text is scanned once, so even a 10 MB line without a
    space costs linear time.
    """
    tokens: Dict[str, None] = {}
    token_end = 0
    for offset in offsets:
        if offset < token_end:
            continue  # inside the token found last
        start = max(text.rfind(space, token_end, offset) for space in _WHITESPACE) + 1
        token_end = _TOKEN_REST.match(text, offset).end()
        tokens[text[start:token_end]] = None
    return tokens


class _Analysis:
    """What both V rules need to know about the suspect words of a document, computed once per document."""

    def __init__(self, document: Document) -> None:
        self.document = document
        text = document.text
        self.findings: Dict[str, Tuple[Tuple[int, int, str, int], ...]] = {}
        self._alien: Dict[str, int] = {}
        self._analysed: Set[str] = set()
        unknown = document.memo(_UNKNOWN_WORDS, _unknown_words)
        if len(unknown) <= _FEW_UNKNOWN_WORDS:
            # Only the tokens holding a word V102 may report, or one in letters
            # Vietnamese lacks, can add a finding or an alien word: such a word
            # is an unknown word of its own. What else makes a word alien, a
            # Latin-1 symbol next to it, is looked for by `alien` itself.
            self._analyse(_tokens_at(text, _offsets_of_words(text, filter(_may_tell, unknown))))
            self._latin1_analysed = False
        else:
            # Decomposed text or a broken encoding: one pass over all the tokens
            # costs less than one search of the text per unknown word.
            self._analyse(raw.decode("utf-8") for raw in frozenset(text.encode("utf-8").split()) if not raw.isascii())
            self._latin1_analysed = True
        self._damaged_lines: Optional[Set[int]] = None
        self._damaged_document: Optional[bool] = None
        self._lower_text: Optional[str] = None
        self._attested: Dict[str, bool] = {}

    def _analyse(self, tokens: Iterable[str]) -> None:
        for token in tokens:
            if token not in self._analysed:
                self._analysed.add(token)
                findings, alien = _token_findings(token)
                if findings:
                    self.findings[token] = findings
                if alien:
                    self._alien[token] = alien

    @property
    def alien(self) -> Dict[str, int]:
        """Tokens with words that look like another language or broken encoding, and how many.

        Besides impossible words, a valid word glued to a Latin-1 symbol
        (Ã¡, Ä‘) counts: those tokens are only looked for when needed.
        """
        if not self._latin1_analysed:
            # U+0080–U+00BF are the characters whose UTF-8 begins with byte C2:
            # one memchr shows most documents have none to look for.
            if b"\xc2" in self.document.memo(_UTF8_WORDS, _utf8_words):
                text = self.document.text
                self._analyse(_tokens_at(text, [match.start() for match in _LATIN1_SYMBOL.finditer(text)]))
            self._latin1_analysed = True
        return self._alien

    def attested(self, word: str) -> bool:
        """Whether the document uses this word anywhere, in any letter case."""
        if word not in self._attested:
            if self._lower_text is None:
                self._lower_text = self.document.text.lower()
            self._attested[word] = _has_whole_word(self._lower_text, word.lower())
        return self._attested[word]

    @property
    def damaged_document(self) -> bool:
        """Most distinct words impossible: the whole document is in a broken encoding."""
        if self._damaged_document is None:
            bad = len(self.findings) + len(self.alien)
            if bad < 5:
                self._damaged_document = False
            else:
                tokens = frozenset(self.document.text.encode("utf-8").split())
                non_ascii = sum(1 for raw in tokens if not raw.isascii())
                self._damaged_document = bad >= 0.2 * non_ascii
        return self._damaged_document

    @property
    def damaged_lines(self) -> Set[int]:
        """Line numbers (1-based) where impossible words are too many to be typing slips."""
        if self._damaged_lines is None:
            text = self.document.text
            bad_per_line: Dict[int, int] = {}
            suspects = {token: len(found) for token, found in self.findings.items()}
            for token, count in self.alien.items():
                suspects[token] = suspects.get(token, 0) + count
            positions = list(_token_positions(text, suspects))
            if sum(suspects[token] for _, token in positions) < _DAMAGED_MIN_WORDS:
                self._damaged_lines = set()  # too few in the whole document for any one line
                return self._damaged_lines
            line_starts = self.document.line_starts
            for offset, token in positions:
                line = self.document.position(offset).line
                bad_per_line[line] = bad_per_line.get(line, 0) + suspects[token]
            damaged = set()
            for line, bad in bad_per_line.items():
                if bad < _DAMAGED_MIN_WORDS:
                    continue
                start = line_starts[line - 1]
                end = line_starts[line] if line < len(line_starts) else len(text)
                non_ascii = sum(1 for word in WORD.findall(text, start, end) if not word.isascii())
                if bad >= _DAMAGED_SHARE * non_ascii:
                    damaged.add(line)
            self._damaged_lines = damaged
        return self._damaged_lines


def _token_positions(text: str, tokens: Dict[str, object]) -> Iterator[Tuple[int, str]]:
    """(offset, token) of each whitespace-separated occurrence of these tokens, in order."""
    if len(tokens) <= 16:
        found = []
        for token in tokens:
            index = text.find(token)
            while index != -1:
                end = index + len(token)
                if (index == 0 or text[index - 1] in _WHITESPACE) and (end == len(text) or text[end] in _WHITESPACE):
                    found.append((index, token))
                index = text.find(token, index + 1)
        yield from sorted(found)
        return
    for match in re.finditer(f"[^{_WHITESPACE}]+", text):
        if match.group() in tokens:
            yield match.start(), match.group()


def _occurrences(text: str, words: Sequence[str], ignore_case: bool = False) -> Iterator[Tuple[int, int, str]]:
    """(start, end, word) for each whole-word occurrence of these words in text, in order."""
    if not words:
        return
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    pattern = re.compile(f"(?<![{_LETTERS}\u0300-\u036f])(?:{alternatives})(?![{_LETTERS}\u0300-\u036f])",
                         re.IGNORECASE if ignore_case else 0)
    for match in pattern.finditer(text):
        yield match.start(), match.end(), match.group()


# -- V101 -------------------------------------------------------------------------------

# A word whose tone placement shows a style ends with that style's pair of
# vowels: a toned o/u glide + a/e/y in the traditional style (hòa, khỏe, thủy),
# the glide + a toned a/e/y in the modern one (hoà, khoẻ, thuỷ). Only a pair
# that ends a word counts: in a closed syllable (toán, thuyền) nothing moves.
# After qu the y is the nucleus (quý), so that is no pair.
_TONED_A_E = "àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ"
_TONED_Y = "ỳýỷỹỵỲÝỶỸỴ"
# sre tests a search that starts with a class of characters on every character
# (about 4 ns each), but skips far faster to one that starts with a literal.
# So the traditional pair is found starting at its toned letter, and the modern
# one by four searches, one per glide letter: together twice as fast as one.
_TRADITIONAL_ENDING = re.compile(
    f"[òóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤ][aeyAEY](?![{_LETTERS}])(?<=[òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY])"
)
_MODERN_ENDINGS = (
    re.compile(f"o[{_TONED_A_E}](?![{_LETTERS}])"),
    re.compile(f"O[{_TONED_A_E}](?![{_LETTERS}])"),
    re.compile(f"u[{_TONED_Y}](?![{_LETTERS}])(?<![qQ]u.)"),
    re.compile(f"U[{_TONED_Y}](?![{_LETTERS}])(?<![qQ]U.)"),
)
# Each search with the letter it cannot match without: `in` finds a letter at
# memchr speed, ten times faster than sre skips to it, and most documents have
# no capital O or U to search from.
_MODERN_SEARCHES = tuple((ending.pattern[0], ending) for ending in _MODERN_ENDINGS)
_TRADITIONAL_SEARCHES = (("", _TRADITIONAL_ENDING),)
# Under each tone-style, the styles a document must use to break the rule, each
# as the searches of which one finds it: one absent style decides almost every
# document in one scan of its text.
_OBJECTED_STYLES = {
    "consistent": (_MODERN_SEARCHES, _TRADITIONAL_SEARCHES),
    "traditional": (_MODERN_SEARCHES,),
    "modern": (_TRADITIONAL_SEARCHES,),
}
_LETTER = re.compile(f"[{_LETTERS}]")
_STYLE_LABELS = {"traditional": "traditional (hòa, thủy)", "modern": "modern (hoà, thuỷ)"}


def _style_words(document: Document) -> Dict[str, str]:
    """Each distinct word of the document whose tone placement shows a style, with that style."""
    text = document.text
    found: Dict[str, str] = {}
    for ending in (_TRADITIONAL_ENDING, *_MODERN_ENDINGS):
        for match in ending.finditer(text):
            end = match.end()
            start = end - 2
            while start > 0 and _LETTER.match(text, start - 1):
                start -= 1  # back to the first letter of the word; each word is walked once
            word = text[start:end]
            if word in found or _is_camel(word):
                continue  # HoÃ: mojibake of "Hoà" (Ã + no-break space), or glued words
            style = tone_style(word) if is_vietnamese_syllable(word) else None
            if style:
                found[word] = style
    return found


def _restyle(word: str, style: str) -> str:
    base, tone = split_tone(word)
    return apply_tone(base, tone, style)


def _other(style: str) -> str:
    return "modern" if style == "traditional" else "traditional"


class TonePlacement(Rule):
    """
    ## What it does
    Checks where the tone mark sits in open syllables ending in oa, oe and uy,
    the only ones spelled differently by the two accepted styles: traditional
    ("kiểu cũ": hòa, khỏe, thủy, ủy) and modern ("kiểu mới": hoà, khoẻ, thuỷ,
    uỷ). By default it flags a document that mixes the styles and rewrites the
    minority to the majority (a tie goes to traditional). Syllables such as
    "toán", "hoàng" or "quý" are spelled the same in both styles and are never
    flagged; a misplaced mark such as "tóan" is V102's business. Lines in a
    broken encoding are not counted.

    ## Why it matters
    Most news sites print the traditional style, while VnCoreNLP and Unikey's
    new style write the modern one, so scraped and processed text mixes them:
    seed 003 has "Hòa Bình" and "Hoà Bình", seed 004 "ủy" and "UỶ BAN". The
    same word then has two spellings, which splits vocabulary counts, search
    and deduplication.

    ## Example
    In a document that otherwise writes "Hòa Bình" and "thủy điện":
    `xoá “vùng lõm” hồ Hoà Bình` becomes `xóa “vùng lõm” hồ Hòa Bình`,
    and `UỶ BAN BIÊN GIỚI QUỐC GIA` becomes `ỦY BAN BIÊN GIỚI QUỐC GIA`.

    ## Fix safety
    Safe: only the tone mark moves to the other vowel of the same syllable; the
    word and its letter case stay the same.
    """

    code = "V101"
    name = "tone-placement"
    summary = "Tone mark placed in a different style (hòa / hoà) from the rest of the document"
    default_severity = "warning"
    fix_safety = "safe"
    options = (
        Option(
            name="tone-style",
            type=str,
            default="consistent",
            help='"consistent" flags the minority style in a document that mixes both; '
                 '"traditional" (hòa, thủy) or "modern" (hoà, thuỷ) requires that style everywhere',
            choices=("consistent", "traditional", "modern"),
        ),
    )

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        text = document.text
        if text.isascii():
            return
        wanted = options.tone_style
        for searches in _OBJECTED_STYLES[wanted]:
            if not any(letter in text and ending.search(text) for letter, ending in searches):
                return  # a style this option objects to is absent
        styles = _style_words(document)
        if not styles or (wanted == "consistent" and len(set(styles.values())) < 2):
            return
        if wanted != "consistent" and all(style == wanted for style in styles.values()):
            return
        analysis = document.memo(_ANALYSIS, _Analysis)
        if analysis.damaged_document:
            return
        damaged = analysis.damaged_lines
        occurrences = [
            (start, end, word) for start, end, word in _occurrences(text, list(styles))
            if not damaged or document.position(start).line not in damaged
        ]
        if wanted == "consistent":
            counts = {"traditional": 0, "modern": 0}
            for _, _, word in occurrences:
                counts[styles[word]] += 1
            wanted = "modern" if counts["modern"] > counts["traditional"] else "traditional"
            reason = (f"this document mostly uses the {_STYLE_LABELS[wanted]} style "
                      f"({counts[wanted]} against {counts[_other(wanted)]})")
        else:
            reason = f"tone-style is set to {wanted}"
        for start, end, word in occurrences:
            if styles[word] == wanted:
                continue
            replacement = _restyle(word, wanted)
            yield self.diagnostic(
                document, start, end,
                f'"{word}" places the tone mark in the {styles[word]} style; {reason}: write "{replacement}"',
                edits=[Edit(start, end, replacement)],
            )


# -- V102 -------------------------------------------------------------------------------


class InvalidSyllable(Rule):
    """
    ## What it does
    Checks every word that contains a Vietnamese letter (ă â đ ê ô ơ ư or a tone
    mark) against Vietnamese phonotactics: onset, glide, nucleus, coda and tone,
    including that a syllable ending in p, t, c or ch takes only the sắc or nặng
    tone, that a word carries one tone mark, and that no tone or letter mark is
    left over as a combining character (tớ̀i). It suggests the valid syllables
    one diacritic away.

    Left alone: ASCII-only words; words whose shape is not Vietnamese when
    capitalised (Đắk Lắk, Krông Pắc, Phomvihane, acronyms such as ĐBSCL);
    capitalised words with an impossible rhyme (Y Thuôn Niê, Kông Chro) unless
    the document uses one of their repairs; capitalised parts of hyphenated or
    apostrophed names (Uyn-xtơn, H'Mông); words glued by case (nhiệmỦy, left to
    W1xx); tokens with digits, URLs, e-mails, handles, hashtags or invisible
    characters; lines and documents in a broken encoding (left to E1xx); and the
    words of `rules/data/orthography_allowlist.txt` and of the `allow` option.
    Underscore-joined tokens (Hà_Nội) are checked word by word.

    ## Why it matters
    Typing slips and broken input methods leave non-words that no tokenizer
    or dictionary knows: "Tạo đìều kiện" (seed 003), "đươc", "nguời". They are
    cheap to find exactly because Vietnamese syllables follow strict rules.

    ## Example
    `Tạo đìều kiện cho nông dân` becomes `Tạo điều kiện cho nông dân`
    (with `--unsafe-fixes`); `đươc` is reported with the suggestions "được"
    and "đước", and fixed to "được" when the document uses that word elsewhere.

    ## Fix safety
    Unsafe, and only offered when exactly one valid syllable is one diacritic
    away, or exactly one of them is a real word (in a word list from pyvi,
    `rules/data/orthography_syllables.txt`: luẫt → luật, not luất), or exactly
    one of them appears elsewhere in the document. The intended word may still
    be another one.
    """

    code = "V102"
    name = "invalid-syllable"
    summary = "Word with Vietnamese letters that is not a valid Vietnamese syllable"
    default_severity = "warning"
    fix_safety = "unsafe"
    options = (
        Option(name="allow", type=tuple, default=(),
               help="extra words to accept (names, loanwords), compared in lower case"),
    )

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        text = document.text
        if text.isascii():
            return
        if not any(map(_may_be_reported, document.memo(_UNKNOWN_WORDS, _unknown_words))):
            return  # every word is a valid syllable, a name or another language's: nothing to report
        analysis = document.memo(_ANALYSIS, _Analysis)
        allow = frozenset(word.lower() for word in options.allow)
        suspects = {}
        for token, findings in analysis.findings.items():
            kept = [finding for finding in findings if finding[2].lower() not in allow]
            if kept:
                suspects[token] = kept
        if not suspects or analysis.damaged_document:
            return
        damaged = analysis.damaged_lines
        for token_start, token in _token_positions(text, suspects):
            if damaged and document.position(token_start).line in damaged:
                continue
            for start, end, word, verdict in suspects[token]:
                diagnostic = self._report(document, token_start + start, token_start + end, word, verdict, analysis)
                if diagnostic is not None:
                    yield diagnostic

    def _report(self, document: Document, start: int, end: int, word: str, verdict: int,
                analysis: _Analysis) -> Optional[Diagnostic]:
        candidates = repairs(word)
        if len(candidates) > 1:
            # Real words first: luẫt has two valid repairs, but only "luật" is a word.
            real = _real_syllables()
            candidates = tuple(sorted(candidates, key=lambda c: c.lower() not in real))
            known = [c for c in candidates if c.lower() in real]
        else:
            known = list(candidates)
        used = []
        if len(known) > 1 or verdict == _REPORT_IF_ATTESTED:
            used = [c for c in (known or candidates) if analysis.attested(c)]
            if verdict == _REPORT_IF_ATTESTED and not used:
                return None  # a name, most likely
        choice = known[0] if len(known) == 1 else used[0] if len(used) == 1 else None
        shown = unicodedata.normalize("NFC", word)
        message = f'"{shown}" is not a valid Vietnamese syllable ({why_invalid(word)})'
        if candidates:
            message += "; did you mean " + " or ".join(f'"{c}"' for c in candidates[:4]) + "?"
        if choice is None:
            return self.diagnostic(document, start, end, message)
        return self.diagnostic(document, start, end, message, edits=[Edit(start, end, choice)], applicability="unsafe")

