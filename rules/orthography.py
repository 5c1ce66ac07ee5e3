"""V: Vietnamese orthography.

Both rules start from the same fast path: the set of distinct
whitespace-separated tokens of the document, built at C speed from its UTF-8
bytes and shared between the rules. Only tokens never seen before are looked
at in Python, and only the few suspects are searched for in the text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterator, List, Optional, Sequence, Set, Tuple

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
    apply_tone,
    has_vietnamese_letters,
    is_vietnamese_syllable,
    split_tone,
    syllable_parts,
    tone_style,
)

_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_DATA = Path(__file__).parent / "data"

# -- the shared fast path ---------------------------------------------------------

_TOKENS_KEY = "_orthography_tokens"
# Raw tokens already known to need nothing from V102, across documents. Bounded.
_KNOWN_GOOD: Set[bytes] = set()
_KNOWN_GOOD_LIMIT = 1 << 20


def _distinct_tokens(document: Document) -> FrozenSet[bytes]:
    """The document's distinct whitespace-separated tokens, as UTF-8 bytes (cached on the document)."""
    cached = document.__dict__.get(_TOKENS_KEY)
    if cached is None:
        cached = frozenset(document.text.encode("utf-8").split())
        document.__dict__[_TOKENS_KEY] = cached
    return cached


def _occurrences(text: str, words: Sequence[str], ignore_case: bool = False) -> Iterator[Tuple[int, int, str]]:
    """(start, end, word) for each whole-word occurrence of these words in text, in order."""
    if not words:
        return
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    pattern = re.compile(f"(?<![{_LETTERS}\u0300-\u036f])(?:{alternatives})(?![{_LETTERS}\u0300-\u036f])",
                         re.IGNORECASE if ignore_case else 0)
    for match in pattern.finditer(text):
        yield match.start(), match.end(), match.group()


# -- V101 -------------------------------------------------------------------------

# Toned o/u glide + a/e/y (traditional: hòa, thủy) or glide + toned a/e/y (modern: hoà, thuỷ).
_STYLE_PAIR = re.compile(
    "[òóỏõọÒÓỎÕỌ][aeAE]|[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[ùúủũụÙÚỦŨỤ][yY]|[uU][ỳýỷỹỵỲÝỶỸỴ]"
)
_STYLE_WORD = re.compile(f"[{_LETTERS}]*(?:{_STYLE_PAIR.pattern})(?![{_LETTERS}])")
_STYLE_LABELS = {"traditional": "traditional (hòa, thủy)", "modern": "modern (hoà, thuỷ)"}


def _style_words(document: Document) -> Dict[str, str]:
    """Each distinct word of the document whose tone placement shows a style, with that style."""
    tokens = _distinct_tokens(document)
    blob = b"\n".join(token for token in tokens if not token.isascii()).decode("utf-8")
    if not _STYLE_PAIR.search(blob):
        return {}
    found = {}
    for match in _STYLE_WORD.finditer(blob):
        word = match.group()
        style = tone_style(word) if is_vietnamese_syllable(word) else None
        if style:
            found[word] = style
    return found


def _restyle(word: str, style: str) -> str:
    base, tone = split_tone(word)
    return apply_tone(base, tone, style)


class TonePlacement(Rule):
    """
    ## What it does
    Checks where the tone mark sits in open syllables ending in oa, oe and uy,
    the only ones spelled differently by the two accepted styles: traditional
    ("kiểu cũ": hòa, khỏe, thủy, ủy) and modern ("kiểu mới": hoà, khoẻ, thuỷ,
    uỷ). By default it flags a document that mixes the styles and rewrites the
    minority to the majority (a tie goes to traditional). Syllables such as
    "toán", "hoàng" or "quý" are spelled the same in both styles and are never
    flagged; a misplaced mark such as "tóan" is V102's business.

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
        if document.text.isascii():
            return
        styles = _style_words(document)
        if not styles:
            return
        wanted = options.tone_style
        text = document.text
        if wanted == "consistent":
            if len(set(styles.values())) < 2:
                return
            counts = {"traditional": 0, "modern": 0}
            occurrences = list(_occurrences(text, list(styles)))
            for _, _, word in occurrences:
                counts[styles[word]] += 1
            wanted = "modern" if counts["modern"] > counts["traditional"] else "traditional"
            reason = (f"this document mostly uses the {_STYLE_LABELS[wanted]} style "
                      f"({counts[wanted]} against {counts[_other(wanted)]})")
        else:
            occurrences = list(_occurrences(text, [w for w, s in styles.items() if s != wanted]))
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


def _other(style: str) -> str:
    return "modern" if style == "traditional" else "traditional"


# -- V102 -------------------------------------------------------------------------

_SKIP_TOKEN = re.compile(r"[0-9@/\\=#]|://|^www\.", re.IGNORECASE)
_NAME_JOINERS = frozenset("-'’‘")
_STOP_CODAS = ("p", "t", "c", "ch")
# Letters that share a base letter: a vowel with any quality mark and any tone, d and đ.
_SAME_BASE: Dict[str, str] = {}
for _family in ("aăâ", "eê", "i", "oôơ", "uư", "y"):
    _members = "".join(apply_tone(letter, tone) for letter in _family for tone in range(6))
    for _char in _members:
        _SAME_BASE[_char] = _members
_SAME_BASE["d"] = _SAME_BASE["đ"] = "dđ"
_QUALITY = {"ă": "breve", "â": "hat", "ê": "hat", "ô": "hat", "ơ": "horn", "ư": "horn", "đ": "bar"}


@lru_cache(maxsize=1)
def _builtin_allowlist() -> FrozenSet[str]:
    words = set()
    for line in (_DATA / "orthography_allowlist.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return frozenset(words)


def _marks(char: str) -> Tuple[str, int]:
    """A lowercase letter's quality mark (breve, hat, horn, bar or "") and tone."""
    base, tone = split_tone(char)
    return _QUALITY.get(base, ""), tone


def _mark_distance(a: str, b: str) -> int:
    quality_a, tone_a = _marks(a)
    quality_b, tone_b = _marks(b)
    return (quality_a != quality_b) + (tone_a != tone_b)


def _recase(template: str, word: str) -> str:
    return "".join(new.upper() if old.isupper() else new for old, new in zip(template, word))


@lru_cache(maxsize=4096)
def repairs(word: str) -> Tuple[str, ...]:
    """Valid syllables one diacritic away from an invalid word, best first.

    A misplaced tone mark moved to its place comes first (tóan → toán); then
    words that differ by one quality or tone mark on one letter (đìều → điều,
    đươc → được/đước); then, for a doubled letter, the word without it.
    """
    lower = word.lower()
    base, tone = split_tone(lower)
    tone_marks = sum(1 for char in lower if split_tone(char)[1] != TONE_NONE)
    found: List[str] = []
    if tone_marks == 1:
        for style in ("traditional", "modern"):
            moved = apply_tone(base, tone, style)
            if moved != lower and is_vietnamese_syllable(moved) and moved not in found:
                found.append(moved)
        if found:
            return tuple(_recase(word, candidate) for candidate in found[:1])
    for index, char in enumerate(lower):
        for other in _SAME_BASE.get(char, ""):
            if other != char and _mark_distance(char, other) == 1:
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
    return tuple(_recase(word, candidate) if len(candidate) == len(word) else candidate for candidate in unique)


def why_invalid(word: str) -> str:
    """A short reason why a Vietnamese-looking word is not a valid syllable."""
    lower = word.lower()
    marks = [char for char in lower if split_tone(char)[1] != TONE_NONE]
    if len(marks) > 1:
        return "two tone marks"
    base, tone = split_tone(lower)
    parts = syllable_parts(base)
    if parts is None:
        return "not a Vietnamese syllable"
    onset, vowels, coda = parts
    if tone != TONE_NONE and is_vietnamese_syllable(apply_tone(base, tone)):
        return "tone mark on the wrong vowel"
    if coda in _STOP_CODAS and tone not in (TONE_ACUTE, TONE_DOT) and is_vietnamese_syllable(apply_tone(base, TONE_ACUTE)):
        return f"a syllable ending in {coda} takes only the sắc or nặng tone, not {TONE_NAMES[tone]}"
    if onset in ("c", "g", "ng", "k", "gh", "ngh"):
        front = vowels[0] in "ieêy"
        if front != (onset in ("k", "gh", "ngh")):
            return "k, gh and ngh are written before i, e, ê and y; c, g and ng elsewhere"
    return f'no Vietnamese rhyme is spelled "{vowels + coda}"'


def _looks_like_name(word: str, parts: Optional[Tuple[str, str, str]]) -> bool:
    """Capitalised words that are names, not typos: foreign or minority-language shapes."""
    if not word[0].isupper():
        return False
    if parts is None:
        return True  # Đắk, Krông, Đuma, Phomvihane
    onset, vowels, _ = parts
    # Kông, Kơ Nia, Bơ Kầu: minority names keep k before back vowels.
    return onset == "k" and vowels[0] not in "ieêy"


def _word_verdict(word: str) -> bool:
    """True when the word (one WORD match with Vietnamese letters) should be reported."""
    if len(word) < 2 or is_vietnamese_syllable(word):
        return False
    lower = word.lower()
    if lower in _builtin_allowlist():
        return False
    if any(a.islower() and b.isupper() for a, b in zip(word, word[1:])):
        return False  # nhiệmỦy: glued words are W1xx's business
    parts = syllable_parts(split_tone(lower)[0])
    if _looks_like_name(word, parts):
        return False
    if parts is None:
        # A foreign shape: a loanword (blốc, ôxy) or glued syllables; report
        # only a doubled letter whose removal gives a syllable (việtt).
        return bool(word.islower() and repairs(word))
    return True


def _token_suspects(token: str) -> List[Tuple[int, int, str]]:
    """(start, end, word) of the words to report inside one whitespace-separated token."""
    if _SKIP_TOKEN.search(token):
        return []  # numbers, URLs, e-mails, @handles, #hashtags, paths
    suspects = []
    for match in WORD.finditer(token):
        word = match.group()
        if word.isascii() or not has_vietnamese_letters(word) or is_vietnamese_syllable(word):
            continue
        start, end = match.span()
        joined = (start > 0 and token[start - 1] in _NAME_JOINERS) or (end < len(token) and token[end] in _NAME_JOINERS)
        if joined and word[0].isupper():
            continue  # Uyn-xtơn, H'Mông, M'Đrắk: transliterated and minority names
        if any(char not in VIETNAMESE_LETTERS for char in word):
            continue  # José, Müller: another language's letters
        if _word_verdict(word):
            suspects.append((start, end, word))
    return suspects


class InvalidSyllable(Rule):
    """
    ## What it does
    Checks every word that contains a Vietnamese letter (ă â đ ê ô ơ ư or a tone
    mark) against Vietnamese phonotactics: onset, glide, nucleus, coda and tone,
    including that a syllable ending in p, t, c or ch takes only the sắc or nặng
    tone, and that a word carries one tone mark. It suggests the valid
    syllables one diacritic away.

    Left alone: ASCII-only words, acronyms and other words whose shape is not
    Vietnamese (Đắk Lắk, Krông Pắc, Phomvihane), capitalised parts of
    hyphenated or apostrophed names (Uyn-xtơn, H'Mông), words glued by case
    (nhiệmỦy, left to W1xx), tokens with digits, URLs, e-mails, handles and
    hashtags, and the words of `rules/data/orthography_allowlist.txt` and of
    the `allow` option. Underscore-joined tokens (Hà_Nội) are checked word by
    word.

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
    away (or exactly one of them appears elsewhere in the document): the
    intended word may still be another one.
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
        allow = frozenset(word.lower() for word in options.allow)
        tokens = _distinct_tokens(document)
        new = tokens - _KNOWN_GOOD
        suspects: Dict[str, List[Tuple[int, int, str]]] = {}
        good = []
        for raw in new:
            if raw.isascii():
                good.append(raw)
                continue
            token = raw.decode("utf-8")
            found = _token_suspects(token)
            if not found:
                good.append(raw)
                continue
            found = [suspect for suspect in found if suspect[2].lower() not in allow]
            if found:
                suspects[token] = found
        if len(_KNOWN_GOOD) + len(good) > _KNOWN_GOOD_LIMIT:
            _KNOWN_GOOD.clear()
        _KNOWN_GOOD.update(good)
        if not suspects:
            return
        attested: Dict[str, bool] = {}
        for token_start, token in _token_positions(text, suspects):
            for start, end, word in suspects[token]:
                yield self._report(document, token_start + start, token_start + end, word, attested)

    def _report(self, document: Document, start: int, end: int, word: str, attested: Dict[str, bool]) -> Diagnostic:
        candidates = repairs(word)
        choice = None
        if len(candidates) == 1:
            choice = candidates[0]
        elif len(candidates) > 1:
            used = [c for c in candidates if _attested(document.text, c, attested)]
            if len(used) == 1:
                choice = used[0]
        message = f'"{word}" is not a valid Vietnamese syllable ({why_invalid(word)})'
        if candidates:
            message += "; did you mean " + " or ".join(f'"{c}"' for c in candidates[:4]) + "?"
        if choice is None:
            return self.diagnostic(document, start, end, message)
        return self.diagnostic(document, start, end, message, edits=[Edit(start, end, choice)], applicability="unsafe")


def _attested(text: str, word: str, cache: Dict[str, bool]) -> bool:
    if word not in cache:
        cache[word] = next(_occurrences(text, [word], ignore_case=True), None) is not None
    return cache[word]


def _token_positions(text: str, tokens: Dict[str, object]) -> Iterator[Tuple[int, str]]:
    """(offset, token) of each whitespace-separated occurrence of these tokens, in order."""
    if len(tokens) <= 16:
        found = []
        for token in tokens:
            index = text.find(token)
            while index != -1:
                end = index + len(token)
                if (index == 0 or text[index - 1] in " \t\n\r\f\v") and (end == len(text) or text[end] in " \t\n\r\f\v"):
                    found.append((index, token))
                index = text.find(token, index + 1)
        yield from sorted(found)
        return
    for match in re.finditer(r"[^ \t\n\r\f\v]+", text):
        if match.group() in tokens:
            yield match.start(), match.group()
