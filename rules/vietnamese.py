"""Shared Vietnamese text helpers: letters, tone marks and syllable phonotactics.

Imported by several rule families (encoding, segmentation, orthography,
language), so it holds no Rule classes and does no work at import beyond
building a few small tables.

A Vietnamese syllable is ``onset + rhyme`` with one optional tone mark, and
the rhyme is ``(medial) nucleus (coda)``:

- onset: b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x,
  or none; k/gh/ngh stand before i e ê y (and iê), c/g/ng elsewhere;
- medial /w/: written o before a ă e (hoa, hoặc, khoẻ), u before â ê y ơ
  (huân, huệ, huy, thuở), and always u after q (qua, quý);
- nucleus: a ă â e ê i/y o ô ơ u ư, or the diphthongs iê (ia, yê, ya), uô (ua)
  and ươ (ưa);
- coda: c ch m n ng nh p t, or the semivowels i y o u;
- tone: none, sắc, huyền, hỏi, ngã or nặng; a stop coda (p t c ch) takes only
  sắc or nặng.

The tone mark sits on the main vowel of the nucleus. Only the open rhymes
oa, oe and uy have two accepted placements: traditional (hòa, hòe, thủy) and
modern (hoà, hoè, thuỷ). Both are valid spellings here; "tóan" is not.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Dict, FrozenSet, Optional, Tuple

TONE_NONE, TONE_ACUTE, TONE_GRAVE, TONE_HOOK, TONE_TILDE, TONE_DOT = range(6)
TONE_NAMES = ("ngang", "sắc", "huyền", "hỏi", "ngã", "nặng")
# The combining marks of the five written tones, indexed by tone number.
_TONE_MARKS = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")

_BASE_VOWELS = "aăâeêioôơuưy"
_VOWELS = frozenset(_BASE_VOWELS)
_MARKED_VOWELS = frozenset("ăâêôơư")  # the tone goes on these when the rhyme has one
_FRONT = frozenset("ieêy")  # k/gh/ngh go before these, c/g/ng never do
_STOP_CODAS = ("p", "t", "c", "ch")


def _build_tone_tables() -> Tuple[Dict[str, Tuple[str, int]], Dict[Tuple[str, int], str]]:
    untone: Dict[str, Tuple[str, int]] = {}
    tone: Dict[Tuple[str, int], str] = {}
    for base in _BASE_VOWELS + _BASE_VOWELS.upper():
        for number in range(6):
            toned = unicodedata.normalize("NFC", base + _TONE_MARKS[number])
            tone[(base, number)] = toned
            if number:
                untone[toned] = (base, number)
    return untone, tone


# toned letter -> (letter without tone, tone); (letter, tone) -> toned letter
_UNTONE, _TONE = _build_tone_tables()

VIETNAMESE_ONLY_LETTERS: FrozenSet[str] = frozenset(set("ăâđêôơưĂÂĐÊÔƠƯ") | set(_UNTONE))
# Every letter a Vietnamese word may contain, upper and lower case.
VIETNAMESE_LETTERS: FrozenSet[str] = frozenset(
    VIETNAMESE_ONLY_LETTERS | set("abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY")
)
_LOWER_LETTERS = frozenset(c for c in VIETNAMESE_LETTERS if c.islower())

# A run of Latin letters (ASCII, Latin-1, Latin Extended-A/B, Latin Extended
# Additional): every Vietnamese letter, and the foreign names around them.
# Combining marks after a letter are kept in the word, so decomposed (NFD)
# text still gives whole words.
_LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
WORD = re.compile(f"[{_LATIN_LETTERS}][{_LATIN_LETTERS}\u0300-\u036f]*")
_VIETNAMESE_ONLY = re.compile("[" + "".join(sorted(VIETNAMESE_ONLY_LETTERS)) + "]")


def has_vietnamese_letters(text: str) -> bool:
    """True when text holds at least one letter of VIETNAMESE_ONLY_LETTERS."""
    return not text.isascii() and _VIETNAMESE_ONLY.search(text) is not None


def split_tone(syllable: str) -> Tuple[str, int]:
    """The syllable without its tone mark, and the tone (TONE_NONE..TONE_DOT).

    Letter case is kept. If a (malformed) word carries several tone marks,
    all are removed and the last one is returned.
    """
    if syllable.isascii():
        return syllable, TONE_NONE
    tone = TONE_NONE
    chars = []
    for char in syllable:
        found = _UNTONE.get(char)
        if found is None:
            chars.append(char)
        else:
            chars.append(found[0])
            tone = found[1]
    return "".join(chars), tone


def tone_positions(base: str) -> Tuple[int, ...]:
    """Indexes in a toneless syllable where its tone mark belongs.

    Two indexes (traditional first, modern second) for the open rhymes oa,
    oe and uy; one otherwise; none when the word has no vowel.
    """
    lower = base.lower()
    length = len(lower)
    index = 0
    while index < length and lower[index] not in _VOWELS:
        index += 1
    start = index
    while index < length and lower[index] in _VOWELS:
        index += 1
    end = index
    if start == end:
        return ()
    # The u of qu and the i of gi belong to the onset when another vowel follows:
    # quý, già, giữa (but gì, gìn, where the i is the nucleus).
    if end - start > 1 and start > 0 and (
        (lower[start - 1] == "q" and lower[start] == "u") or (start == 1 and lower[:2] == "gi")
    ):
        start += 1
    cluster = lower[start:end]
    for offset in range(len(cluster) - 1, -1, -1):
        if cluster[offset] in _MARKED_VOWELS:
            return (start + offset,)  # ươ takes the tone on ơ, uô on ô, iê on ê
    if end < length:
        return (end - 1,)  # closed rhyme: toán, hoàng, quýt, xoóng
    if len(cluster) == 1:
        return (start,)
    if cluster in ("oa", "oe", "uy"):
        return (start, start + 1)  # hòa / hoà, hòe / hoè, thủy / thuỷ
    if len(cluster) == 3:
        return (start + 1,)  # ngoài, xoáy, khuỷu
    return (start,)  # mía, múa, mưa, hài, sáo, túi


def apply_tone(base: str, tone: int, style: str = "traditional") -> str:
    """Put a tone mark on a syllable, at the traditional or modern place.

    ``base`` may already carry a tone mark; it is replaced. Letter case is kept.
    Returns the word unchanged (without tone) when it has no vowel.
    """
    base, _ = split_tone(base)
    if tone == TONE_NONE:
        return base
    positions = tone_positions(base)
    if not positions:
        return base
    if style not in ("traditional", "modern"):
        raise ValueError(f"tone style must be 'traditional' or 'modern', got {style!r}")
    index = positions[-1] if style == "modern" else positions[0]
    return base[:index] + _TONE[(base[index], tone)] + base[index + 1 :]


def tone_style(syllable: str) -> Optional[str]:
    """"traditional" or "modern" for a toned syllable whose placement differs
    between the styles (open oa, oe, uy: hòa / hoà); None for all others."""
    base, tone = split_tone(syllable)
    if tone == TONE_NONE:
        return None
    positions = tone_positions(base)
    if len(positions) != 2:
        return None
    for index, char in enumerate(syllable):
        if char in _UNTONE:
            if index == positions[0]:
                return "traditional"
            if index == positions[1]:
                return "modern"
            return None
    return None


# -- phonotactics ----------------------------------------------------------------

_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "kh", "ph", "th", "tr",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")

# Rhymes without a medial. The i/y nucleus alone is written y in open
# syllables (ký, mỹ, y), i everywhere (kí, mĩ, ỉ).
_PLAIN_RHYMES = frozenset("""
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ich im in inh ip it iu
    ia iêc iêm iên iêng iêp iêt iêu
    y yêm yên yêng yêt yêu
    o oc oi om on ong op ot oong ooc
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u uc ui um un ung up ut
    ua uôc uôi uôm uôn uông uôt
    ư ưc ưi ưm ưng ưt ưu
    ưa ươc ươi ươm ươn ương ươp ươt ươu
""".split())

# Rhymes with the medial /w/: o before a ă e, u before â ê y ơ.
_MEDIAL_RHYMES = frozenset("""
    oa oac oach oai oam oan oang oanh oao oap oat oay
    oăc oăm oăn oăng oăp oăt
    oe oen oeo oet
    uân uâng uât uây
    uê uêch uên uênh uêt
    uy uych uynh uyp uyt uyu uya uyên uyêt
    uơ
""".split())

# After q the medial is always written u and counted in the onset "qu":
# qua, quắt, quân, que, quên, quy, quyết, quơ; also the older qui/quít, quốc,
# and the expressive quạu, quều.
_QU_RHYMES = frozenset({rhyme[1:] for rhyme in _MEDIAL_RHYMES} | {"i", "it", "inh", "ôc", "au", "êu"})

_VELAR_BEFORE_FRONT = frozenset({"c", "g", "ng"})
_VELAR_FRONT_ONLY = frozenset({"k", "gh", "ngh"})
_NO_MEDIAL_ONSETS = frozenset({"c", "k", "gh", "ngh", "gi"})


def _rhyme_ok(onset: str, rhyme: str) -> bool:
    if onset == "qu":
        return rhyme in _QU_RHYMES
    if rhyme in _MEDIAL_RHYMES:
        return onset not in _NO_MEDIAL_ONSETS
    if rhyme not in _PLAIN_RHYMES:
        return False
    first = rhyme[0]
    if onset in _VELAR_BEFORE_FRONT and first in _FRONT:
        return False  # ce, ngì: write ke, nghì (gi is its own onset)
    if onset in _VELAR_FRONT_ONLY and first not in _FRONT:
        return False  # ka, gha, ngha: write ca, ga, nga
    if first == "y":
        # yê starts a syllable only without onset (yên); an onset takes iê
        # (tiên) instead. The lone y nucleus follows an onset or none (ký, y).
        return onset == "" if rhyme != "y" else onset not in ("gh", "ngh", "gi")
    if rhyme.startswith("iê"):
        return onset != ""  # yên, not iên
    return True


def _parse_ok(base: str) -> bool:
    """Whether a lowercase, toneless word is onset + a rhyme that onset allows."""
    if base.startswith("qu"):
        return len(base) > 2 and _rhyme_ok("qu", base[2:])
    if base.startswith("gi"):
        rest = base[2:]
        if rest and rest[0] in _VOWELS and _rhyme_ok("gi", rest):
            return True  # gia, giữa, giường, gieo
        # gì, gìn, giếng: the i of gi is also the start of the rhyme.
        return (not rest or rest[0] not in _VOWELS or rest[0] == "ê") and _rhyme_ok("gi", base[1:])
    onset = ""
    for candidate in _ONSETS:
        if base.startswith(candidate):
            onset = candidate
            break
    rhyme = base[len(onset):]
    return bool(rhyme) and _rhyme_ok(onset, rhyme)


_CODAS = frozenset({"", "c", "ch", "m", "n", "ng", "nh", "p", "t"})


def syllable_parts(base: str) -> Optional[Tuple[str, str, str]]:
    """Split a lowercase, toneless word into (onset, vowels, coda) if it has the
    *shape* of a Vietnamese syllable: a known onset (or none), one run of one to
    three vowels, and a known consonant coda (or none). Returns None otherwise.

    The shape says nothing about validity: "kông" and "nguơi" have it, and are
    not syllables; "krông", "đăk" and "đuma" lack it (cluster, k coda, two vowel
    runs), which is how foreign words and minority-language names look.
    """
    if not base or not all(char in _LOWER_LETTERS for char in base):
        return None
    if base.startswith(("qu", "gi")) and len(base) > 2 and base[2] in _VOWELS:
        onset = base[:2]
    else:
        onset = ""
        for candidate in _ONSETS:
            if base.startswith(candidate):
                onset = candidate
                break
    index = len(onset)
    length = len(base)
    while index < length and base[index] in _VOWELS:
        index += 1
    vowels = base[len(onset):index]
    coda = base[index:]
    if not 1 <= len(vowels) <= 3 or coda not in _CODAS:
        return None
    return onset, vowels, coda


@lru_cache(maxsize=1 << 16)
def is_vietnamese_syllable(token: str) -> bool:
    """Whether token is one well-formed Vietnamese syllable (NFC, any letter case).

    Checks the letters, onset/medial/nucleus/coda phonotactics, at most one
    tone mark, its placement (traditional or modern), and that stop codas
    p/t/c/ch carry only sắc or nặng.
    """
    lower = token.lower()
    if not lower or len(lower) > 7:
        return False
    tone = TONE_NONE
    tone_index = -1
    chars = []
    for index, char in enumerate(lower):
        found = _UNTONE.get(char)
        if found is not None:
            if tone != TONE_NONE:
                return False  # two tone marks: đìều
            char, tone = found
            tone_index = index
        elif char not in _LOWER_LETTERS:
            return False
        chars.append(char)
    base = "".join(chars)
    if not _parse_ok(base):
        return False
    if tone == TONE_NONE:
        return not base.endswith(_STOP_CODAS)
    if base.endswith(_STOP_CODAS) and tone not in (TONE_ACUTE, TONE_DOT):
        return False
    return tone_index in tone_positions(base)


@lru_cache(maxsize=1)
def all_syllables() -> FrozenSet[str]:
    """Every word is_vietnamese_syllable accepts, in lower case: about 17,000.

    Each onset + rhyme the tables allow, with every tone it may take, at
    each accepted place (both hòa and hoà). A caller can then test all the
    words of a document with one set operation instead of one call per
    word. Built on first use, in a few tens of milliseconds.
    """
    syllables = set()
    for onset in ("", "qu", "gi") + _ONSETS:
        for rhyme in _PLAIN_RHYMES | _MEDIAL_RHYMES | _QU_RHYMES:
            base = onset + rhyme
            if len(base) > 7 or not _parse_ok(base):
                continue
            stop = base.endswith(_STOP_CODAS)
            if not stop:
                syllables.add(base)
            for index in tone_positions(base):
                for tone in (TONE_ACUTE, TONE_DOT) if stop else (TONE_ACUTE, TONE_GRAVE, TONE_HOOK, TONE_TILDE, TONE_DOT):
                    syllables.add(base[:index] + _TONE[(base[index], tone)] + base[index + 1:])
    return frozenset(syllables)


# -- line keys -------------------------------------------------------------------

_ZERO_WIDTH_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width spaces and joiners, BOM, soft hyphen
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARACTERS}]")
# Bullets, arrows, quotes, brackets and punctuation that decorate the ends of a line.
_LINE_EDGE = (" \t-–—―‒•·∙●○◦▪▫■□◆◇►▶▸▹◀◂◄»«›‹>|¦:;,.!?/\\*+=_~()[]{}<\"'“”‘’„‟…→←↑↓⇒⟩⟨❯❮➤➜➔☞✓✔✕✖×"
              "\u00a0\u202f\u2007\u3000")
# hòa -> hoà, khỏe -> khoẻ, thủy -> thuỷ: the two accepted tone placements of the open rhymes
# oa, oe, uy. Only at the end of a word: in a closed syllable (hoàn, thuyền) nothing moves.
_MODERN_PLACEMENT: Dict[str, str] = {
    unicodedata.normalize("NFC", vowel + mark) + after: vowel + unicodedata.normalize("NFC", after + mark)
    for mark in "\u0300\u0301\u0309\u0303\u0323"
    for vowel, after in (("o", "a"), ("o", "e"), ("u", "y"))
}
_TRADITIONAL_PLACEMENT = re.compile("(?:" + "|".join(_MODERN_PLACEMENT) + r")(?![^\W\d_])")


def _modern_placement(match: re.Match[str]) -> str:
    return _MODERN_PLACEMENT[match.group()]


def normalise_line(text: str) -> str:
    """The key under which a line is looked up in a catalogue of whole-line phrases.

    Zero-width characters and soft hyphens removed; NFC; lower case; any run
    of whitespace made one space; bullets, arrows, quotes and punctuation
    stripped from both ends; and the tone of an open oa, oe or uy on its
    second vowel (hòa -> hoà), since both placements are common.
    "  » Thủy điện  Hòa Bình: " -> "thuỷ điện hoà bình".

    A text of several lines is normalised line by line and keeps its line
    breaks, so a whole document is done in one call (much faster than line
    by line): ``normalise_line(document.text).split("\\n")[i]`` is the key of
    ``document.lines[i]``.
    """
    if text.isascii():
        text = text.lower()
    else:
        # Zero-width characters go first: one between a letter and its mark would keep them apart.
        if any(character in text for character in _ZERO_WIDTH_CHARACTERS):
            text = _ZERO_WIDTH.sub("", text)
        text = unicodedata.normalize("NFC", text)
        text = _TRADITIONAL_PLACEMENT.sub(_modern_placement, text.lower())
    lines = text.split("\n")
    # Tabs, no-break spaces and runs of spaces become one space. Most texts have none: then the
    # costly split and join is skipped (on lines of single spaces it would change nothing the
    # stripping of the ends does not).
    if "  " in text or not text.replace("\n", " ").isprintable():
        lines = [" ".join(line.split()) for line in lines]
    return "\n".join([line.strip(_LINE_EDGE) for line in lines])


# -- is a text word-segmenter output? ---------------------------------------------
# Shared by S (which restores segmented documents) and W (whose spacing rules keep out of them).

# Spaced-out punctuation as segmenters write it. Each needs a space on both sides,
# so ordinary prose ("Hà Nội, ngày" or "(tỉnh cũ)") never matches.
_SPACED_MARKS = (" , ", " . ", " ; ", " : ", " ( ", " ) ", " ,\n", " .\n")
_ANY_SPACED_MARK = re.compile(r" [,.;:()][ \n]")  # one scan that finds any of _SPACED_MARKS
_MARKS = (", ", ". ", "; ", ": ", "(", ")", ",\n", ".\n")  # not the dots and commas inside 3.453, 165,8 or URLs
# An underscore with a letter before it and a letter or digit after it: Hà_Nội, tháng_8.
_WORD_UNDERSCORE = re.compile(r"_(?<=[^\W\d_]_)(?=[^\W_])")

MIN_SPACED_MARKS = 3  # fewer is a typo for W104, not a segmented document
SPACED_SHARE = 3  # at least one punctuation mark in 3 is spaced out
MIN_UNDERSCORES = 2
UNDERSCORE_SHARE = 25  # at least one underscore per 25 words (segmenters join 15-30% of words)


def document_is_segmented(document) -> bool:
    """is_segmented for a whole vnlint Document, computed once and shared by every rule that asks."""
    return document.memo("vietnamese.is_segmented", lambda document: is_segmented(document.text))


def is_segmented(text: str) -> bool:
    """Whether text looks like word-segmenter output as a whole (cheap: a regex scan, and a few
    str.count scans where it finds something)."""
    # Clean text has no spaced-out mark at all: one scan saves counting each of them.
    spaced = text.endswith(" .")
    if _ANY_SPACED_MARK.search(text):
        spaced += sum(text.count(mark) for mark in _SPACED_MARKS)
    if spaced:
        marks = sum(text.count(mark) for mark in _MARKS) + text.endswith(".")
        # Many marks spaced out, or a short text whose every mark is ("Ảnh : TTXVN").
        if (spaced >= MIN_SPACED_MARKS and spaced * SPACED_SHARE >= marks) or spaced >= marks:
            return True
    if "_" not in text or text.count("_") < MIN_UNDERSCORES:
        return False
    underscores = sum(1 for _ in _WORD_UNDERSCORE.finditer(text))
    words = text.count(" ") + text.count("\n") + 1
    return underscores >= MIN_UNDERSCORES and underscores * UNDERSCORE_SHARE >= words
