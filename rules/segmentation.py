"""S: word-segmentation artifacts.

VnCoreNLP, pyvi and underthesea write segmented text: the syllables of one
word joined by underscores ("Hà_Nội") and every punctuation mark a token of
its own ("Hà_Nội , ngày 28 / 4 ."). A corpus that kept this output instead of
the original text is what these rules restore.

Whether a document is segmented is decided once per document, from the
density of underscores between letters and of spaced-out punctuation
(``is_segmented``, in the shared vnlint.rules.vietnamese module, which the W
family asks too). So a normal article with one "a , b" typo is left to W104,
while a segmented document is restored consistently here.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

from vnlint.diagnostic import Diagnostic, Edit
from vnlint.document import Document
from vnlint.rule import Rule, RuleOptions
from vnlint.rules.vietnamese import document_is_segmented, has_vietnamese_letters, is_vietnamese_syllable

DATA = Path(__file__).parent / "data"

# Whether a document is segmented is decided in vnlint.rules.vietnamese (is_segmented),
# shared with the W family.


# -- things that are never segmenter output --------------------------------------

# File extensions and top-level domains: "bao_cao.pdf", "tin_tuc.vn" are names, not words.
EXTENSIONS_AND_DOMAINS = frozenset("""
    vn com net org gov edu info io biz int mil uk cn jp kr fr de ru au asia
    htm html php asp aspx jsp shtml xml json txt csv tsv md rtf log
    pdf doc docx xls xlsx ppt pptx odt ods jpg jpeg png gif webp svg bmp tif tiff
    mp3 mp4 avi mov mkv wav zip rar gz tar 7z py js css exe apk
""".split())
_EXTENSION = re.compile(r"\.([A-Za-z0-9]{2,5})$")
_CODE_CHARACTERS = frozenset("=<>{}[]`$|*\\")
_DATE_AFTER_SLASH = re.compile(r"(?:/\d+)+")  # "tối_15/3" is a segmented date, "a_b/c" a path
_EDGE_PUNCTUATION = "([{“‘\"'«»”’)]}.,;:!?…"


def is_protected_token(token: str) -> bool:
    """URLs, e-mail addresses, @handles, #hashtags, paths, file names and code keep their underscores."""
    if "://" in token or "www." in token.lower():
        return True
    core = token.strip(_EDGE_PUNCTUATION)
    if not core:
        return True
    if "@" in core or core[0] == "#" or core.startswith("__") or core.endswith("__"):
        return True
    if any(char in _CODE_CHARACTERS for char in core):
        return True
    slash = core.find("/")
    if slash != -1 and not _DATE_AFTER_SLASH.fullmatch(core, slash):
        return True
    extension = _EXTENSION.search(core)
    return extension is not None and extension.group(1).lower() in EXTENSIONS_AND_DOMAINS


# -- S001 helpers ------------------------------------------------------------------

_CHAIN = re.compile(r"[^\W_]+(?:_[^\W_]+)+")
# underthesea glues a word to the punctuation before it: "? !_Vâng", "Mr._Bean".
_UNDERSCORE_AFTER_MARK = re.compile(r"(?<=[.,;:!?…)\]”’\"'])_(?=[^\W_])")
_SIGIL_UNDERSCORE = re.compile(r"^[(\[“‘\"']*[#@](_)(?=[^\W_])")  # "@_vtv24", "#_HàNội"
_TOKEN_REST = re.compile("[^ \n\t\u00a0]*")
MAX_TOKEN = 200  # longer runs without a space are not words; they are skipped


def _is_word_part(part: str) -> bool:
    """A piece a segmenter could have joined: a syllable, a name, an acronym or a number."""
    return (
        is_vietnamese_syllable(part)
        or has_vietnamese_letters(part)  # a misspelt syllable ("đìều") is still not an identifier
        or part.isdigit()
        or part.isupper()  # USD, FDI, S24, QH15
        or (part[0].isupper() and (len(part) == 1 or part[1:].islower()))  # Kim, Jong, Trump
    )


def chain_is_segmented(chain: str, segmented: bool) -> bool:
    """Whether an underscore-joined chain is segmenter output (True) or an identifier (False)."""
    parts = chain.split("_")
    if has_vietnamese_letters(chain) and all(
        is_vietnamese_syllable(part) or has_vietnamese_letters(part) for part in parts
    ):
        return True  # Hà_Nội: no identifier is spelled with Vietnamese letters
    if not segmented:
        return False
    if not all(_is_word_part(part) for part in parts):
        return False  # user_id, max_len, get_data
    # MAX_LEN, HTTP_200: all-capital ASCII is a constant, not a word.
    return not all(part.isascii() and (part.isupper() or part.isdigit()) for part in parts)


def _tokens_with_underscores(text: str) -> Iterator[Tuple[int, str]]:
    """(start, token) for every whitespace-delimited token holding an underscore.

    Linear in len(text): each underscore looks back at most MAX_TOKEN characters,
    and the scan resumes after the token it found.
    """
    position = text.find("_")
    while position != -1:
        window = max(0, position - MAX_TOKEN)
        head = text[window:position]
        start = window + max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"), head.rfind("\u00a0")) + 1
        end = _TOKEN_REST.match(text, position).end()
        if start > window or window == 0:  # else no break within MAX_TOKEN: not a word
            if end - start <= MAX_TOKEN:
                yield start, text[start:end]
        position = text.find("_", end)


@lru_cache(maxsize=1 << 16)  # segmented corpora repeat their words: Tổng_bí_thư, Trung_Quốc
def underscore_edits(token: str, segmented: bool) -> Tuple[Tuple[Tuple[int, str], ...], Tuple[str, ...]]:
    """Edits (offset in token, replacement for the underscore) and the words they repair."""
    edits: List[Tuple[int, str]] = []
    words: List[str] = []
    if segmented:
        sigil = _SIGIL_UNDERSCORE.match(token)
        if sigil:
            edits.append((sigil.start(1), ""))
            words.append(token.strip(_EDGE_PUNCTUATION))
            token = token[:sigil.start(1)] + " " + token[sigil.end(1):]  # keep offsets, hide the underscore
    if is_protected_token(token):
        return tuple(edits), tuple(words)
    for chain in _CHAIN.finditer(token):
        if chain_is_segmented(chain.group(), segmented):
            start = chain.start()
            edits.extend((start + index, " ") for index, char in enumerate(chain.group()) if char == "_")
            words.append(chain.group())
    if segmented:
        for mark in _UNDERSCORE_AFTER_MARK.finditer(token):
            edits.append((mark.start(), " "))
            words.append(token[max(0, mark.start() - 1):mark.end() + 1])
    return tuple(sorted(edits)), tuple(words)


# -- S002 helpers ------------------------------------------------------------------

_TOKEN = re.compile(r"\S+")
_CLOSING = re.compile(r"[,.;:!?%)\]}…”’»]+")
_OPENING = re.compile(r"[(\[{“‘«]+")
_HOUR_MINUTES = re.compile(r"h(?:\d\d)?")  # underthesea: "7 h30", "8 h"
_FILE_NAME_PART = re.compile(r"[A-Za-z0-9]+")
_DOTTED_NUMBER = re.compile(r"\d+(?:\.\d+)+")


@lru_cache(maxsize=1)
def dotted_abbreviations() -> Tuple[str, ...]:
    """Abbreviations such as TP.HCM and T.Ư, from data/segmentation_abbreviations.txt."""
    lines = (DATA / "segmentation_abbreviations.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _split_abbreviation() -> re.Pattern[str]:
    """Matches a listed abbreviation with spaces around its dots ("TP. HCM", "Th . S"), and "Q. 1"."""
    alternatives = []
    for entry in sorted(dotted_abbreviations(), key=len, reverse=True):
        pieces = entry.split(".")
        pattern = re.escape(pieces[0])
        for piece in pieces[1:]:
            # A final dot ("U.S.") may lose the space before it, never gain the one after it.
            pattern += r" ?\. ?" + re.escape(piece) if piece else r" ?\."
        alternatives.append(pattern)
    alternatives.append(r"[QP] ?\. ?\d{1,3}(?!\d)")  # Q.1 (quận 1), P.5 (phường 5)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])")


def _code_like(token: str) -> bool:
    """NĐ, CP, TTg, KT, XH, AIPA, 012: acronyms and numbers in codes like NĐ-CP, KT-XH."""
    if _DOTTED_NUMBER.fullmatch(token):
        return True  # the 123.45 of licence plate 29B-123.45
    return (
        token.isalnum()
        and len(token) <= 12
        and (token[0].isupper() or token[0].isdigit())
        and sum(1 for char in token if char.isupper() or char.isdigit()) >= 2
    )


def _is_number(token: str) -> bool:
    return token.isdigit() or _DOTTED_NUMBER.fullmatch(token) is not None


def _hyphen_joins(left: str, right: str) -> bool:
    """Whether "left - right" was one hyphenated token before segmentation."""
    if _is_number(left) and _is_number(right):
        return False  # 2025 - 2030, 25 - 28/4, 24.350 - 24.720: ranges are written spaced too
    if _code_like(left) and _code_like(right):
        return True  # NĐ-CP, KT-XH, HQ-012, AIPA-45
    return left.isascii() and left.isalpha() and right.isdigit()  # Covid-19, F-16


def detokenize(line: str) -> List[Tuple[int, int]]:
    """Spans of spaces to delete so that a segmented line gets normal Vietnamese typography."""
    found = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(line)]
    count = len(found)
    if count < 2:
        return []
    tokens = [token for _, _, token in found]
    joins: Set[int] = set()  # i: remove the gap between tokens[i] and tokens[i + 1]

    ends = [end for _, end, _ in found]
    for match in _split_abbreviation().finditer(line):
        first = bisect.bisect_right(ends, match.start())
        for index in range(first, count - 1):
            if found[index + 1][0] >= match.end():
                break
            joins.add(index)

    for index in range(count - 1):
        left, right = tokens[index], tokens[index + 1]
        if _CLOSING.fullmatch(right) or _OPENING.fullmatch(left):
            joins.add(index)
        elif left == "/" or right == "/":
            joins.add(index)  # 28 / 4, đồng / kg, TTXVN / VOV, ./.
        elif right == "-" and index + 2 < count and _hyphen_joins(left, tokens[index + 2]):
            joins.update((index, index + 1))
        elif left == "$" and right[0].isdigit():
            joins.add(index)
        elif left in ("#", "@") and right[0].isalnum():
            joins.add(index)
        elif left == ":" and index and tokens[index - 1].isdigit() and right.isdigit():
            joins.add(index)  # 14 : 28
        elif left.isdigit() and _HOUR_MINUTES.fullmatch(right):
            joins.add(index)  # 7 h30, 8 h
        elif left == "." and right in EXTENSIONS_AND_DOMAINS and index and _FILE_NAME_PART.fullmatch(tokens[index - 1]):
            # nhandan . vn, www . vnexpress . net, bao - cao . pdf
            joins.update((index - 1, index))
            back = index - 1
            while back >= 2 and tokens[back - 1] in ("-", ".") and _FILE_NAME_PART.fullmatch(tokens[back - 2]):
                joins.update((back - 2, back - 1))
                back -= 2

    for quote in ('"', "'"):
        positions = [index for index, token in enumerate(tokens) if token == quote]
        if len(positions) % 2:
            continue  # unbalanced on this line: which is opening is a guess, so leave them
        for order, index in enumerate(positions):
            if order % 2 == 0 and index + 1 < count:
                joins.add(index)  # opening quote: glue to the word after it
            elif order % 2 == 1 and index > 0:
                joins.add(index - 1)  # closing quote: glue to the word before it

    spans = []
    for index in sorted(joins):
        start, end = found[index][1], found[index + 1][0]
        if line[start:end].strip(" ") == "":
            spans.append((start, end))
    return spans


def _examples(words: List[str], limit: int = 3) -> str:
    shown = ", ".join(words[:limit])
    return shown + (", …" if len(words) > limit else "")


# -- rules -------------------------------------------------------------------------


class UnderscoreJoinedWords(Rule):
    """
    ## What it does
    Finds syllables joined by underscores, as word segmenters (VnCoreNLP, pyvi,
    underthesea) write multi-syllable words: "Hà_Nội", "Nguyễn_Phú_Trọng_nhắc",
    "tỷ_USD". The fix puts the spaces back. One diagnostic per line.

    A chain is repaired in any document when every piece is a Vietnamese
    syllable and it holds a Vietnamese letter ("Hà_Nội": no identifier is spelled
    that way). In a document that is segmented as a whole (many underscores or
    spaced-out punctuation) names, acronyms and numbers are repaired too
    ("Donald_Trump", "tỷ_USD", "tháng_8", underthesea's "? !_Vâng" and "@_vtv24").
    Never touched: URLs, e-mail addresses, @handles, #hashtags, paths, file names
    and domains ("bao_cao.pdf", "tin_tuc.vn"), and ASCII identifiers ("user_id",
    "max_len", "MAX_LEN").

    ## Why it matters
    A corpus that kept segmenter output has words no reader or tokenizer
    expects: "Hà_Nội" is one unknown token instead of two known ones, and the
    same text appears in two spellings across the corpus (seed 001 is entirely
    segmented).

    ## Example
    `Tổng_bí_thư Nguyễn_Phú_Trọng tiếp ông Lưu_Kiến_Siêu tại Hà_Nội` becomes
    `Tổng bí thư Nguyễn Phú Trọng tiếp ông Lưu Kiến Siêu tại Hà Nội`.

    ## Fix safety
    Safe: an underscore a segmenter wrote always stood for one space, so putting
    the space back is exact; identifiers, URLs, handles, hashtags and file names
    are recognised and left alone. What stays: an all-capital ASCII chain
    ("HMS_RICHMOND") looks like a constant (MAX_LEN) and is kept, and outside a
    segmented document names without Vietnamese letters ("Donald_Trump") are
    kept, since there they may be deliberate.
    """

    code = "S001"
    name = "underscore-joined-words"
    summary = "Syllables joined by underscores (word-segmenter output)"
    default_severity = "error"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        text = document.text
        if "_" not in text:
            return
        segmented = document_is_segmented(document)
        by_line: Dict[int, Tuple[List[Tuple[int, str]], List[str]]] = {}
        for start, token in _tokens_with_underscores(text):
            edits, words = underscore_edits(token, segmented)
            if not edits:
                continue
            line_index = bisect.bisect_right(document.line_starts, start)
            line_edits, line_words = by_line.setdefault(line_index, ([], []))
            line_edits.extend((start + offset, replacement) for offset, replacement in edits)
            line_words.extend(words)
        for edits, words in by_line.values():
            first, last = edits[0][0], edits[-1][0] + 1
            count = len(words)
            yield self.diagnostic(
                document, first, last,
                f"{count} word{'s' if count > 1 else ''} joined by underscores (word-segmenter output): "
                + _examples(words),
                edits=[Edit(offset, offset + 1, replacement) for offset, replacement in edits],
            )


class TokenizedPunctuation(Rule):
    """
    ## What it does
    In a document that is word-segmenter output as a whole, restores normal
    Vietnamese typography around punctuation: no space before , . ; : ! ? % …
    and closing brackets or quotes, none after opening ones, none around "/" in
    dates and units, and split abbreviations and codes joined again: "TP. HCM" →
    "TP.HCM", "T. Ư" → "T.Ư", "Th . S" → "Th.S", "NĐ - CP" → "NĐ-CP",
    "Covid - 19" → "Covid-19", "14 : 28" → "14:28", "nhandan . vn" → "nhandan.vn".
    One diagnostic per line.

    A document counts as segmented when at least 3 punctuation marks are spaced
    out on both sides and they are at least a third of all marks, or when at
    least one word in 25 is joined by underscores. A normal article with one
    "a , b" typo is not segmented: W104 (space-before-punctuation) handles that.

    ## Why it matters
    Segmenters (VnCoreNLP, pyvi, underthesea) make every mark a token: "Hà Nội ,
    ngày 28 / 4 ( thứ Sáu ) ." A corpus that kept this has punctuation no
    language model will ever be asked to produce, and dates and codes ("28/4",
    "TP.HCM") split into pieces.

    ## Example
    `Tại cuộc tiếp sáng 5 / 9 , ông nói : “ Quan hệ tốt_đẹp ” ( theo TTXVN ) .`
    becomes
    `Tại cuộc tiếp sáng 5/9, ông nói: “Quan hệ tốt_đẹp” (theo TTXVN).`
    (S001 then restores "tốt đẹp").

    ## Fix safety
    Safe: only spaces next to punctuation are removed; no character is added or
    changed. Some of the original text is lost for good and no inversion can
    recover it; the fix then picks the common typography:

    - a hyphen the original wrote unspaced between words ("Bà Rịa-Vũng Tàu",
      "châu Á-Thái Bình Dương", "Việt Nam-Philippines") is indistinguishable from a
      spaced one ("Việt - Trung"), and stays spaced; between two numbers
      ("2025 - 2030", "25 - 28/4") it stays spaced too;
    - an en dash's spacing ("7–9/10" vs "7 – 9/10"), and an asymmetric space
      ("Trung Quốc- Ảnh") are lost;
    - "TP. Hồ Chí Minh" and "TP.Hồ Chí Minh" segment alike; only listed
      abbreviations (data/segmentation_abbreviations.txt) are joined back;
    - no-break spaces become plain spaces in the segmenter itself;
    - "C++", "km 15+200" and other spaced symbols stay spaced;
    - straight quotes on a line with an odd number of them are left as they are.
    """

    code = "S002"
    name = "tokenized-punctuation"
    summary = "Punctuation spaced out as separate tokens (word-segmenter output)"
    default_severity = "error"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        if not document_is_segmented(document):
            return
        for line in document.lines:
            spans = detokenize(line.text)
            if not spans:
                continue
            first, last = line.start + spans[0][0], line.start + spans[-1][1]
            before = line.text[:spans[0][0]].split(" ")[-2:]
            after = line.text[spans[0][1]:].split(" ")[:2]
            sample = " ".join(before) + line.text[spans[0][0]:spans[0][1]] + " ".join(after)
            count = len(spans)
            yield self.diagnostic(
                document, first, last,
                f"{count} space{'s' if count > 1 else ''} around punctuation left by a word segmenter "
                f"(e.g. '{sample}')",
                edits=[Edit(line.start + start, line.start + end, "") for start, end in spans],
            )
