"""W: whitespace and glued text.

Rules here see layout only: blank lines, spaces, and text glued together
where a scraper dropped a space or a line break.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator, List, Tuple

from vnlint.diagnostic import Diagnostic, Edit
from vnlint.document import Document
from vnlint.rule import Option, Rule, RuleOptions
from vnlint.rules.vietnamese import (
    VIETNAMESE_LETTERS,
    WORD,
    document_is_segmented,
    has_vietnamese_letters,
    is_vietnamese_syllable,
)

# A run of blank lines: the "\n" that ends a line, then two or more lines holding only spaces or tabs.
_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){2,}")
_LEADING_BLANKS = re.compile(r"\A(?:[ \t]*\n)+")
_TRAILING_BLANKS = re.compile(r"\n(?:[ \t]*\n)+\Z")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
# A line break after a space or tab: anchored on the rare "\n", it is found several times faster
# than by _TRAILING_SPACE or by two substring tests.
_BLANK_BEFORE_BREAK = re.compile(r"\n(?<=[ \t]\n)")
# The same, or three line breaks in a row, in one scan of the line breaks. Where neither occurs,
# W002 has no line to report before the last, and W001 has no run: every blank line is empty
# (a space or tab on it would stand before its "\n"), so a run would be "\n\n\n".
_BLANK_LINE_SIGN = re.compile(r"\n(?:(?<=[ \t]\n)|(?<=\n\n\n))")


def _has_blank_line_sign(document: Document) -> bool:
    """Whether _BLANK_LINE_SIGN occurs; one scan shared by W001 and W002."""
    return document.memo("whitespace.blank_line_sign", lambda document: _BLANK_LINE_SIGN.search(document.text) is not None)


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
        # The run can only lie in the whitespace the text ends with; searching from there keeps
        # the regex engine from trying every line break of the text. It ends in a blank line, so the
        # final "\n" follows a space, a tab or another "\n": most texts are decided without copying
        # them into text.rstrip().
        trailing = None
        if text.endswith("\n") and text[-2:-1] in (" ", "\t", "\n"):
            trailing = _TRAILING_BLANKS.search(text, len(text.rstrip(" \t\n")))
        trailing_start = trailing.start() if trailing else len(text) + 1
        for run in _BLANK_RUN.finditer(text) if _has_blank_line_sign(document) else ():
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
        text = document.text
        # Almost every file has no trailing blank at all: one quick scan (shared with W001) decides that.
        if not text.endswith((" ", "\t")) and (not _has_blank_line_sign(document) or _BLANK_BEFORE_BREAK.search(text) is None):
            return
        for match in _TRAILING_SPACE.finditer(text):
            start, end = match.span()
            yield self.diagnostic(document, start, end, "Trailing whitespace", edits=[Edit(start, end, "")])


# -- shared by the W1xx rules ------------------------------------------------------

DATA = Path(__file__).parent / "data"

# Letters of Vietnamese words, by case, for the glued-word scan.
_LOWER = "".join(sorted(char for char in VIETNAMESE_LETTERS if char.islower()))
_UPPER = "".join(sorted(char for char in VIETNAMESE_LETTERS if char.isupper()))

@lru_cache(maxsize=1)
def abbreviations() -> frozenset:
    """Words a period may follow without ending the sentence (data/whitespace_abbreviations.txt)."""
    lines = (DATA / "whitespace_abbreviations.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


# File extensions and top-level domains: "bao-cao.Pdf" or "VnExpress.Net" is a name, not two sentences.
_EXTENSIONS_AND_DOMAINS = frozenset("""
    vn com net org gov edu info io biz int uk cn jp kr fr de ru au asia
    htm html php asp aspx jsp xml json txt csv md pdf doc docx xls xlsx ppt pptx
    jpg jpeg png gif webp svg mp3 mp4 avi mov zip rar gz py js css exe apk
""".split())

# Sentence punctuation (or an ellipsis, for bylines only), perhaps a closing quote or
# bracket, then a letter with no space between. One pattern per mark: a pattern that starts
# with one literal character is searched several times faster than one that starts with a
# class, and a mark the text does not hold is not searched for at all. The letter is not an
# ASCII lowercase one and the character after it not an ASCII one other than a-z: such a pair can
# never pass _find_glued_sentences' isupper/islower test, and leaving it out here spares the
# common TP.HCM, T.Ư, PGS.TS and thanhnien.vn a trip through Python.
_GLUED_AFTER_MARK = {mark: re.compile(re.escape(mark) + r"[”\"’)»]?(?=[^\W\d_a-z][^\x00-\x60\x7b-\x7f])")
                     for mark in ".!?…"}
_WHITESPACE = " \t\n\u00a0"
_TOKEN_EXTENSION = re.compile(r"\.([A-Za-z0-9]{2,5})$")
_LOOKBACK = 200  # how far back a token may start; longer runs are not words


def _token_around(text: str, start: int, end: int) -> str:
    """The run of non-space characters holding text[start:end] (at most _LOOKBACK back)."""
    window = max(0, start - _LOOKBACK)
    first = max(text.rfind(char, window, start) for char in _WHITESPACE) + 1
    if first == 0:
        first = window
    last = end
    while last < len(text) and last - end < _LOOKBACK and text[last] not in _WHITESPACE:
        last += 1
    return text[first:last]


def _is_name_not_sentence(text: str, mark: int, after: int) -> bool:
    """A period that belongs to a URL, e-mail, file name, domain or abbreviation (TP.Hồ, J.K.Rowling)."""
    next_word = WORD.match(text, after)
    if next_word is None or not has_vietnamese_letters(next_word.group()):
        # Only an ASCII word can continue a URL, address or file name: "hotro@edumate.vn.Nguyễn Hải" cannot.
        token = _token_around(text, mark, after)
        if "@" in token or "://" in token or "www." in token.lower() or token.lstrip("([“‘\"'")[:1] == "#":
            return True
        extension = re.match(r"[^\W_]+", text[after:after + 6])
        if extension and extension.group().lower() in _EXTENSIONS_AND_DOMAINS:
            return True  # VnExpress.Net
        extension = _TOKEN_EXTENSION.search(token.rstrip(".,;:!?)]}”’\"'"))
        if extension and extension.group(1).lower() in _EXTENSIONS_AND_DOMAINS:
            return True  # Bao.Cao.Pdf
    word_start = mark
    while word_start > 0 and mark - word_start < 12 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:mark]
    if word in abbreviations():
        return True
    if len(word) == 1 and word.isupper():
        # An initial in a dotted run (J.K.Rowling, U.S.Army); "33 độ C.Theo" is a sentence end.
        return word_start > 0 and text[word_start - 1] == "."
    return False


def _is_title_syllable(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower() and is_vietnamese_syllable(word)


def _is_source_name(word: str) -> bool:
    """TTXVN, VOV, VnExpress, Reuters: a news source after "Theo"."""
    return word[:1].isupper() and word.isalpha() and len(word) <= 12


def _byline_follows(text: str, start: int) -> bool:
    """Whether text[start:] up to the end of its paragraph is a byline.

    A byline is 2-4 capitalised syllables (Huyền Lê, Nguyễn Thị Ngọc Ánh) or a
    source credit, "Theo" and 1-3 names (Theo TTXVN, Theo Dân trí).
    """
    line_end = text.find("\n", start, start + 41)  # bounded: a 10 MB line must not be rescanned per candidate
    if line_end == -1:
        line_end = len(text)
    if line_end - start > 40:
        return False
    words = text[start:line_end].rstrip(" \t").split(" ")
    if not 2 <= len(words) <= 4:
        return False
    if words[0] == "Theo":
        if not all(_is_source_name(word) for word in words[1:]):
            return False
    elif not all(_is_title_syllable(word) for word in words):
        return False
    if line_end == len(text):
        return True
    next_end = text.find("\n", line_end + 1)
    return not text[line_end + 1:next_end if next_end != -1 else len(text)].strip()  # paragraph ends here


def glued_sentences(document: Document) -> List[Tuple[int, int, bool]]:
    """(mark, insertion point, is_byline) for each sentence glued to the next with no space;
    computed once per document for W101 and W102."""
    return document.memo("whitespace.glued_sentences", lambda document: _find_glued_sentences(document.text))


def _find_glued_sentences(text: str) -> List[Tuple[int, int, bool]]:
    candidates = [match.span() for mark, pattern in _GLUED_AFTER_MARK.items() if mark in text
                  for match in pattern.finditer(text)]
    candidates.sort()
    found = []
    for mark, after in candidates:
        if mark == 0 or after + 1 >= len(text):
            continue
        before, first, second = text[mark - 1], text[after], text[after + 1]
        if before in _WHITESPACE:
            continue  # " .Hai" is W104's
        if not (first.isupper() and second.islower()):
            continue  # TP.HCM, T.Ư, PGS.TS, U.S., thanhnien.vn, 9.2022
        if text[mark] == "…" or (before in ".…" and text[mark] == "."):
            # "...Hai" is an ellipsis, not a missing space; but a truncated teaser
            # can still have a byline glued on: "lãnh thổ...Ngọc Ánh".
            if _byline_follows(text, after):
                found.append((mark, after, True))
            continue
        if _is_name_not_sentence(text, mark, after):
            continue
        found.append((mark, after, _byline_follows(text, after)))
    return found


class MissingSpaceAfterPunctuation(Rule):
    """
    ## What it does
    Finds a sentence that ends with . ! or ? (perhaps followed by a closing quote
    or bracket) glued to a next sentence that starts with a capitalised word,
    as in "theo TTXVN.Hai bên" or "đối tác tốt).Việt Nam", and inserts the space.

    Not flagged: abbreviations and initials (TP.HCM, T.Ư, Th.S, PGS.TS, U.S.,
    TP.Hồ Chí Minh, J.K.Rowling; the list is data/whitespace_abbreviations.txt),
    numbers and dates (9.2022, 1.234, 18.1.1950), domains, e-mails, URLs and file
    names (thanhnien.vn, VnExpress.Net, bao-cao.pdf), and ellipses ("..." and "…").
    A short capitalised name glued at the end of a paragraph ("tháng 8.Huyền Lê")
    is a byline: W102 (glued-byline) reports it instead.

    ## Why it matters
    Scrapers join HTML paragraphs without a separator: seed 000 has "TTXVN.Hai",
    "31/10.Trong" and "Hải quan.Trong". Sentence splitters then see one sentence,
    and tokenizers see a word "TTXVN.Hai" that exists nowhere else.

    ## Example
    `hai Đảng, hai nước, theo TTXVN.Hai bên cũng thảo luận` becomes
    `hai Đảng, hai nước, theo TTXVN. Hai bên cũng thảo luận`.

    ## Fix safety
    Safe: one space is inserted after sentence punctuation; no character changes.
    """

    code = "W101"
    name = "missing-space-after-punctuation"
    summary = "No space between a sentence's final punctuation and the next sentence"
    default_severity = "warning"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        text = document.text
        for mark, after, is_byline in glued_sentences(document):
            if is_byline:
                continue
            yield self.diagnostic(document, mark, after + 1,
                                  f"No space after '{text[mark:after]}' before '{_word_at(text, after)}'",
                                  edits=[Edit(after, after, " ")])


class GluedByline(Rule):
    """
    ## What it does
    Finds an author's byline glued to the last sentence of a paragraph: a name of
    2–4 capitalised syllables with no final period, directly after the sentence's
    final punctuation, as in "tính đến tháng 8.Huyền Lê" (seed 000) or
    "25 tỷ_USD.Ngọc Ánh" (seed 001). The fix moves the name to its own paragraph,
    the way seed 002 writes its byline "Ngọc Ánh".

    W101 (missing-space-after-punctuation) does not fire on the same spot; the
    abbreviations and names it skips (TP.Hồ Chí Minh) are skipped here too.

    ## Why it matters
    The byline is not part of the article: glued on, it makes the last sentence
    end in a person's name ("tháng 8.Huyền Lê"), and it cannot be removed by
    trailer rules that look for a short line of its own.

    ## Example
    `tổng vốn đăng ký đạt 22,42 tỷ USD, tính đến tháng 8.Huyền Lê` becomes
    ```
    tổng vốn đăng ký đạt 22,42 tỷ USD, tính đến tháng 8.

    Huyền Lê
    ```

    ## Fix safety
    Safe: a paragraph break is inserted; no character changes. A glued place
    name at a paragraph end ("...hợp tác.Việt Nam") would also be moved; that
    text was broken either way.
    """

    code = "W102"
    name = "glued-byline"
    summary = "Author byline glued to the end of the last sentence"
    default_severity = "warning"
    fix_safety = "safe"
    options = (
        Option(name="separator", type=str, default="blank-line", choices=("blank-line", "newline"),
               help="What goes between the sentence and the byline: a blank line (its own paragraph, "
                    "as in seed 002) or a single line break."),
    )

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        text = document.text
        glued = glued_sentences(document)
        if not glued:
            return
        separator = "\n\n" if options.separator == "blank-line" else "\n"
        for mark, after, is_byline in glued:
            if not is_byline:
                continue
            name_end = text.find("\n", after, after + 41)
            name = text[after:name_end if name_end != -1 else len(text)].rstrip()
            yield self.diagnostic(document, mark, after + len(name),
                                  f"Byline '{name}' is glued to the last sentence; put it on its own line",
                                  edits=[Edit(after, after, separator)])


def _word_at(text: str, start: int) -> str:
    end = start
    while end < len(text) and end - start < 20 and text[end].isalpha():
        end += 1
    return text[start:end]


# The capital first, then a look back: searching for the rarer character is twice as fast.
_CASE_CHANGE = re.compile(f"[{_UPPER}](?<=[{_LOWER}][{_UPPER}])")
# Letters and signs that Vietnamese text never holds but mojibake and legacy encodings
# (VNI, TCVN3, cp1258 read as cp1252) are full of: "ðaình", "Ä‘Ã³". Their capitals glue
# to lowercase letters everywhere ("khoaÒng"), which is the E family's fault, not W103's.
_FOREIGN_LETTER = re.compile(
    "[^\\s" + "".join(sorted(VIETNAMESE_LETTERS)) + "\\x20-\\x7e\u2000-\u206f\u00a0-\u00bf\u00d7\u00f7]"
)
_GARBLE_SIGNS = re.compile("[\u0080-\u009f¡¿ºª¸³²¹¼½¾»]")  # C1 controls and the signs of cp1252 mojibake (not © or °)


def _looks_garbled(text: str, start: int, end: int) -> bool:
    """Mojibake or a legacy encoding around text[start:end]: foreign letters, or mostly broken syllables.

    cp1258 text read as another code page keeps Vietnamese-looking letters
    ("So võìi cuÌng kyÌ nãm ngoaìi"), but most of its words are not syllables.
    """
    window = text[max(0, start - 80):end + 80]
    # One foreign name nearby ("Ørsted", "Đan Mạch") is normal; mojibake has them everywhere.
    if sum(1 for _ in _FOREIGN_LETTER.finditer(window)) + sum(1 for _ in _GARBLE_SIGNS.finditer(window)) >= 3:
        return True
    words = [word for word in WORD.findall(window) if has_vietnamese_letters(word)]
    broken = sum(1 for word in words if not is_vietnamese_syllable(word))
    return len(words) >= 4 and broken * 3 > len(words)  # one word in three broken (the glued one counts)


class GluedWords(Rule):
    """
    ## What it does
    Finds two Vietnamese words glued together where markup was removed: a
    lowercase letter directly followed by an uppercase one inside a word, as in
    "Chủ nhiệmỦy ban" (seed 004), and inserts the space.

    It fires only when every piece is a Vietnamese syllable and the word holds a
    Vietnamese letter, so camel-case brand names stay as they are: iPhone,
    YouTube, TikTok, McDonald, VnExpress, PetroVietnam, MoMo, HAGL.

    ## Why it matters
    "nhiệmỦy" is not a word; the two real words it hides are lost to search,
    tokenizers and language models.

    ## Example
    `Chủ nhiệmỦy ban Biên giới quốc gia` becomes `Chủ nhiệm Ủy ban Biên giới quốc gia`.

    ## Fix safety
    Safe: Vietnamese never writes two syllables without a space, and brand names
    written in camel case are ASCII ("MoMo", "VinFast") or contain a piece that is
    not a Vietnamese syllable ("iPhone"), so they do not match. Only a space is
    inserted.
    """

    code = "W103"
    name = "glued-words"
    summary = "Two Vietnamese words glued together (lowercase letter followed by uppercase)"
    default_severity = "warning"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        text = document.text
        done = -1
        for match in _CASE_CHANGE.finditer(text):
            if match.start() - 1 < done:
                continue
            start = match.start() - 1
            while start > 0 and match.start() - start < 30 and text[start - 1].isalpha():
                start -= 1
            end = match.end()
            while end < len(text) and end - match.end() < 30 and text[end].isalpha():
                end += 1
            done = end
            word = text[start:end]
            if not has_vietnamese_letters(word):
                continue  # TikTok, iPhone, VNeID: most candidates, so decided before the word is split
            splits = [index for index in range(1, len(word)) if word[index - 1].islower() and word[index].isupper()]
            pieces = [word[a:b] for a, b in zip([0] + splits, splits + [len(word)])]
            if not all(is_vietnamese_syllable(piece) for piece in pieces):
                continue
            if _looks_garbled(text, start, end):
                continue
            yield self.diagnostic(document, start, end, f"Words glued together: '{word}' should be '{' '.join(pieces)}'",
                                  edits=[Edit(start + index, start + index, " ") for index in splits])


# One space is enough to find a candidate (a run is measured afterwards).
_SPACE_BEFORE_CLOSING = re.compile(r" [,.;:!?)\]”’]")
# Opening marks are rare, so each gets its own pattern, searched only if the text holds it. The
# space is a lookahead: a pattern that starts with one literal character is searched fastest.
_SPACE_AFTER_OPENING = {mark: re.compile(re.escape(mark) + "(?= )") for mark in "([“‘"}
# A space before a space or a closing mark. Where there is none, W104 has no space before a
# closing mark and W105 no doubled space; searching once for both takes no longer than for either.
_SPACE_SIGN = re.compile(r" [ ,.;:!?)\]”’]")


def _has_space_sign(document: Document) -> bool:
    """Whether _SPACE_SIGN occurs; one scan shared by W104 and W105."""
    return document.memo("whitespace.space_sign", lambda document: _SPACE_SIGN.search(document.text) is not None)


class SpaceBeforePunctuation(Rule):
    """
    ## What it does
    Finds spaces before , . ; : ! ? and closing brackets and quotes, and after
    opening brackets and quotes, in ordinary (not word-segmented) text:
    "tốt , đẹp" → "tốt, đẹp", "( tỉnh cũ )" → "(tỉnh cũ)", "“ 16 chữ ”" → "“16 chữ”".

    Not flagged: a mark followed by a letter or digit (" .vn", "0 ,5", the time
    "14 : 28"), ellipses, dashes, percent signs and straight quotes (whose
    direction is ambiguous). In a document that is word-segmenter output as a
    whole, S002 (tokenized-punctuation) restores all punctuation at once and this
    rule stays silent.

    ## Why it matters
    Vietnamese typography, like English, puts no space before these marks. A
    stray space makes "," a word of its own for whitespace tokenizers and splits
    a line at the wrong place when text is wrapped.

    ## Example
    `Hai nước có quan hệ tốt , đẹp ( theo TTXVN) trong nhiều năm.` becomes
    `Hai nước có quan hệ tốt, đẹp (theo TTXVN) trong nhiều năm.`

    ## Fix safety
    Safe: only spaces are removed.
    """

    code = "W104"
    name = "space-before-punctuation"
    summary = "Space before a punctuation mark, or after an opening bracket or quote"
    default_severity = "warning"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        text = document.text
        found = []
        for match in _SPACE_BEFORE_CLOSING.finditer(text) if _has_space_sign(document) else ():
            start, end = match.span()
            while start > 0 and text[start - 1] == " ":
                start -= 1
            mark = text[end - 1]
            before = text[start - 1] if start else "\n"
            after = text[end] if end < len(text) else "\n"
            if before in _WHITESPACE or after.isalnum() or after in "-–" or (mark == "." and after == "."):
                continue  # indentation, " .vn", "0 ,5", " .-", " ..."
            if mark == ":" and before.isdigit() and text[end + 1:end + 2].isdigit():
                continue  # 14 : 28
            found.append((start, end - 1, f"Space before '{mark}'"))
        openings = [match.start() for mark, pattern in _SPACE_AFTER_OPENING.items() if mark in text
                    for match in pattern.finditer(text)]
        for start in openings:  # the order does not matter: found is sorted below
            end = start + 2  # past the space
            if start and text[start - 1] not in _WHITESPACE and text[start - 1] not in "([“‘":
                continue  # not an opening mark: "Ä‘Ã³" is cp1252 mojibake, "l‘ " an apostrophe
            while end < len(text) and text[end] == " ":
                end += 1
            if end >= len(text) or text[end] in _WHITESPACE:
                continue  # the bracket ends the line: trailing whitespace, W002's
            found.append((start + 1, end, f"Space after '{text[start]}'"))
        if not found or document_is_segmented(document):
            return
        for start, end, message in sorted(found):
            yield self.diagnostic(document, start, end, message, edits=[Edit(start, end, "")])


_SPACE_RUN = re.compile(r"  +")


class DoubledSpace(Rule):
    """
    ## What it does
    Finds two or more spaces in a row between words on a line and makes them one.
    Spaces at the start of a line (indentation, as in seed 004's teaser lines)
    and at its end (W002) are left alone.

    ## Why it matters
    Doubled spaces come from HTML whitespace, removed inline tags and no-break
    spaces turned into spaces (seed 003 has "Yên Thủy.\\u00a0 Năm"). They make two
    copies of a sentence differ for exact deduplication and give whitespace
    tokenizers empty tokens.

    ## Example
    `Hai  bên cũng thảo luận` becomes `Hai bên cũng thảo luận`.

    ## Fix safety
    Safe: only spaces are removed. Text that aligns columns with spaces (a table
    pasted as text) would lose its alignment; news text has none.
    """

    code = "W105"
    name = "doubled-space"
    summary = "Two or more spaces in a row inside a line"
    default_severity = "warning"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        text = document.text
        if not _has_space_sign(document) or "  " not in text:
            return
        found = []
        for match in _SPACE_RUN.finditer(text):
            start, end = match.span()
            if start == 0 or end == len(text) or text[start - 1] in _WHITESPACE or text[end] in _WHITESPACE:
                continue  # indentation, trailing whitespace, or mixed with tabs and no-break spaces
            found.append((start, end))
        if not found or document_is_segmented(document):
            return
        for start, end in found:
            yield self.diagnostic(document, start, end, f"{end - start} spaces in a row",
                                  edits=[Edit(start, end, " ")])
