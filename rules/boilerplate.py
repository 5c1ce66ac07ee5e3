"""B: boilerplate and site chrome.

A scraped page keeps the site around the article: menus, breadcrumbs, share
buttons, copyright footers, image markers, ad labels. Every rule here decides
on whole lines: a line is normalised (NFC, lower case, spaces collapsed,
bullets and punctuation stripped from its ends, one placement of the oa/oe/uy
tone marks) and looked up in a catalogue. A catalogue phrase inside a sentence
never matches, so "Ông chia sẻ rằng..." is safe while a line "Chia sẻ" is not.

The catalogue is data, a pair of files per kind in ``rules/data/``:
``boilerplate_<kind>.txt`` (exact phrases) and
``boilerplate_<kind>_patterns.txt`` (regular expressions for what has
structure: licences, hotlines, breadcrumbs, counters), in sections:

- ``[strong]``: flagged wherever the line stands alone;
- ``[title]``: strong, but only on a line that reads as a title (no final
  full stop), for links such as "Xem thêm: <title>";
- ``[contextual]``: ordinary words a real heading could be ("Thông tin",
  "Thể thao"), flagged only next to other boilerplate (blank lines between
  are ignored) or as the first or last line of the text;
- ``[top]``: bare site names, flagged next to boilerplate or as one of the
  first two lines (under the headline); at the end, a site name may be the
  article's credit;
- ``[company]``: flagged only next to other boilerplate ("Địa chỉ: ...", a
  phone number: a review of a restaurant may end with its address).

Speed: lines longer than ``_MAX_LINE`` characters are article paragraphs
and are skipped; the others are normalised in one call, then each costs one
dict lookup and one anchored regex, plus a few ``search:`` patterns that
start with a literal. The keys, the classification and the
flagged lines are per-document views (``document.memo``), computed once and
shared by all B rules.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import ClassVar, Dict, Iterator, List, Optional, Sequence, Tuple

from vnlint.diagnostic import Diagnostic, Edit
from vnlint.document import Document
from vnlint.rule import Option, Rule, RuleOptions
from vnlint.rules.vietnamese import normalise_line

_DATA = Path(__file__).parent / "data"
# Longer lines are article paragraphs: no chrome line (not even a glued
# copyright footer with address and hotline) is this long.
_MAX_LINE = 400
_STRENGTHS = ("strong", "title", "contextual", "top", "company")
# Kinds in the shared classification, in the order they are tried. The bare
# dateline (B108) is opt-in and kept out of it.
_KINDS = ("navigation", "share", "credit", "footer", "caption", "advert", "timestamp")

# ---------------------------------------------------------------------------
# Normalisation: lines with vietnamese.normalise_line, patterns here

# The last two letters of a word: where normalise_line moves the tone of oa, oe, uy (hòa -> hoà).
_WORD_END = re.compile(r"[^\W\d_]{2}(?![^\W\d_])")


def _normalise_pattern(pattern: str) -> str:
    """NFC and the tone placement of normalise_line, so a pattern matches keys.

    Patterns are written in lower case; only the ends of lower-case words are
    touched, never regex syntax (normalise_line would lower "\\S" and strip "[").
    """
    pattern = unicodedata.normalize("NFC", pattern)
    return _WORD_END.sub(lambda m: normalise_line(m.group()) if m.group().islower() else m.group(), pattern)


# ---------------------------------------------------------------------------
# The catalogue


def _read_entries(path: Path) -> List[Tuple[str, str]]:
    """(section, entry) pairs of a catalogue file; "%NAME% = regex" lines define macros."""
    if not path.exists():
        return []
    section, macros, entries = "strong", {}, []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]") and line[1:-1] in _STRENGTHS:
            section = line[1:-1]
            continue
        macro = re.fullmatch(r"(%[A-Z]+%)\s*=\s*(.+)", line)
        if macro:
            macros[macro.group(1)] = _expand(macro.group(2), macros)
            continue
        entries.append((section, _expand(line, macros)))
    return entries


def _expand(text: str, macros: Dict[str, str]) -> str:
    for name, value in macros.items():
        text = text.replace(name, value)
    return text


@dataclass
class _Matcher:
    """Phrases and patterns of one or more kinds, each entry tagged (kind, strength)."""

    phrases: Dict[str, Tuple[str, str]]
    whole: Optional[re.Pattern[str]]  # whole-line patterns, one regex with a named group per (kind, strength)
    groups: Dict[str, Tuple[str, str]]
    # "search:" patterns, each compiled alone: a pattern that starts with a literal is then
    # found by the regex engine's fast literal scan, which an alternation would defeat.
    anywhere: Tuple[Tuple[re.Pattern[str], Tuple[str, str]], ...]
    menu_words: frozenset  # navigation phrases that can make up a menu line

    def classify(self, key: str) -> Optional[Tuple[str, str]]:
        found = self.phrases.get(key)
        if found:
            return found
        hit = self.whole.fullmatch(key) if self.whole is not None else None
        if hit:
            return self.groups[hit.lastgroup]
        for pattern, tag in self.anywhere:
            if pattern.search(key):
                return tag
        if self.menu_words and key.split(" ", 1)[0] in self.menu_starts:
            found = _menu(key, self.menu_words)
            if found:
                return found
        if self.menu_words and ("|" in key or "•" in key or "·" in key):
            return self._all_segments_chrome(key)
        return None

    def _all_segments_chrome(self, key: str) -> Optional[Tuple[str, str]]:
        """A footer or menu row whose every segment is chrome: "Điều khoản sử dụng | Chính sách bảo mật".

        Segments are split at | • · only (a hyphen joins the words of real sub-headings,
        "Kinh tế - Xã hội"). The row takes the kind of its first strong segment.
        """
        if len(key) > 200:
            return None
        segments = [segment.strip(_SEGMENT_EDGE) for segment in _SEGMENT_SEPARATOR.split(key)]
        segments = [segment for segment in segments if segment]
        if len(segments) < 2:
            return None
        tags = []
        for segment in segments:
            tag = self.phrases.get(segment)
            if not tag and self.whole is not None:
                hit = self.whole.fullmatch(segment)
                tag = self.groups[hit.lastgroup] if hit else None
            if not tag and segment in self.menu_words:
                tag = ("navigation", "contextual")
            if not tag or tag[1] == "title":
                return None
            tags.append(tag)
        if all(tag[1] == "company" for tag in tags):
            return tags[0]  # "Địa chỉ: ... · Điện thoại: ...": may end a review, as on a line of its own
        strong = [tag for tag in tags if tag[1] == "strong"]
        return (strong[0] if strong else tags[0])[0], "strong"

    @cached_property
    def menu_starts(self) -> frozenset:
        """First words of menu items (and page numbers): a line starting otherwise is no menu."""
        return frozenset(word.split(" ", 1)[0] for word in self.menu_words) | frozenset("123456789")


_SEARCH = "search:"


def _build_matcher(tagged_phrases: Sequence[Tuple[str, str, str]], tagged_patterns: Sequence[Tuple[str, str, str]],
                   menu_words: frozenset, origin: str) -> _Matcher:
    phrases: Dict[str, Tuple[str, str]] = {}
    for kind, strength, phrase in tagged_phrases:
        phrases.setdefault(normalise_line(phrase), (kind, strength))
    phrases.pop("", None)
    by_group: Dict[Tuple[str, str], List[str]] = {}
    anywhere = []
    originals = {}
    for kind, strength, pattern in tagged_patterns:
        search = pattern.startswith(_SEARCH)
        source = _normalise_pattern(pattern[len(_SEARCH):].strip() if search else pattern)
        originals[source] = pattern
        if search:
            anywhere.append((_compile(source, pattern, origin), (kind, strength)))
        else:
            by_group.setdefault((kind, strength), []).append(source)
    groups: Dict[str, Tuple[str, str]] = {}
    parts = []
    for index, (tag, sources) in enumerate(by_group.items()):
        groups[f"g{index}"] = tag
        parts.append(f"(?P<g{index}>" + "|".join(f"(?:{s})" for s in sources) + ")")
    whole = None
    if parts:
        try:
            whole = re.compile("|".join(parts))
        except re.error:
            # Compiling each pattern alone costs as much again: only done to name the bad one.
            for source in (source for sources in by_group.values() for source in sources):
                _compile(source, originals[source], origin)
            raise
    return _Matcher(phrases, whole, groups, tuple(anywhere), menu_words)


def _compile(source: str, pattern: str, origin: str) -> re.Pattern[str]:
    try:
        return re.compile(source)
    except re.error as error:
        raise ValueError(f"{origin}: invalid regular expression {pattern!r}: {error}") from None


@cache
def _catalogue_entries(kind: str) -> Tuple[Tuple[Tuple[str, str], ...], Tuple[Tuple[str, str], ...]]:
    """(phrases, patterns) of a kind, each as (strength, text)."""
    phrases = tuple(_read_entries(_DATA / f"boilerplate_{kind}.txt"))
    patterns = tuple(_read_entries(_DATA / f"boilerplate_{kind}_patterns.txt"))
    return phrases, patterns


@lru_cache(maxsize=1)
def _menu_words() -> frozenset:
    navigation, _ = _catalogue_entries("navigation")
    media = ("video", "ảnh", "clip", "podcast")  # menu items that are B105's when alone on a line
    return frozenset(normalise_line(text) for _, text in navigation) | frozenset(media)


@lru_cache(maxsize=1)
def _base_matcher() -> _Matcher:
    phrases, patterns = [], []
    for kind in _KINDS:
        kind_phrases, kind_patterns = _catalogue_entries(kind)
        phrases += [(kind, strength, text) for strength, text in kind_phrases]
        patterns += [(kind, strength, text) for strength, text in kind_patterns]
    return _build_matcher(phrases, patterns, _menu_words(), "rules/data/boilerplate_*_patterns.txt")


@lru_cache(maxsize=64)
def _extra_matcher(kind: str, phrases: Tuple[str, ...], patterns: Tuple[str, ...]) -> _Matcher:
    return _build_matcher([(kind, "strong", p) for p in phrases], [(kind, "strong", p) for p in patterns],
                          frozenset(), "extra-patterns")


_MENU_SEPARATOR = re.compile(r"\s*(?:[|/»›•·>]+|\s[-–]\s)\s*")
_MENU_PUNCTUATION = re.compile(r"[.,;:!?\"“”()]")
# Separators only menus and breadcrumbs use: two section names joined by one are a menu
# wherever they stand ("Thời sự | Dân sinh"); joined by a hyphen or a slash they may be a
# real sub-heading ("Kinh tế - Xã hội") and are contextual.
_STRONG_MENU_SEPARATORS = frozenset("|»›•·>")
# Breadcrumb arrows: the last crumb may be a sub-section the catalogue does not know.
_CRUMB_SEPARATOR = re.compile(r"\s*[»›>]+\s*")
# "Trở lại Thời sự", "Quay lại chuyên mục Pháp luật".
_BACK_TO_SECTION = re.compile(r"(?:trở lại|quay lại|quay trở lại|trở về|quay về)(?: (?:chuyên mục|mục|trang|danh mục))? (.+)")
_SEGMENT_SEPARATOR = re.compile(r"[|•·]+")
_SEGMENT_EDGE = " -–—:;,.!?\"'“”()[]»«›‹>/"


def _menu(key: str, words: frozenset) -> Optional[Tuple[str, str]]:
    """A menu or breadcrumb made only of navigation labels.

    Three or more labels ("Mới nhất Thời sự Thế giới Kinh doanh") make a menu;
    two joined by an explicit separator ("Kinh tế - Xã hội") are only a
    contextual one, since a real sub-heading can read like that.
    """
    if len(key) > 200 or _MENU_PUNCTUATION.search(key):
        return None
    back = _BACK_TO_SECTION.fullmatch(key)
    if back and back.group(1) in words:
        return ("navigation", "strong")
    tokens = _MENU_SEPARATOR.sub(" | ", key).split()
    if _is_pagination(tokens):
        return ("navigation", "strong")
    labels, separators, index = 0, 0, 0
    while index < len(tokens):
        if tokens[index] == "|":
            separators += 1
            index += 1
            continue
        for size in (4, 3, 2, 1):
            if " ".join(tokens[index:index + size]) in words:
                labels += 1
                index += size
                break
        else:
            return _breadcrumb(key, words)
    if labels >= 3:
        return ("navigation", "strong")
    if labels == 2 and separators:
        strong = _STRONG_MENU_SEPARATORS.intersection(key)
        return ("navigation", "strong" if strong else "contextual")
    return None


def _breadcrumb(key: str, words: frozenset) -> Optional[Tuple[str, str]]:
    """Known sections, then a last crumb of at most four words, joined by arrows: "Pháp luật › Hồ sơ phá án"."""
    crumbs = _CRUMB_SEPARATOR.split(key)
    if len(crumbs) < 2 or not all(crumb in words for crumb in crumbs[:-1]):
        return None
    last = crumbs[-1]
    if not last or last.count(" ") > 3 or any(character.isdigit() for character in last):
        return None
    return ("navigation", "strong")


def _is_pagination(tokens: Sequence[str]) -> bool:
    """Page links "1 2 3 ... 10": a run of page numbers counting up from 1 (lottery results do not)."""
    numbers = [token for token in tokens if token not in ("|", "...", "…")]
    if len(numbers) < 3 or not all(token.isdigit() for token in numbers):
        return False
    values = [int(token) for token in numbers]
    return values[:3] == [1, 2, 3] and values == sorted(set(values))


# ---------------------------------------------------------------------------
# Classifying a document's lines


@dataclass(frozen=True)
class _LineKeys:
    """The text and the normalised key of every line, in the order of document.lines."""

    texts: List[str]
    keys: List[str]  # "" for a line longer than _MAX_LINE


def _line_keys(document: Document) -> _LineKeys:
    # Splitting the text is much cheaper than building document.lines, which is only needed to report.
    # A final newline adds an empty last line here: it is blank, and blank lines are never classified.
    texts = document.text.split("\n")
    # Long lines are article paragraphs and are never looked up: they are left out of the normalisation.
    short_lines = "\n".join([text if len(text) <= _MAX_LINE else "" for text in texts])
    keys = normalise_line(short_lines)
    if not keys.isascii() and _HAS_SYMBOL.search(keys):
        # Emoji and symbols lead a line like bullets ("📌 Đọc thêm: ...", "👉 Xem thêm"); a house
        # icon opens a breadcrumb as "Trang chủ" would ("🏠 > Xã hội").
        keys = _SYMBOL_EDGE.sub("", _HOME_ICON.sub("trang chủ ", keys))
    return _LineKeys(texts, keys.split("\n"))


# Emoji, dingbats, arrows and geometric shapes (never a letter), with the variation selector,
# joiner and keycap mark that follow them.
_SYMBOLS = "\U0001F000-\U0001FAFF\u2190-\u21FF\u2300-\u23FF\u25A0-\u27BF\u2900-\u297F\u2B00-\u2BFF\uFE0F\u200D\u20E3"
_HAS_SYMBOL = re.compile(f"[{_SYMBOLS}]")
# Symbols at either end of a (normalised) line, with the bullets and punctuation around them.
# Spaces, not \\s: a newline must never be eaten (the keys are split into lines afterwards).
_SYMBOL_PUNCTUATION = " \\t\\-–—•·»«›‹>|:;,.!?/*+=~()\\[\\]<\"'“”…"
_SYMBOL_EDGE = re.compile(f"^[{_SYMBOLS}][{_SYMBOLS}{_SYMBOL_PUNCTUATION}]*"
                          f"|[{_SYMBOL_PUNCTUATION}]*[{_SYMBOLS}][{_SYMBOLS} \\t]*$", re.MULTILINE)
_HOME_ICON = re.compile("^[\U0001F3E0\U0001F3E1]\uFE0F?(?: *trang chủ\\b)? *", re.MULTILINE)


@dataclass(frozen=True)
class _Classified:
    """What the catalogue says about each non-blank line of one document."""

    lines: List[int]  # 0-based index into document.lines of each non-blank line
    marks: Dict[int, Tuple[str, str]]  # non-blank index -> (kind, strength)


_LINK_MARKS = (">>", "»", "►", "▶", "→")


def _reads_as_title(text: str) -> bool:
    """No final full stop (a cut-off "..." is fine) and at most 40 words."""
    text = text.rstrip().rstrip("”\"'’»)]*")
    return text.count(" ") < 40 and (not text.endswith((".", ";", ",", ":")) or text.endswith(("...", "…")))


def _classify(document: Document) -> _Classified:
    """The catalogue's marks, before context is applied; shared by the B rules through document.memo."""
    line_keys = document.memo("boilerplate.line_keys", _line_keys)
    texts = line_keys.texts
    classify = _base_matcher().classify
    lines, marks = [], {}
    for index, key in enumerate(line_keys.keys):
        if not key:
            # A long paragraph, or a line of bullets or punctuation only: not blank, and not chrome.
            if texts[index].strip():
                lines.append(index)
            continue
        lines.append(index)
        text = texts[index]
        found = classify(key)
        if found and found[1] == "title":
            # A link to another article ("Xem thêm: <title>") reads as a title, not as a sentence.
            found = (found[0], "strong") if _reads_as_title(text) else None
        elif not found and text.lstrip().startswith(_LINK_MARKS) and _reads_as_title(text) and key.count(" ") >= 3:
            found = ("navigation", "strong")  # ">> <title of another article>"
        if found:
            marks[len(lines) - 1] = found
    return _Classified(lines, marks)


def _apply_context(marks: Dict[int, Tuple[str, str]], count: int) -> Dict[int, str]:
    """Strong marks stand; the others need a flagged neighbour or (contextual, top) the edge of the text."""
    flagged = {index: kind for index, (kind, strength) in marks.items() if strength == "strong"}
    waiting = sorted(index for index, (_, strength) in marks.items() if strength != "strong")
    changed = True
    while waiting and changed:
        changed = False
        for order in (waiting, reversed(waiting)):
            for index in list(order):
                if index in flagged:
                    continue
                kind, strength = marks[index]
                # "top": a site name may sit under the headline, so the first two lines count.
                at_edge = ((strength == "contextual" and index in (0, count - 1))
                           or (strength == "top" and index <= 1))
                if at_edge or index - 1 in flagged or index + 1 in flagged:
                    flagged[index] = kind
                    changed = True
        waiting = [index for index in waiting if index not in flagged]
    return flagged


def _flagged_by_kind(document: Document) -> Dict[str, List[int]]:
    """Non-blank indices flagged with the built-in catalogue, by kind (shared by the B rules)."""
    classified = document.memo("boilerplate.classified", _classify)
    by_kind: Dict[str, List[int]] = {}
    for index, kind in sorted(_apply_context(classified.marks, len(classified.lines)).items()):
        by_kind.setdefault(kind, []).append(index)
    return by_kind


def _flagged_lines(document: Document, kind: str, options: RuleOptions) -> List[int]:
    """Non-blank indices this rule flags, with the rule's own catalogue options applied."""
    classified = document.memo("boilerplate.classified", _classify)
    marks = dict(classified.marks)
    if options.replace_catalogue:
        marks = {index: mark for index, mark in marks.items() if mark[0] != kind}
    if options.extra_phrases or options.extra_patterns:
        extra = _extra_matcher(kind, tuple(options.extra_phrases), tuple(options.extra_patterns))
        line_keys = document.memo("boilerplate.line_keys", _line_keys)
        for index, line in enumerate(classified.lines):
            key = line_keys.keys[line]
            if key and (index not in marks or marks[index][1] != "strong") and extra.classify(key):
                marks[index] = (kind, "strong")
    flagged = _apply_context(marks, len(classified.lines))
    return sorted(index for index, flagged_kind in flagged.items() if flagged_kind == kind)


# ---------------------------------------------------------------------------
# Deleting lines


def removal_edit(document: Document, first: int, last: int) -> Edit:
    """An edit deleting lines first..last (1-based) so the text around keeps its paragraph breaks.

    Followed by text, the lines go with the blank lines after them (keeping one
    blank line if the lines were glued to the text above). At the end of the
    text, they go with the blank lines before them, and the text ends with one
    newline. The edit never starts before line ``first`` or a blank line above it.
    """
    lines = document.lines
    after = last  # 0-based index of the first line after the block
    while after < len(lines) and lines[after].is_blank:
        after += 1
    before = first - 2
    while before >= 0 and lines[before].is_blank:
        before -= 1
    start = lines[first - 1].start
    if after < len(lines):
        glued_above = before >= 0 and before == first - 2
        if glued_above and after > last:
            return Edit(start, lines[after - 1].start, "")  # keep the last blank line as the break
        return Edit(start, lines[after].start, "")
    if before >= 0:
        start = lines[before + 1].start  # the first blank line after the text above, or line first
    return Edit(start, len(document.text), "")


def _blocks(indices: Sequence[int]) -> Iterator[Tuple[int, int]]:
    """Runs of consecutive non-blank indices, as (first, last)."""
    run_start = previous = None
    for index in indices:
        if previous is not None and index == previous + 1:
            previous = index
            continue
        if run_start is not None:
            yield run_start, previous
        run_start = previous = index
    if run_start is not None:
        yield run_start, previous


# ---------------------------------------------------------------------------
# The rules

def _regex_problem(patterns: Tuple[str, ...]) -> Optional[str]:
    """Config-time check of extra-patterns, so a bad regex is a config error, not a crash."""
    for pattern in patterns:
        source = pattern[len(_SEARCH):].strip() if pattern.startswith(_SEARCH) else pattern
        try:
            re.compile(_normalise_pattern(source))
        except re.error as error:
            return f"has an invalid regular expression {pattern!r}: {error}"
    return None


_CATALOGUE_OPTIONS = (
    Option(name="extra-phrases", type=tuple, default=(),
           help="More whole-line phrases of this kind, compared after normalisation (lower case, spaces "
                "collapsed, bullets and punctuation stripped from the ends)."),
    Option(name="extra-patterns", type=tuple, default=(), validator=_regex_problem,
           help="More regular expressions of this kind, matched against the whole normalised line (write "
                "them in lower case); one written 'search: <regex>' may match anywhere in the line."),
    Option(name="replace-catalogue", type=bool, default=False,
           help="Use only extra-phrases and extra-patterns for this kind, not the built-in catalogue."),
)


class _CatalogueRule(Rule):
    """Shared check of the B rules: flag the lines the catalogue assigns to ``kind``."""

    kind: ClassVar[str] = ""
    label: ClassVar[str] = ""  # how the message names a flagged line
    # Site chrome in a corpus is not article text: an error, so that a CI check or the
    # pre-commit hook fails until it is removed (the fix is safe).
    default_severity = "error"
    fix_safety = "safe"
    options = _CATALOGUE_OPTIONS

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        if options == _DEFAULT_CATALOGUE_OPTIONS:  # usual case: read the flags shared by the B rules
            indices = document.memo("boilerplate.flagged", _flagged_by_kind).get(self.kind, [])
        else:
            indices = _flagged_lines(document, self.kind, options)
        if not indices:
            return
        nonblank = document.memo("boilerplate.classified", _classify).lines
        for first, last in _blocks(indices):
            first_line, last_line = nonblank[first] + 1, nonblank[last] + 1
            edit = removal_edit(document, first_line, last_line)
            text = document.lines[first_line - 1].text.strip()
            shown = text if len(text) <= 60 else text[:57] + "..."
            where = "" if first == last else f" (and {last - first} more line{'s' if last - first > 1 else ''})"
            yield self.diagnostic(document, edit.start, max(edit.end, document.lines[last_line - 1].end),
                                  f"{self.label} \"{shown}\"{where} is site chrome, not article text",
                                  edits=[edit], fix_message="Delete the line")


# The catalogue options as most runs leave them (comparing them is cheaper than reading each of them).
_DEFAULT_CATALOGUE_OPTIONS = _CatalogueRule.default_options()


class NavigationLine(_CatalogueRule):
    """
    ## What it does
    Finds lines that are site navigation: section labels ("Chuyên mục", "Tin
    nổi bật", "Tin mới nhất", "Đọc nhiều"), "more news" widgets ("Xem thêm",
    "Có thể bạn quan tâm"), menus ("Thời sự | Thế giới | Kinh doanh"),
    breadcrumbs ("Trang chủ > Thời sự"), tag lines ("Từ khóa: giá vàng, SJC")
    and pagination ("« 1 2 3 »"). Only whole lines match, after normalisation;
    the same words inside a sentence ("Tin mới nhất từ Bộ Y tế cho biết...")
    never do. Section names that could be a real heading ("Thông tin", "Thể
    thao") are flagged only next to other chrome or at the top or bottom of
    the text.

    ## Why it matters
    Menus and widget labels are repeated on every page of a site: in a corpus
    they become the most frequent "sentences", and a model trained on them
    learns to end articles with "Tin mới nhất". Seed 002 opens with "Chuyên
    mục" and seed 003 ends with "Tin nổi bật" and "Tin mới nhất".

    ## Example
    ```
    Chuyên mục

    Hội kiến với Bí thư Tỉnh ủy Quảng Đông Hoàng Khôn Minh hôm nay, ...
    ```
    becomes
    ```
    Hội kiến với Bí thư Tỉnh ủy Quảng Đông Hoàng Khôn Minh hôm nay, ...
    ```

    ## Fix safety
    Safe: only the flagged lines go, with the blank lines that separated them.
    A line that introduces a list of related articles is also reported by T101,
    which deletes the whole list.
    """

    code = "B101"
    name = "navigation-line"
    summary = "Navigation label, menu, breadcrumb or tag line from the site around the article"
    kind = "navigation"
    label = "Navigation line"


class ShareWidget(_CatalogueRule):
    """
    ## What it does
    Finds the text of share, comment, follow, subscribe, login, listen and
    print widgets: "Chia sẻ", "Bình luận (12)", "Gửi bình luận", "Facebook
    Twitter Zalo", "Theo dõi chúng tôi trên Google News", "Đăng ký nhận bản
    tin", "Tải ứng dụng", "Nghe bài viết", "Cỡ chữ: A- A A+".

    ## Why it matters
    Widget labels carry no content and repeat on every page; counters like
    "Bình luận (0)" also differ from page to page, so they defeat exact
    deduplication of otherwise identical articles.

    ## Example
    ```
    Ông chia sẻ rằng hai bên sẽ sớm ký kết thỏa thuận.

    Chia sẻ Facebook Zalo
    ```
    becomes
    ```
    Ông chia sẻ rằng hai bên sẽ sớm ký kết thỏa thuận.
    ```

    ## Fix safety
    Safe: only lines made entirely of widget text are deleted.
    """

    code = "B102"
    name = "share-widget"
    summary = "Share, comment, follow or subscribe widget text"
    kind = "share"
    label = "Widget text"


class SiteCredit(_CatalogueRule):
    """
    ## What it does
    Finds site headers and credits: "Powered by Techcity", "Designed by ...",
    "Thiết kế website: ...", mastheads ("Báo điện tử Dân trí") and a bare site
    name ("VnExpress", "Tuổi Trẻ Online") when it opens the page or sits next
    to other chrome. A bare site name at the end of an article may be its
    source credit and is left alone there.

    ## Why it matters
    Seed 003 begins with "Powered by Techcity", the credit of the site's CMS.
    Such lines are not part of any article and would be learnt as one.

    ## Example
    ```
    Powered by Techcity

    Mốc son mới trong quan hệ Việt Nam – Trung Quốc
    ```
    becomes
    ```
    Mốc son mới trong quan hệ Việt Nam – Trung Quốc
    ```

    ## Fix safety
    Safe: only whole credit or masthead lines are deleted.
    """

    code = "B103"
    name = "site-credit"
    summary = "Site header, masthead or 'powered by' credit"
    kind = "credit"
    label = "Site credit"


class CopyrightFooter(_CatalogueRule):
    """
    ## What it does
    Finds footer lines: copyright notices ("© 2024 Báo Tuổi Trẻ", "Bản quyền
    thuộc về ..."), aggregator footers ("Tổng hợp tin tự động tinmoi-247.com
    (r) © 2020"), licence numbers ("Giấy phép số 123/GP-BTTTT"), hotlines
    ("Hotline: 0901 234 567"), editor-in-chief lines ("Tổng biên tập: Nguyễn
    Văn A", always with the colon), reprint notices and footer links
    ("Điều khoản sử dụng"). Address, phone and e-mail lines ("Địa chỉ: ...",
    "Email: ...") are flagged only next to other footer lines, since an article
    may give an address too.

    ## Why it matters
    Footers are the most repeated text of a site. Seed 002 ends with the
    footer of the aggregator it was scraped from.

    ## Example
    ```
    Ngọc Ánh

    Thông tin

    Tổng hợp tin tự động tinmoi-247.com (r) © 2020
    ```
    becomes
    ```
    Ngọc Ánh
    ```
    ("Thông tin" is B101's: a footer heading next to the footer.)

    ## Fix safety
    Safe: only whole footer lines are deleted; prose that mentions a licence
    ("Bộ đã thu hồi giấy phép số ...") or an editor ("Tổng biên tập Lê Quốc
    Minh cho biết...") does not match.
    """

    code = "B104"
    name = "copyright-footer"
    summary = "Copyright, licence, hotline or masthead footer line"
    kind = "footer"
    label = "Footer line"


class ImageCaptionMarker(_CatalogueRule):
    """
    ## What it does
    Finds image and media markers left by the scraper: an image's alt text
    ending in "- Ảnh 1." (often the article title again), a bare "Ảnh" or
    "[Video]", gallery counters ("Ảnh 1/12"), "Click để xem ảnh lớn" and video
    player text ("Trình duyệt của bạn không hỗ trợ video"). A real caption,
    with its content and credit ("... hội kiến Tổng Bí thư Tập Cận Bình - Ảnh:
    TTXVN", "Trong ảnh: ..."), is article text and is never flagged.

    ## Why it matters
    Seed 003 repeats its own title as "Mốc son mới trong quan hệ Việt Nam -
    Trung Quốc- Ảnh 1.", the alt text of the first photo: a duplicate with a
    marker glued to it.

    ## Example
    ```
    Mốc son mới trong quan hệ Việt Nam - Trung Quốc- Ảnh 1.

    Hợp tác kinh tế – thương mại – đầu tư VN – Trung Quốc tiếp tục tăng trưởng. Trong ảnh: ...
    ```
    becomes
    ```
    Hợp tác kinh tế – thương mại – đầu tư VN – Trung Quốc tiếp tục tăng trưởng. Trong ảnh: ...
    ```

    ## Fix safety
    Safe: the marker line carries no text of its own (the alt text repeats the
    title or is empty).
    """

    code = "B105"
    name = "image-caption-marker"
    summary = "Image or media marker left by the scraper ('... - Ảnh 1.', '[Video]')"
    kind = "caption"
    label = "Media marker"


class AdvertisementLabel(_CatalogueRule):
    """
    ## What it does
    Finds advertisement slots and sponsored-content labels: "Quảng cáo",
    "ADVERTISEMENT", "Nội dung tài trợ", "Tài trợ bởi ...", "Cuộn xuống để đọc
    tiếp", "Bỏ qua quảng cáo".

    ## Why it matters
    An ad slot leaves its label in the middle of the article body, splitting a
    paragraph from its continuation; it is never content.

    ## Example
    ```
    Giá lúa tươi dao động từ 7.800 đến 8.400 đồng/kg.

    ADVERTISEMENT

    Nhiều hộ nông dân cho biết lãi bình quân đạt 30%.
    ```
    becomes
    ```
    Giá lúa tươi dao động từ 7.800 đến 8.400 đồng/kg.

    Nhiều hộ nông dân cho biết lãi bình quân đạt 30%.
    ```

    ## Fix safety
    Safe: only the label line is deleted.
    """

    code = "B106"
    name = "advertisement-label"
    summary = "Advertisement slot or sponsored-content label"
    kind = "advert"
    label = "Advertisement label"


class TimestampLine(_CatalogueRule):
    """
    ## What it does
    Finds the site's publication or update stamp on a line of its own, when it
    carries a label or a time zone: "Cập nhật: 14:32 12/11/2024", "Cập nhật
    lúc 14:32 ngày 12/11/2024", "Thứ Hai, 12/11/2024, 14:32 (GMT+7)". A bare
    date and time ("26/04/2023 14:28") is the article's dateline and is left to
    the opt-in rule B108.

    ## Why it matters
    The stamp is page furniture written by the CMS; its label ("Cập nhật",
    "GMT+7") is the same on every article and its value differs, so it breaks
    deduplication and adds no text.

    ## Example
    ```
    Cập nhật: 14:32 12/11/2024

    Xuất khẩu gạo của Việt Nam trong 10 tháng năm 2024 đạt hơn 7,8 triệu tấn.
    ```
    becomes
    ```
    Xuất khẩu gạo của Việt Nam trong 10 tháng năm 2024 đạt hơn 7,8 triệu tấn.
    ```

    ## Fix safety
    Safe: only a line made of the label, date, time and zone is deleted.
    """

    code = "B107"
    name = "timestamp-line"
    summary = "Publication or update stamp with a label or time zone ('Cập nhật: 14:32 12/11/2024')"
    kind = "timestamp"
    label = "Timestamp"


@lru_cache(maxsize=16)
def _dateline_pattern(extra: Tuple[str, ...], replace: bool) -> re.Pattern[str]:
    sources = [] if replace else [text for _, text in _read_entries(_DATA / "boilerplate_dateline_patterns.txt")]
    for pattern in extra:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"extra-patterns: invalid regular expression {pattern!r}: {error}") from None
    sources += list(extra)
    return re.compile("|".join(f"(?:{_normalise_pattern(s)})" for s in sources) or r"(?!)")


class Dateline(Rule):
    """
    ## What it does
    Finds a bare date and/or time alone on a line, such as "26/04/2023 14:28"
    (seed 004, line 3) or "Thứ Tư, 26/4/2023 - 14:28". Off by default: enable
    it with `extend-select = ["B108"]`.

    ## Why it matters
    Whether the dateline belongs to the article is a corpus decision: it is
    metadata many pipelines keep next to the text, but in a corpus of plain
    sentences it is a line with no words. Labelled stamps ("Cập nhật: ...",
    "... (GMT+7)") are always chrome and are B107's.

    ## Example
    ```
    Đoàn Đại biểu Đảng Cộng sản Việt Nam thăm Trung Quốc

    26/04/2023 14:28

    Nhận lời mời của Trung ương Đảng Cộng sản Trung Quốc, ...
    ```
    becomes
    ```
    Đoàn Đại biểu Đảng Cộng sản Việt Nam thăm Trung Quốc

    Nhận lời mời của Trung ương Đảng Cộng sản Trung Quốc, ...
    ```

    ## Fix safety
    Safe: the line holds only the date and time.
    """

    code = "B108"
    name = "dateline"
    summary = "Bare date and time alone on a line (opt-in)"
    default_enabled = False
    default_severity = "warning"
    fix_safety = "safe"
    options = (
        Option(name="extra-patterns", type=tuple, default=(), validator=_regex_problem,
               help="More whole-line regular expressions for a dateline, matched against the normalised line."),
        Option(name="replace-catalogue", type=bool, default=False,
               help="Use only extra-patterns, not the built-in dateline patterns."),
    )

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        pattern = _dateline_pattern(tuple(options.extra_patterns), options.replace_catalogue)
        line_keys = document.memo("boilerplate.line_keys", _line_keys)
        for index, key in enumerate(line_keys.keys):
            text = line_keys.texts[index]
            # A dateline is short and starts with a digit or a weekday ("Thứ", "Chủ nhật", "T2", "Mon").
            if len(text) > 80 or not key:
                continue
            if pattern.fullmatch(key):
                line = document.lines[index]
                edit = removal_edit(document, line.number, line.number)
                yield self.diagnostic(document, edit.start, max(edit.end, line.end),
                                      f"Dateline \"{text.strip()}\" alone on a line",
                                      edits=[edit], fix_message="Delete the line")
