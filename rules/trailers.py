"""T: trailers and off-topic tails.

After the article, a scraped page goes on: lists of related articles, the
address of the page, teasers of unrelated news. Every rule here reads the
document as a sequence of non-blank lines, each put in one class by cheap
string tests:

- ``heading``: a related-articles heading from ``rules/data/trailers_headings.txt``
  ("Cùng chủ đề", "Tin liên quan"), compared with the whole normalised line;
- ``inline``: a lead-in and a title on one line ("Xem thêm: Giá vàng ...");
- ``source``: an address with or without a label ("Nguồn: https://...", "Thanhnien.vn");
- ``byline`` / ``attribution``: an author's name ("Ngọc Ánh") or a credit
  ("Theo TTXVN", "(Theo VnExpress)"), which belong to the article;
- ``snippet``: a teaser cut off with "..." or "…";
- ``title``: a short line (at most 40 words) without a final full stop;
- ``prose``: anything else, the shape of an article paragraph.

A related-articles list is a heading followed by title, snippet and heading
lines; a prose line is read as a teaser's snippet only between a title and a
non-prose line (title, snippet; title, snippet), and two prose lines in a row
mean the article has resumed. The classes and the related-articles lists are
per-document views (``document.memo``), computed once and shared by the T
rules. The topic score (T104) only looks at the last lines, and reads their
words only when the shape of the text allows an off-topic tail at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterator, List, Optional, Sequence, Tuple

from vnlint.diagnostic import Diagnostic, Edit
from vnlint.document import Document
from vnlint.rule import Option, Rule, RuleOptions
from vnlint.rules.vietnamese import normalise_line

_DATA = Path(__file__).parent / "data"
# Lines longer than this are never headings, sources or bylines.
_SHORT_LINE = 160
_TITLE_MAX_WORDS = 40
# Prose this long is an article paragraph, not a footer sentence.
_PARAGRAPH_WORDS = 20
# The topic score (T104) reads at most this many lines of body above the tail,
# and needs at least this many body paragraphs.
_BODY_LINES = 40
_MIN_BODY_PARAGRAPHS = 4
_MIN_COHESION = 0.15
# After the byline, a paragraph with at most this share of the body's syllable pairs is off-topic.
_NOTHING_SHARED = 0.05
# ... and a teaser right under the byline (a headline and its lead), at most this share.
_TEASER_SHARED = 0.10

# ---------------------------------------------------------------------------
# Catalogues


def _read_sections(name: str) -> Dict[str, List[str]]:
    sections: Dict[str, List[str]] = {}
    current = "strong"
    for raw in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(normalise_line(line))
    return sections


@lru_cache(maxsize=1)
def _default_headings() -> Dict[str, str]:
    sections = _read_sections("trailers_headings.txt")
    headings = {key: "weak" for key in sections.get("weak", [])}
    headings.update({key: "strong" for key in sections.get("strong", [])})
    return headings


@lru_cache(maxsize=16)
def _headings(extra: Tuple[str, ...], replace: bool) -> Dict[str, str]:
    headings = {} if replace else dict(_default_headings())
    headings.update({normalise_line(text): "strong" for text in extra})
    headings.pop("", None)
    return headings


def _alternation(keys: Sequence[str]) -> str:
    return "|".join(re.escape(key) for key in sorted(keys, key=len, reverse=True))


@lru_cache(maxsize=1)
def _inline_pattern() -> re.Pattern[str]:
    leads = _read_sections("trailers_inline.txt")["strong"]
    return re.compile(rf"(?:{_alternation(leads)})\s*(?::|>>|»|›|–|-)\s*(?P<title>\S.*)")


_URL = r"(?:https?://|www\.)\S+"
_DOMAIN = r"(?:[\w-]+\.)+(?:vn|com|net|org|info|tv|news|asia|biz|me|io)(?:/\S*)?"


@lru_cache(maxsize=1)
def _source_pattern() -> re.Pattern[str]:
    labels = _read_sections("trailers_sources.txt")["strong"]
    return re.compile(rf"(?:(?:{_alternation(labels)})\s*:?\s*)?(?:{_URL}|{_DOMAIN})", re.IGNORECASE)


@lru_cache(maxsize=1)
def _labelled_source_pattern() -> re.Pattern[str]:
    """A label, a short credit and an address: "Theo SGGP | https://sggp.org.vn/...", or a placeholder
    left where the address should be: "Nguồn: [Link nguồn]"."""
    labels = _alternation(_read_sections("trailers_sources.txt")["strong"] + ["theo"])
    placeholder = r"[\[<{(]\s*(?:link|url|đường dẫn|nguồn)(?:\s+(?:nguồn|gốc|bài(?: viết)?(?: gốc)?))?\s*[\]>})]"
    credit = r"[^\s:|]+(?:\s+[^\s:|]+){0,4}"  # a name of at most five words, not a sentence
    return re.compile(rf"(?:{labels})\s*:?\s*(?:{placeholder}|{credit}\s*[|\-–:(]\s*{_URL}[)\]]?)", re.IGNORECASE)


_ATTRIBUTION = re.compile(r"[-–(\[]?\s*(?:theo|nguồn|nguồn tin|nguồn bài)\b\s*:?\s+[^()\[\]]{1,80}[)\]]?\.?",
                          re.IGNORECASE)
_BYLINE_LABEL = re.compile(r"(?:bài(?: và ảnh| và video|, ảnh)?|ảnh(?: và bài)?|video|clip|thực hiện|tác giả|"
                           r"nhóm phóng viên|nhóm pv|phóng viên|pv|ctv|biên tập|người viết)\s*:\s*", re.IGNORECASE)
_BYLINE_NOTE = re.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]\s*$")
_NAME_SEPARATOR = re.compile(r"\s*[-–/,&_]\s*|\s+và\s+|\s+")  # "_": word-segmented text ("Khánh_Hòa")


def _is_byline(text: str) -> bool:
    """An author line: one to eight capitalised name words ("Ngọc Ánh", "Q.Anh - Huyền Lê (tổng hợp)")."""
    # Most lines have no label and no note: look for them only when their punctuation is there.
    if ":" in text:
        text = _BYLINE_LABEL.sub("", text, count=1)
    if "(" in text or "[" in text:
        text = _BYLINE_NOTE.sub("", text)
    words = [word for word in _NAME_SEPARATOR.split(text) if word]
    if not 1 <= len(words) <= 8:
        return False
    return all(word[0].isupper() and all(c.isalpha() or c in ".'’" for c in word) for word in words)


# ---------------------------------------------------------------------------
# Classifying the non-blank lines of a document


@dataclass(frozen=True)
class _Lines:
    """The non-blank lines of a document, each with its class."""

    numbers: List[int]  # 1-based line number of each non-blank line
    texts: List[str]  # stripped text
    keys: List[Optional[str]]  # normalised key, for short lines only
    classes: List[str]


def _shape(text: str) -> str:
    """title, snippet or prose: the shape of a line that is nothing more specific."""
    if text.endswith(("...", "…")) and text.count(" ") >= 2:
        return "snippet"
    if len(text) > 400 or text.count(" ") >= _TITLE_MAX_WORDS:
        return "prose"
    return "prose" if text.rstrip("”\"'’»)]*").endswith((".", ":", ";", ",", "!")) else "title"


def _classify_line(text: str, key: Optional[str], headings: Dict[str, str]) -> str:
    if key is not None:
        strength = headings.get(key)
        if strength:
            return "heading" if strength == "strong" else "weak"
        if _inline_pattern().fullmatch(key) and _shape(text) != "prose":
            return "inline"
        stripped = text.strip("()[]<> .")
        if _source_pattern().fullmatch(stripped):
            return "source"
        if ("/" in text or "[" in text or "<" in text) and _labelled_source_pattern().fullmatch(text.strip("() .")):
            return "source"
        if len(text) <= 100 and _ATTRIBUTION.fullmatch(text):
            return "attribution"
        if len(text) <= 60 and _is_byline(text):
            return "byline"
        if text.startswith((">>", "»", "►", "▶", "→")) and _shape(text) == "title" and key.count(" ") >= 3:
            return "inline"
    return _shape(text)


def _classify_lines(document: Document) -> _Lines:
    """Each non-blank line with its class (use _lines, which computes this once per document)."""
    headings = _default_headings()
    numbers, texts, keys, classes = [], [], [], []
    # Splitting the text is much cheaper than building document.lines, which is only needed to report.
    # Only short lines get a key: about half the lines of an article, so normalising them one by one
    # costs less than normalising the whole text.
    for index, line in enumerate(document.text.split("\n")):
        text = line.strip()
        if not text:
            continue
        key = normalise_line(text) if len(text) <= _SHORT_LINE else None
        numbers.append(index + 1)
        texts.append(text)
        keys.append(key)
        classes.append(_classify_line(text, key, headings))
    return _Lines(numbers, texts, keys, classes)


def _lines(document: Document) -> _Lines:
    """The classified non-blank lines, computed once per document and shared by the T rules."""
    return document.memo("trailers.lines", _classify_lines)


def _kept_ending(classes: Sequence[str]) -> int:
    """Index of the first of the byline and credit lines that end the text (len(classes) if none)."""
    end = len(classes)
    while end > 0 and classes[end - 1] in ("byline", "attribution"):
        end -= 1
    return end


# ---------------------------------------------------------------------------
# Related-article lists


def _list_after(classes: Sequence[str], heading: int, stop: int) -> int:
    """The last index of the teaser list that starts at ``heading`` (``heading`` itself if none)."""
    last, pairs = heading, 0
    for index in range(heading + 1, stop):
        kind = classes[index]
        if kind == "prose":
            # Prose is a teaser's snippet only right under a teaser title, and only if a teaser
            # (or the end of a list already made of title-snippet pairs) follows it.
            next_kind = classes[index + 1] if index + 1 < stop else None
            under_title = classes[index - 1] == "title" and index - 1 > heading
            if not (under_title and (next_kind not in (None, "prose") or (next_kind is None and pairs))):
                # The article resumes here. A title just above it is its sub-heading, not a teaser.
                if classes[last] == "title" and last > heading:
                    last -= 1
                return last
            pairs += 1
        elif kind == "snippet":
            pairs += 1
        last = index
    return last


# The time a teaser was posted, alone on its line: "12/11/2024 08:30", "08:30 12/11/2024",
# "Thứ Ba, 12/11/2024 - 08:30 (GMT+7)", "2 giờ trước".
_DATE = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
_CLOCK = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:am|pm))?"
_TIMESTAMP = re.compile(
    rf"(?:(?:thứ\s+\w+|chủ\s+nhật|t[2-7]|cn)\s*,?\s*)?"
    rf"(?:{_DATE}(?:\s*[-,|]?\s*{_CLOCK})?|{_CLOCK}\s*[-,|]?\s*{_DATE}|\d+\s+(?:giây|phút|giờ|ngày|tuần|tháng)\s+trước)"
    r"(?:\s*\(?gmt\s*\+\s*7\)?)?", re.IGNORECASE)
# At most this many lead and timestamp lines under one link.
_MAX_LINK_DETAILS = 3


def _is_timestamp(text: str) -> bool:
    return len(text) <= 40 and _TIMESTAMP.fullmatch(text) is not None


def _heading_with_topic(key: Optional[str], headings: Dict[str, str]) -> bool:
    """A strong heading followed by a topic of at most four words: "Xem thêm tin Giáo dục"."""
    if key is None or len(key) > 80:
        return False
    words = key.replace(":", " ").split()
    return any(headings.get(" ".join(words[:cut])) == "strong" for cut in range(max(1, len(words) - 4), len(words)))


def _links_after(lines: _Lines, first: int, stop: int) -> int:
    """The last index of the block of links that starts with the link at ``first``.

    Under each link ("» title") a teaser may carry its lead and the time it
    was posted. Between two links, up to three such lines belong to the block
    when each is a cut-off snippet, a timestamp, or a lead right above a
    timestamp. After the last link, the same lines are taken, and a final lead
    that ends the text when the links above already had leads between them; an
    article paragraph ends the block.
    """
    classes, texts = lines.classes, lines.texts

    def is_detail(index: int) -> bool:
        kind = classes[index]
        if kind == "snippet" or (kind == "title" and _is_timestamp(texts[index])):
            return True
        return kind in ("prose", "title") and index + 1 < stop and _is_timestamp(texts[index + 1])

    last, leads_between = first, False
    index = first + 1
    while index < stop:
        details = index
        while details < stop and details - index < _MAX_LINK_DETAILS and is_detail(details):
            details += 1
        if details < stop and classes[details] == "inline":
            leads_between = leads_between or details > index
            last, index = details, details + 1
            continue
        last = details - 1 if details > index else last
        if (details == stop - 1 and leads_between and classes[details] in ("prose", "title")
                and (details == index or classes[details - 1] != "prose")):
            last = details  # the lead of the last link ends the text
        break
    return last


def _related_lists(lines: _Lines, headings: Dict[str, str]) -> List[Tuple[int, int]]:
    """(first, last) non-blank indices of each related-articles list, heading included."""
    classes = lines.classes
    if headings is not _default_headings():
        classes = [_classify_line(text, k, headings) if k is not None else c
                   for text, k, c in zip(lines.texts, lines.keys, classes)]
    stop = _kept_ending(classes)
    regions: List[Tuple[int, int]] = []
    # A trailer follows the article: above its first paragraph, a list of headlines is the page's header (B).
    index = next((i for i, kind in enumerate(classes) if kind == "prose"
                  and lines.texts[i].count(" ") + 1 >= _PARAGRAPH_WORDS), stop)
    while index < stop:
        kind = classes[index]
        if index + 1 < stop and classes[index + 1] == "inline" and (
                kind in ("heading", "weak") or (kind == "title" and _heading_with_topic(lines.keys[index], headings))):
            # "Xem thêm tin Giáo dục" over "» title" links: a block of links, with their leads and times.
            last = _links_after(lines, index + 1, stop)
            if kind != "title":
                last = max(last, _list_after(classes, index, stop))
            regions.append((index, last))
            index = last + 1
            continue
        if kind in ("heading", "weak"):
            last = _list_after(classes, index, stop)
            teasers = last - index
            at_end = last == stop - 1
            if (kind == "heading" and (teasers >= 1 or at_end)) or teasers >= 2:
                regions.append((index, last))
                index = last + 1
                continue
        elif kind == "inline":
            last = _links_after(lines, index, stop)
            regions.append((index, last))
            index = last + 1
            continue
        index += 1
    return regions


def _find_default_related_lists(document: Document) -> List[Tuple[int, int]]:
    return _related_lists(_lines(document), _default_headings())


def _default_related_lists(document: Document) -> List[Tuple[int, int]]:
    """The related-articles lists under the built-in headings, computed once per document and shared."""
    return document.memo("trailers.related_lists", _find_default_related_lists)


def _article_end(lines: _Lines, lists: Sequence[Tuple[int, int]]) -> int:
    """Index after the last article paragraph outside related-article lists.

    An article paragraph is prose of at least ``_PARAGRAPH_WORDS`` words: the
    short prose of a footer ("Ghi rõ nguồn ... khi phát hành lại.") does not
    count, so an address above the footer is still after the article.
    """
    inside = set()
    for first, last in lists:
        inside.update(range(first, last + 1))
    end = 0
    for index, kind in enumerate(lines.classes):
        if kind == "prose" and index not in inside and lines.texts[index].count(" ") + 1 >= _PARAGRAPH_WORDS:
            end = index + 1
    return end


# ---------------------------------------------------------------------------
# Deleting a stretch of lines


def trailer_edit(document: Document, first: int, last: int) -> Edit:
    """Delete lines first..last (1-based) with the blank lines around them.

    The edit starts at the blank lines above the stretch (or, when it is glued
    to the text above, at that text's line break), so it begins before any
    edit that deletes only the heading line; the text around keeps one
    paragraph break, and a text that loses its end ends with one newline.
    """
    lines = document.lines
    after = last
    while after < len(lines) and lines[after].is_blank:
        after += 1
    before = first - 2
    while before >= 0 and lines[before].is_blank:
        before -= 1
    blank_above = before < first - 2
    if before < 0:
        start, at_line_start = lines[first - 1].start, True
    elif blank_above:
        start, at_line_start = lines[before + 1].start, True
    else:
        start, at_line_start = lines[before].end, False
    if after == len(lines):
        return Edit(start, len(document.text), "" if at_line_start else "\n")
    if before < 0:
        return Edit(start, lines[after].start, "")
    if at_line_start:
        return Edit(start, lines[after].start, "\n")
    return Edit(start, lines[after].start, "\n\n" if after > last else "\n")


class _TrailerRule(Rule):
    default_severity = "warning"

    def _report(self, document: Document, lines: _Lines, first: int, last: int, message: str,
                applicability: str) -> Diagnostic:
        first_line, last_line = lines.numbers[first], lines.numbers[last]
        edit = trailer_edit(document, first_line, last_line)
        end = max(edit.end, document.lines[last_line - 1].end)
        return self.diagnostic(document, edit.start, end, message, edits=[edit], applicability=applicability,
                               fix_message="Delete the trailer")


def _span(lines: _Lines, first: int, last: int) -> str:
    a, b = lines.numbers[first], lines.numbers[last]
    return f"line {a}" if a == b else f"lines {a}–{b}"


def _quote(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "..."


class RelatedArticles(_TrailerRule):
    """
    ## What it does
    Finds a list of related articles: a heading such as "Cùng chuyên mục",
    "Cùng chủ đề", "Cùng tác giả", "Tin liên quan", "Xem thêm", "Đọc thêm",
    "Tin khác", "Bài viết liên quan", "Có thể bạn quan tâm", "Tin đọc nhiều"
    alone on a line, followed by teasers (titles, snippets cut off with "...",
    title-and-snippet pairs), up to the end of the text or to the point where
    the article resumes (two prose paragraphs in a row). Also a one-line link,
    "Xem thêm: <title>", ">> <title>", and a block of such links with, under
    each, its lead cut off with "..." and the time it was posted
    ("12/11/2024 08:30"), headed by a heading or by a heading and a topic
    ("Xem thêm tin Giáo dục"). The list never takes the byline or a
    closing "Theo TTXVN" that ends the text.

    A heading must stand alone: "Bạn đọc có thể xem thêm tại..." and "Tin mới
    nhất từ Bộ Y tế cho biết..." are sentences, not headings. A heading with
    no teasers after it is left to B101, unless it ends the text. Weak
    headings ("Nổi bật", "Sự kiện") need two or more teasers. A list starts
    after the article's first paragraph: above it, a heading with headlines
    ("Tin nóng:" and a menu) is the page's header, B101's.

    ## Why it matters
    Seeds 003 and 004 end with dozens of teasers of other articles, more text
    than the article itself. A model trained on them learns to append
    headlines, and near-duplicate detection sees every article of a section
    as similar because they share the same teaser block.

    ## Example
    ```
    Trong thời gian ở thăm Trung Quốc, ... Đại sứ quán Việt Nam tại Trung Quốc.

    Cùng chuyên mục
    Chủ nhiệm Ủy ban Biên giới quốc gia thăm và làm việc với Đồn Biên phòng cửa khẩu quốc tế Lào Cai

    Ngày 06/11/2025, Chủ nhiệm Ủy ban Biên giới quốc gia Trịnh Đức Hải đã đến thăm ...
    ```
    becomes
    ```
    Trong thời gian ở thăm Trung Quốc, ... Đại sứ quán Việt Nam tại Trung Quốc.
    ```

    ## Fix safety
    Safe: the list is found through a known heading and deleted from the
    heading to its last teaser, with the blank lines around it.
    """

    default_severity = "error"  # found through a known heading or a source line: certain, and safely fixable
    code = "T101"
    name = "related-articles"
    summary = "Related-articles list: a heading such as 'Tin liên quan' followed by teasers"
    fix_safety = "safe"
    options = (
        Option(name="extra-headings", type=tuple, default=(),
               help="More headings that introduce a related-articles list, compared with the whole normalised "
                    "line."),
        Option(name="replace-catalogue", type=bool, default=False,
               help="Use only extra-headings, not the built-in list of headings."),
    )

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        lines = _lines(document)
        if not lines.numbers:
            return
        headings = _headings(tuple(options.extra_headings), options.replace_catalogue)
        if headings == _default_headings():
            lists = _default_related_lists(document)
        else:
            lists = _related_lists(lines, headings)
        for first, last in lists:
            if first == last:
                what = f"Related-articles link \"{_quote(lines.texts[first])}\""
            else:
                what = f"Related-articles list under \"{_quote(lines.texts[first])}\" ({_span(lines, first, last)})"
            yield self._report(document, lines, first, last, f"{what} is not part of the article", "safe")


class SourceLine(_TrailerRule):
    """
    ## What it does
    Finds the address of the copied page appended after the article: "Nguồn:
    https://thanhnien.vn/...", "Link bài gốc: ...", a bare URL or a bare
    domain ("Thanhnien.vn"), a short credit and an address ("Theo SGGP |
    https://sggp.org.vn/..."), or the placeholder a site left for the address
    ("Nguồn: [Link nguồn]"), when no article paragraph follows it. A line
    ending with ":" just above ("Đăng ký tại:") makes the address part of the
    article. A credit naming a source ("Theo TTXVN", "(Theo VnExpress)",
    "Nguồn: TTXVN") is the article's own and is never flagged.

    ## Why it matters
    Scrapers record where a page came from by appending its address to the
    text. It is metadata, not prose, and an address in every document teaches
    a model to end texts with URLs.

    ## Example
    ```
    Tình hình biên giới trên đất liền về tổng thể duy trì ổn định; ...

    Thanhnien.vn

    Nguồn: https://thanhnien.vn/moc-son-moi-trong-quan-he-viet-nam-trung-quoc-185240815232301196.htm
    ```
    becomes
    ```
    Tình hình biên giới trên đất liền về tổng thể duy trì ổn định; ...
    ```

    ## Fix safety
    Safe: only a line made of an address (and its label) is deleted.
    """

    default_severity = "error"  # found through a known heading or a source line: certain, and safely fixable
    code = "T102"
    name = "source-line"
    summary = "Source address appended after the article ('Nguồn: https://...', 'Thanhnien.vn')"
    fix_safety = "safe"

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        lines = _lines(document)
        classes = lines.classes
        if "source" not in classes:
            return
        for index in range(_article_end(lines, _default_related_lists(document)), len(classes)):
            if classes[index] != "source":
                continue
            if index > 0 and lines.texts[index - 1].endswith(":"):
                continue  # "Đăng ký tại:" followed by the address: the article gives a link
            yield self._report(document, lines, index, index,
                               f"Source address \"{_quote(lines.texts[index])}\" is not part of the article", "safe")


_NOT_HEADLINE = re.compile(r"[©®@]|\((?:c|r)\)|https?:|www\.|/gp-|\d{3}[ .]\d{3}", re.IGNORECASE)


def _reads_as_headline(text: str) -> bool:
    """Six words or more, and none of the marks of a footer line (©, an address, a licence, a phone number)."""
    return text.count(" ") >= 5 and not _NOT_HEADLINE.search(text)


def _teaser_run(lines: _Lines, lists: Sequence[Tuple[int, int]], min_teasers: int) -> Optional[Tuple[int, int]]:
    """The headless run of teasers that ends the text, as (first, last), if there is one.

    Walking up from the end, the run takes titles, cut-off snippets, and a
    prose lead right under its title. It is a run of teasers when it holds
    ``min_teasers`` titles each followed by a cut-off snippet; or, right after
    the byline, two or more headlines; or four or more headlines and no other
    titles (a list the article introduces with ":" is not one). A headline is
    a title of six words or more without the marks of a footer line.
    """
    classes, texts = lines.classes, lines.texts
    end = _kept_ending(classes)
    while end > 0 and classes[end - 1] == "source":
        end -= 1
    if lists and lists[-1][1] >= end - 1:
        end = lists[-1][0]  # the text ends with a known list: look above it
        while end > 0 and classes[end - 1] == "source":
            end -= 1
    start = end
    while start > 0:
        kind = classes[start - 1]
        lead = (kind == "prose" and start >= 2 and classes[start - 2] == "title"
                and (start == end or classes[start] != "prose"))
        if kind not in ("title", "snippet") and not lead:
            break
        start -= 1
    if start < 3 or end - start < 2:
        return None  # nothing, or next to nothing, above the run: it is the text, not a trailer
    run = range(start, end)
    titles = [i for i in run if classes[i] == "title"]
    cut_pairs = sum(1 for i in titles if i + 1 < end and classes[i + 1] == "snippet")
    after_byline = classes[start - 1] in ("byline", "attribution")
    headlines = sum(1 for i in titles if _reads_as_headline(texts[i]))
    if (cut_pairs >= min_teasers
            or (after_byline and headlines >= 2)
            or (headlines >= 4 and headlines == len(titles) and not texts[start - 1].endswith(":"))):
        return start, end - 1
    return None


class TeaserRun(_TrailerRule):
    """
    ## What it does
    Finds a run of teasers with no heading at the end of the text, as a
    related-articles block reads once its heading has been lost: titles,
    snippets cut off with "..." or "…", and leads right under their titles.
    The run counts when it holds `min-teasers` titles each followed by a
    cut-off snippet; or, right after the byline, two or more headlines (titles
    of six words or more, without the ©, address or phone number of a footer
    line); or four or more headlines and no other titles (not after a line
    ending with ":", which introduces a list of the article's own). A byline
    or credit that ends the text is kept.

    ## Why it matters
    Scrapers often drop the heading of a teaser block but keep its items. The
    titles and snippets are other articles' text.

    ## Example
    ```
    ... tình hình Biển Đông cơ bản được kiểm soát tốt.

    Chuyển đổi số trong hoạt động khuyến nông

    Theo Tập đoàn Trí Nam, sự cần thiết của hoạt động khuyến nông là ... Theo báo cáo...

    Chủ tịch UBND tỉnh Bùi Văn Khánh đối thoại với cán bộ, hội viên nông dân

    Ngày 12/11, UBND tỉnh tổ chức Hội nghị trực tuyến ... Ban Tuyên giáo Tỉnh...
    ```
    becomes
    ```
    ... tình hình Biển Đông cơ bản được kiểm soát tốt.
    ```

    ## Fix safety
    Unsafe: without a heading, the run is inferred from its shape only; an
    article that ends with short sub-headings and paragraphs ending in "…"
    could look the same. Review before applying with `--unsafe-fixes`.
    """

    code = "T103"
    name = "teaser-run"
    summary = "Run of headline-and-snippet teasers, with no heading, at the end of the text"
    fix_safety = "unsafe"
    options = (
        Option(name="min-teasers", type=int, default=2, minimum=1, maximum=50,
               help="Fewest title + cut-off snippet pairs that make a run."),
    )

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        lines = _lines(document)
        if len(lines.classes) < 5:
            return
        run = _teaser_run(lines, _default_related_lists(document), options.min_teasers)
        if run:
            first, last = run
            yield self._report(document, lines, first, last,
                               f"Teasers of other articles with no heading ({_span(lines, first, last)})", "unsafe")


# ---------------------------------------------------------------------------
# Off-topic tails

_WORD = re.compile(r"[^\W\d_]+")
# Vietnamese function words and news boilerplate verbs: they occur in every
# text whatever its topic, so they carry no topic signal.
_STOPWORDS: FrozenSet[str] = frozenset("""
và của là có được cho với các những trong này đã sẽ không một người khi từ tại về theo để đến năm ngày
cũng như nhiều hai ba ra vào lên thì mà nhưng hay hoặc do vì nên còn đang rất nhất sau trước bị đó đây nay
nhau thể qua cùng lại đi làm việc cho biết nói này ấy ông bà anh chị em tôi chúng ta họ mình nó đều vẫn chỉ
mới hơn rằng thêm trên dưới giữa ngoài gần xa bên phía đối với tới lúc giờ tháng tuần hôm sáng chiều tối
mỗi mọi cả toàn số phần điều cách thời gian hiện nhằm tiếp tục thực hiện tổ chức đồng thời bởi vậy thế
so kỳ ngoái
""".split())


def _content_words(text: str) -> FrozenSet[Tuple[str, str]]:
    """Pairs of adjacent syllables, minus pairs of function words: "hợp tác", "biên giới", "công phượng"."""
    # NFC, and "_" as a space: a decomposed or word-segmented line has the same words.
    syllables = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    return frozenset((a, b) for a, b in zip(syllables, syllables[1:]) if not (a in _STOPWORDS and b in _STOPWORDS))


def _could_be_paragraph(text: str, min_paragraph_words: int) -> bool:
    """False only if the line cannot hold ``min_paragraph_words`` pairs; found without reading the words.

    Syllables are runs of letters with something else between them, so n
    characters hold at most (n + 1) // 2 syllables and one pair fewer. Only
    short lines are measured (in the form _content_words reads): long ones
    are taken to be paragraphs.
    """
    if len(text) > _SHORT_LINE:
        return True
    return (len(unicodedata.normalize("NFC", text).lower()) - 1) // 2 >= min_paragraph_words


@dataclass(frozen=True)
class _TopicVerdict:
    first: int  # first non-blank index of the off-topic tail
    last: int
    tail_score: float
    body_cohesion: float


def _tail_end(lines: _Lines, lists: Sequence[Tuple[int, int]]) -> int:
    """Index after the last line a tail may hold: above a final related-articles list, source or heading."""
    classes = lines.classes
    end = len(classes)
    for first, last in lists:
        if last >= end - 1:
            end = first
            break
    while end > 0 and classes[end - 1] in ("source", "heading", "weak"):
        end -= 1
    return end


def _running_counts(flags: Sequence[bool]) -> List[int]:
    """counts[k] is how many of flags[:k] are true."""
    counts = [0]
    for flag in flags:
        counts.append(counts[-1] + flag)
    return counts


def _could_hold_a_tail(lines: _Lines, base: int, lowest: int, end: int, min_paragraph_words: int) -> bool:
    """Whether some cut that _off_topic_tail tries could pass the tests of its shape.

    The tests judge makes before reading any word (paragraphs in the body and
    in the tail, a headline in the tail), with _could_be_paragraph for the
    count of pairs: when this is false, no cut can be off-topic, and the words
    of the text need not be read at all (most texts stop here).
    """
    classes, texts = lines.classes, lines.texts
    paragraphs = _running_counts([_could_be_paragraph(texts[i], min_paragraph_words) for i in range(base, end)])

    def paragraphs_in(first: int, stop: int) -> int:
        return paragraphs[stop - base] - paragraphs[first - base]

    headline_in_tail = False
    for cut in range(end - 1, lowest - 1, -1):
        if classes[cut] in ("byline", "attribution"):
            # The search stops at the byline, and judges only the text after it.
            return (cut + 1 < end and paragraphs_in(cut + 1, end) >= 1
                    and paragraphs_in(base, cut + 1) >= _MIN_BODY_PARAGRAPHS)
        headline_in_tail = headline_in_tail or (classes[cut] == "title" and _reads_as_headline(texts[cut]))
        if headline_in_tail and paragraphs_in(base, cut) >= _MIN_BODY_PARAGRAPHS and paragraphs_in(cut, end) >= 2:
            return True
    return False


def _off_topic_tail(lines: _Lines, lists: Sequence[Tuple[int, int]], window: int, ratio: float,
                    min_paragraph_words: int) -> Optional[_TopicVerdict]:
    """The longest tail whose every paragraph shares little with the body above it; see OffTopicTail."""
    classes = lines.classes
    if _kept_ending(classes) < len(classes):
        return None  # the text ends with a byline or credit: the article runs to the end
    end = _tail_end(lines, lists)
    lowest = max(end - window, end // 2)  # the tail is at most half of the text
    base = max(0, lowest - _BODY_LINES)  # the body read for the topic: the lines just above the tail
    if not _could_hold_a_tail(lines, base, lowest, end, min_paragraph_words):
        return None
    words = {i: _content_words(lines.texts[i]) for i in range(base, end)}
    # How many lines of the body hold each pair; the body starts as base..end-1 and loses its last
    # line at each cut. A line's share of pairs found in the body is then one set intersection.
    frequency: Counter[Tuple[str, str]] = Counter()
    for i in range(base, end):
        frequency.update(words[i])
    in_body = set(frequency)

    def share_in_body(i: int) -> float:
        return len(words[i] & in_body) / len(words[i])

    def judge(cut: int, after_byline: bool) -> Optional[_TopicVerdict]:
        """Is lines cut..end-1 off-topic against the body base..cut-1 (counted in ``frequency``)?"""
        # The tests of the shape: keep them in step with _could_hold_a_tail, which makes them first.
        tail = [i for i in range(cut, end) if len(words[i]) >= min_paragraph_words]
        body = [j for j in range(base, cut) if len(words[j]) >= min_paragraph_words]
        # Right after the byline the article has visibly ended: one paragraph and no headline will do.
        if len(body) < _MIN_BODY_PARAGRAPHS or len(tail) < (1 if after_byline else 2):
            return None
        if not after_byline and not any(classes[i] == "title" and _reads_as_headline(lines.texts[i])
                                        for i in range(cut, end)):
            return None
        shares = [share_in_body(i) for i in tail]
        # After the byline, text that shares next to nothing with the article is evidence enough; a
        # teaser (a headline right under the byline, and its lead) may share a little more.
        teaser = after_byline and classes[cut] == "title" and _reads_as_headline(lines.texts[cut])
        nothing_shared = after_byline and max(shares) <= (_TEASER_SHARED if teaser else _NOTHING_SHARED)
        if max(shares) >= ratio and not nothing_shared:
            return None  # more than ratio times any cohesion (at most 1): most tails stop here, cheaply
        # Cohesion: the share of a body paragraph's pairs found in another body paragraph.
        in_two_lines = {word for word, count in frequency.items() if count > 1}
        cohesion = sorted(len(words[j] & in_two_lines) / len(words[j]) for j in body[-_BODY_LINES:])
        median = cohesion[len(cohesion) // 2]
        # A body whose paragraphs share little (a match report) has no topic to diverge from.
        diverges = median >= _MIN_COHESION and max(shares) < ratio * median
        if not (diverges or nothing_shared):
            return None
        first = cut
        # (A line that shares nothing is never the body's, even when the body's cohesion is 0.)
        while len(words[first]) < min_paragraph_words and (
                not words[first] or share_in_body(first) >= max(ratio * median, 1e-9)):
            first += 1  # a short line that shares the body's words (a sub-heading) stays with the body
        return _TopicVerdict(first, end - 1, sum(shares) / len(shares), median)

    best: Optional[_TopicVerdict] = None
    for cut in range(end - 1, lowest - 1, -1):  # tail = lines cut..end-1, body = lines base..cut-1
        for word in words[cut]:
            frequency[word] -= 1
            if not frequency[word]:
                in_body.discard(word)
        if classes[cut] in ("byline", "attribution"):
            # The article's own ending: the tail can only come after it.
            return (judge(cut + 1, True) if cut + 1 < end else None) or best
        best = judge(cut, False) or best
    return best


class OffTopicTail(_TrailerRule):
    """
    ## What it does
    Finds trailing teasers whose vocabulary has little in common with the
    article above them: headlines and leads of unrelated news appended with
    no heading and no "..." (those are T101's and T103's).

    The score is lexical and cheap, and only reads the end of the text. Each
    line becomes its set of *syllable pairs* (adjacent lower-cased syllables,
    minus pairs of two function words): "hợp tác", "biên giới", "công
    phượng". Vietnamese words are mostly one or two syllables, so the pairs
    are close to words and compounds, and far more topical than single
    syllables. For a candidate tail (at most the last `window` lines, at most
    half of the text), the body is the 40 lines above it. The body's
    *cohesion* is the median, over its paragraphs, of the share of a
    paragraph's pairs found in another body paragraph. The tail is off-topic
    when every tail paragraph's share of pairs found in the body is below
    `ratio` times that cohesion. The longest such tail is reported.

    To keep it precise, the tail needs two or more paragraphs of at least
    `min-paragraph-words` pairs and a headline (a title-like line of six
    words or more: a teaser's title); the body needs four or more paragraphs
    and a cohesion of at least 0.15 (a match report whose paragraphs share
    little has no topic to diverge from); and nothing is flagged when the
    text ends with a byline or a credit ("Ngọc Ánh", "Theo TTXVN"), since the
    article then runs to the end. Text *after* a byline needs less: one paragraph, no headline, and
    either the test above or at most 5% of its pairs found in the body (10% when it opens with a
    headline right under the byline: one teaser, a headline and its lead).

    Appended to the diplomacy article of seed 003 (without their "..."), its
    farming and football teasers score 0–11% against a body cohesion of 48%
    (threshold 19%), while every paragraph of the article scores 23% or more.

    ## Why it matters
    Appended unrelated text mixes topics inside one document: a classifier
    learns the wrong label, a summariser summarises the football news.

    ## Example
    ```
    ... Bộ trưởng Ngoại giao Bùi Thanh Sơn cho biết quan hệ hai nước duy trì đà phát triển tích cực.

    Công Phượng có 'giải mã' Bà Rịa-Vũng Tàu như Hoàng Đức?

    Trận đấu này sẽ được diễn ra lúc 18 giờ ngày 14.11 trên sân Bình Phước, mảnh đất lành với cá nhân Công Phượng.
    ```
    becomes
    ```
    ... Bộ trưởng Ngoại giao Bùi Thanh Sơn cho biết quan hệ hai nước duy trì đà phát triển tích cực.
    ```

    ## Fix safety
    Unsafe: the tail is inferred from word overlap only. An article that turns
    to a new aspect in its last paragraphs (a background section, a quote)
    can score low; review before applying with `--unsafe-fixes`.
    """

    code = "T104"
    name = "off-topic-tail"
    summary = "Trailing paragraphs whose vocabulary diverges from the article body"
    fix_safety = "unsafe"
    options = (
        Option(name="ratio", type=float, default=0.4, minimum=0.0, maximum=1.0,
               help="A tail paragraph is off-topic when the share of its syllable pairs found in the body is "
                    "below this times the body's own cohesion."),
        Option(name="window", type=int, default=20, minimum=2, maximum=1000,
               help="How many of the last non-blank lines may form the tail."),
        Option(name="min-paragraph-words", type=int, default=10, minimum=1, maximum=200,
               help="Syllable pairs a line needs to count as a paragraph (of the body or of the tail)."),
    )

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        lines = _lines(document)
        if len(lines.classes) < 7:
            return
        lists = _default_related_lists(document)
        verdict = _off_topic_tail(lines, lists, options.window, options.ratio, options.min_paragraph_words)
        if verdict is None:
            return
        run = _teaser_run(lines, lists, 2)
        if run and run[0] <= verdict.last and verdict.first <= run[1]:
            return  # already T103's
        yield self._report(
            document, lines, verdict.first, verdict.last,
            f"Off-topic tail ({_span(lines, verdict.first, verdict.last)}): its words overlap the article "
            f"{verdict.tail_score:.0%} against the article's own {verdict.body_cohesion:.0%}", "unsafe")
