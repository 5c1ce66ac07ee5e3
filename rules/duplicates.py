"""D: duplicates inside one document.

Scrapers copy the same teaser, title or block of "related articles" into a
page more than once. Every rule here compares lines after NFC and whitespace
normalisation, keeps the first occurrence and offers to delete the later ones.

The rules stay near-linear on long documents: exact repeats are found through
a hash map, and near repeats are only scored (with rapidfuzz) against the few
earlier lines that share a cheap blocking key, never all pairs.

Clean text is the common case and is decided before any per-line work: the
normalised lines are the raw lines when a few whole-text scans find nothing to
normalise (and are shared by the three rules through document.memo), D101 needs
one set of them, D103 one search for a line-ending ellipsis, and D102 scores the
handful of pairs of similar length and equal numbers directly instead of
building blocking keys.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from operator import itemgetter
from typing import Dict, Iterator, List, NamedTuple, Sequence, Tuple

from vnlint.diagnostic import Diagnostic, Edit
from vnlint.document import Document
from vnlint.rule import Option, Rule, RuleOptions

# An earlier line is remembered at most this many times per key: a line repeated
# thousands of times must not make block matching quadratic.
_MAX_OCCURRENCES = 8
# Near-duplicate scoring: at most this many earlier lines per blocking key and length
# bucket are looked at, and at most _MAX_COMPARISONS of them are scored, so one line
# never costs more than a bounded amount of work, however repetitive the document.
_MAX_CANDIDATES_PER_KEY = 24
_MAX_COMPARISONS = 32
# Before building blocking keys, D102 scores the plausible pairs of a document directly, as long as
# there are at most this many per line: a clean article has one or two in all.
_MAX_DIRECT_PAIRS_PER_LINE = 4
# Characters of the letter skeleton used as prefix and suffix keys.
_AFFIX = 20
# Length buckets grow geometrically by this factor (a near-duplicate must have a similar length).
_BUCKET_BASE = math.log(1.25)
_DIGITS = re.compile(r"\d\d*")  # \d+, written so that re scans for the first digit quickly
_EDGE_PUNCTUATION = ".,;:!?…-–—\"'“”‘’()[]«»*•·|/"


# Invisible format characters (soft hyphen, zero-width space and joiners, BOM): E002
# reports them; here they must not make two copies of a line look different.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def normalise_line(text: str) -> str:
    """NFC, without invisible characters, with runs of whitespace collapsed to one space and the ends stripped."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return " ".join(text.split())


class _Content(NamedTuple):
    """One non-blank line, normalised."""

    number: int  # 1-based line number in the document
    key: str  # normalise_line(text)


_INVISIBLE_CHARACTER = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def _normalised_lines(document: Document) -> List[str]:
    """normalise_line() of every line of the document, "" for a blank line (index = line number - 1).

    Computed once per document and shared by the three D rules.
    """
    return document.memo("duplicates.normalised_lines", _normalise_lines)


def _normalise_lines(document: Document) -> List[str]:
    text = document.text
    lines = text.split("\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()  # as in Document.lines: a final newline does not start an extra, empty line
    if _is_already_normalised(text, lines):
        return lines
    # Whole-document checks first: text without NFC or invisible-character problems needs only the spaces fixed.
    if text.isascii() or (unicodedata.is_normalized("NFC", text) and not _INVISIBLE_CHARACTER.search(text)):
        return [" ".join(line.split()) for line in lines]
    return [normalise_line(line) for line in lines]


def _is_already_normalised(text: str, lines: Sequence[str]) -> bool:
    """Whether every line already equals its normalise_line() form, decided by a few scans in C.

    Clean text is the common case, and splitting and joining every line costs
    more than the rest of D101. str.isprintable() is false for every whitespace
    character except the space (tab, no-break space, line separator...) and for
    the invisible format characters, so a printable line can only differ from
    its normal form by a space at either end (then strip() returns a new
    string, not the line itself) or a doubled space.
    """
    return (all(map(str.isprintable, lines))
            and list(map(str.strip, lines)) == lines
            and "  " not in text
            and (text.isascii() or unicodedata.is_normalized("NFC", text)))


def _content_lines(document: Document) -> List[_Content]:
    """The non-blank lines of the document, normalised; computed once per document."""
    return document.memo("duplicates.content_lines", _collect_content_lines)


def _collect_content_lines(document: Document) -> List[_Content]:
    return [_Content(number, key) for number, key in enumerate(_normalised_lines(document), 1) if key]


def _is_long_enough(key: str, min_length: int, min_words: int) -> bool:
    return len(key) >= min_length and key.count(" ") + 1 >= min_words


def _deletion_edit(rule: Rule, document: Document, first: int, last: int) -> Edit:
    """Delete lines first..last; when they form whole paragraphs, also take the blank line after them.

    Without that, removing a repeated paragraph would leave two blank lines in a
    row. The edit never starts before the copy, so the diagnostic can start on
    the copy's own line: a copy that ends the file is deleted up to the end and
    may leave a blank line before it, which W001 removes.
    """
    lines = document.lines
    if last == len(lines):
        return Edit(lines[first - 1].start, len(document.text), "")
    if (first == 1 or lines[first - 2].is_blank) and lines[last].is_blank:
        return rule.delete_lines(document, first, last + 1)
    return rule.delete_lines(document, first, last)


def _diagnostic_span(document: Document, first: int, last: int, edit: Edit) -> Tuple[int, int]:
    """The copy's lines and everything the edit takes after them, so the fix stays inside the diagnostic."""
    lines = document.lines
    return lines[first - 1].start, max(edit.end, lines[last - 1].end)


def _line_range(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}–{last}"


class DuplicateText(Rule):
    """
    ## What it does
    Finds lines, paragraphs and blocks of lines that repeat earlier text of the
    same document exactly, after Unicode NFC and whitespace normalisation (so a
    copy indented with spaces, or with a different number of spaces between
    words, is still a copy). The first occurrence is kept; the fix deletes each
    later copy.

    A repeated run of two or more consecutive lines is reported once, as a
    block, pointing at the lines it repeats ("lines 101–119 repeat lines
    79–97"); blank lines between the lines of a block are ignored. Any other
    repeated line is reported once per later copy ("duplicate of line 30").

    Short lines repeat legitimately (a byline, "Theo TTXVN", a name, a quoted
    slogan, a short sub-heading, a photo credit), so a repeated line is only
    reported from `min-length` characters and `min-words` words on, and a block
    only when its lines total at least twice `min-length` characters. A line
    that repeats the line directly above it in the same paragraph is a
    scraping artefact even when short, so it is reported from
    `min-length-adjacent` characters on.

    ## Why it matters
    Scraped pages repeat teaser titles and whole "related articles" blocks: seed
    003 prints the same five teasers under "Cùng tác giả" and again under "Cùng
    chuyên mục", and seed 004 prints every teaser title twice in a row, once
    indented. Repeated text inflates n-gram counts, teaches language models to
    loop, and leaks the same sentence into train and test splits.

    ## Example
    ```
    Phiên họp lần thứ XII Ủy ban liên hợp biên giới trên đất liền Việt Nam - Trung Quốc
      Phiên họp lần thứ XII Ủy ban liên hợp biên giới trên đất liền Việt Nam - Trung Quốc
    ```
    becomes
    ```
    Phiên họp lần thứ XII Ủy ban liên hợp biên giới trên đất liền Việt Nam - Trung Quốc
    ```

    ## Fix safety
    Safe: only a later copy of text that stays in the document is deleted, with
    one blank line when the copy was a whole paragraph.
    """

    code = "D101"
    name = "duplicate-text"
    summary = "Line, paragraph or block of lines repeated exactly earlier in the document"
    default_severity = "error"  # an exact copy is certain and its removal safe
    fix_safety = "safe"
    options = (
        Option(name="min-length", type=int, default=40, minimum=1,
               help="Shortest repeated line reported, in characters after whitespace normalisation; "
                    "a block must total twice this."),
        Option(name="min-words", type=int, default=4, minimum=1,
               help="Fewest words a repeated line must have to be reported."),
        Option(name="min-length-adjacent", type=int, default=20, minimum=1,
               help="Shortest line reported when it repeats the line directly above it in the same paragraph."),
    )

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        keys = _normalised_lines(document)
        distinct = set(keys)
        distinct.discard("")
        if len(distinct) == len(keys) - keys.count(""):
            return  # no non-blank line repeats: the common case, decided by one set
        content = _content_lines(document)
        first_seen: Dict[str, int] = {}
        earlier: List[Tuple[int, ...]] = []  # per content index: earlier indices with the same text
        occurrences: Dict[str, List[int]] = {}
        for index, item in enumerate(content):
            seen = occurrences.get(item.key)
            if seen is None:
                occurrences[item.key] = [index]
                first_seen[item.key] = index
                earlier.append(())
            else:
                earlier.append(tuple(seen))
                if len(seen) < _MAX_OCCURRENCES:
                    seen.append(index)
        blocks = _longest_runs(earlier)
        index = 0
        while index < len(content):
            block = blocks[index]
            if block is not None:
                source, length = block
                copy = content[index:index + length]
                if sum(len(item.key) for item in copy) >= 2 * options.min_length:
                    yield self._report(document, copy[0].number, copy[-1].number,
                                       content[source].number, content[source + length - 1].number)
                    index += length
                    continue
            if earlier[index]:
                item = content[index]
                original = content[first_seen[item.key]]
                previous = content[index - 1]
                adjacent = previous.number == item.number - 1 and previous.key == item.key
                if _is_long_enough(item.key, options.min_length_adjacent if adjacent else options.min_length,
                                   options.min_words):
                    yield self._report(document, item.number, item.number, original.number, original.number)
            index += 1

    def _report(self, document: Document, first: int, last: int, source_first: int, source_last: int) -> Diagnostic:
        edit = _deletion_edit(self, document, first, last)
        start, end = _diagnostic_span(document, first, last, edit)
        if first == last:
            message = f"Line {first} is a duplicate of line {source_first}"
        else:
            message = (f"Block of {_line_range(first, last)} repeats {_line_range(source_first, source_last)}")
        return self.diagnostic(document, start, end, message, edits=[edit],
                               fix_message=f"Delete the repeated {_line_range(first, last)}")


def _longest_runs(earlier: Sequence[Tuple[int, ...]]) -> List[Tuple[int, int] | None]:
    """For each content index i, the longest run (source, length >= 2) of lines i, i+1, ... repeating
    source, source+1, ... with the source ending before i; ties go to the earliest source."""
    count = len(earlier)
    best: List[Tuple[int, int] | None] = [None] * count
    following: Dict[int, int] = {}  # source index -> run length starting at (index + 1, source)
    for index in range(count - 1, -1, -1):
        current: Dict[int, int] = {}
        chosen: Tuple[int, int] | None = None
        for source in earlier[index]:
            run = following.get(source + 1, 0) + 1
            current[source] = run
            length = min(run, index - source)  # the copy may not overlap what it copies
            if length >= 2 and (chosen is None or length > chosen[1]):
                chosen = (source, length)
        best[index] = chosen
        following = current
    return best


_ELLIPSES = ("...", "…")
# A line ending with "..." or "…". One pattern per ellipsis: a pattern that starts with a literal
# lets re jump from one occurrence to the next, five times faster than trying an alternation everywhere.
_ENDS_WITH_ELLIPSIS = (re.compile(r"\.\.\.[^\S\n]*$", re.MULTILINE), re.compile(r"…[^\S\n]*$", re.MULTILINE))
_STEM_TRAILING = " ,.;:–-…"
_STEM_KEY = 12  # letters of a cut-off copy that index the lines it may repeat; shorter stems are ignored


def _truncation_stem(key: str) -> str:
    """The text before a final ellipsis ("Ông Võ Văn Thưởng hội đàm với Bí thư..." -> "...Bí thư"), or ""."""
    for ellipsis in _ELLIPSES:
        if key.endswith(ellipsis):
            return key[:-len(ellipsis)].rstrip(_STEM_TRAILING)
    return ""


def _skeleton(folded: str) -> str:
    return folded.replace(" ", "")


def _start_key(key: str) -> str:
    """The first _STEM_KEY characters of the line's casefolded skeleton, which index the lines a stem may begin."""
    # casefold() maps each character on its own and never drops one, so folding a prefix with
    # enough letters gives the same start as folding the whole line, at a fraction of the cost.
    start = _skeleton(key[:2 * _STEM_KEY].casefold())
    if len(start) < _STEM_KEY:
        start = _skeleton(key.casefold())
    return start[:_STEM_KEY]


def _truncated_copies(content: Sequence[_Content], min_length: int, min_words: int) -> Dict[int, int]:
    """Content index of each line that is a cut-off copy of a longer line -> content index of that line.

    A truncated copy ends with an ellipsis, and its text before the ellipsis
    begins another, longer line (compared without case and spaces). The longer
    line may come before or after it: the cut-off copy is the redundant one.
    """
    stems = {}
    for index, item in enumerate(content):
        if item.key.endswith(_ELLIPSES):
            stem = _truncation_stem(item.key)
            skeleton = _skeleton(stem.casefold())
            if len(skeleton) >= _STEM_KEY and _is_long_enough(stem, min_length, min_words):
                stems[index] = skeleton
    if not stems:
        return {}
    by_start: Dict[str, List[int]] = {}
    for index, item in enumerate(content):
        if len(item.key) > _STEM_KEY:
            by_start.setdefault(_start_key(item.key), []).append(index)
    copies: Dict[int, int] = {}
    for index, stem in stems.items():
        for other in by_start.get(stem[:_STEM_KEY], ())[:_MAX_COMPARISONS]:
            if other == index or content[other].key == content[index].key:
                continue
            skeleton = _skeleton(content[other].key.casefold())
            if len(skeleton) > len(stem) + 1 and skeleton.startswith(stem):
                copies[index] = other
                break
    return copies


class NearDuplicate(Rule):
    """
    ## What it does
    Finds lines that are almost the same as an earlier line of the document: a
    rapidfuzz `fuzz.ratio` similarity of at least `threshold` (0–100) on the
    lines after NFC, whitespace normalisation and case folding. Exact repeats are
    left to D101, and a copy cut off with an ellipsis to D103. The first
    occurrence is kept; the fix deletes the later one.

    Lines shorter than `min-length` characters or `min-words` words are not
    compared. Two lines whose numbers differ (dates, scores, amounts) are
    different facts, not copies: "năm 2022 đạt 175,6 tỷ USD" and "năm 2023 đạt
    185,6 tỷ USD" are never near-duplicates. The one exception is a long line
    (at least twice `min-length`) that differs from the other in a single
    number: a paragraph repeated with one figure changed is an updated copy.

    A line that opens with an agency, site or dateline prefix ("TTO - ",
    "(Dân trí) - ", "(Vietnam+) - ", "VOV.VN - ", "HÀ NỘI - ") is also compared
    without it against the lines that have none, so the headline repeated as
    "(Vietnam+) - <headline>" is a copy; two lines that differ only in their
    datelines ("HÀ NỘI - ...", "TP.HCM - ...") are parallel facts, never copies.
    A later line that is the opening sentence (or sentences) of an earlier,
    longer line, cut where a sentence ends (the lead's first sentence repeated
    as a caption), is reported too, from `min-length` characters and
    `min-words` words on, unless it opens with a quotation mark (a pull-quote).

    Lines are only scored against the few earlier lines of similar length that
    share a blocking key (the first or last 20 letters, or one of the three
    rarest words of the line that some other line also uses), so the rule stays near-linear on a 10,000-line document; a
    near-duplicate that differs at the start, the end and in its rarest words
    at once can be missed.

    ## Why it matters
    Scrapers copy the same teaser twice with small differences: seed 004 has
    " Chủ nhiệm Ủy ban Biên giới quốc gia thăm…" beside "Chủ nhiệmỦy ban Biên
    giới quốc gia thăm…", with a space lost. Exact deduplication misses such
    pairs, and they carry the same harm as exact repeats.

    ## Example
    ```
     Chủ nhiệm Ủy ban Biên giới quốc gia thăm và làm việc với Đồn Biên phòng cửa khẩu quốc tế Lào Cai

    Chủ nhiệmỦy ban Biên giới quốc gia thăm và làm việc với Đồn Biên phòng cửa khẩu quốc tế Lào Cai
    ```
    becomes
    ```
     Chủ nhiệm Ủy ban Biên giới quốc gia thăm và làm việc với Đồn Biên phòng cửa khẩu quốc tế Lào Cai
    ```

    ## Fix safety
    Unsafe: the later line is not identical to the one kept, and the difference
    may be a correction (a fixed typo, an updated title) that a person should
    judge. Normalise NFC first (E001): rapidfuzz scores the same sentence in NFC
    and in NFD only about 63, which is why this rule normalises before comparing.
    """

    code = "D102"
    name = "near-duplicate"
    summary = "Line almost identical to an earlier line of the document"
    default_severity = "warning"
    fix_safety = "unsafe"
    options = (
        Option(name="threshold", type=int, default=90, minimum=0, maximum=100,
               help="Lowest rapidfuzz fuzz.ratio similarity (0–100) reported as a near-duplicate."),
        Option(name="min-length", type=int, default=40, minimum=1,
               help="Shortest line compared, in characters after whitespace normalisation."),
        Option(name="min-words", type=int, default=4, minimum=1,
               help="Fewest words a line must have to be compared."),
    )

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        keys = _normalised_lines(document)
        prefixes = _agency_prefixes(keys)
        reported: set = set()
        for diagnostic, number in self._similar_lines(document, options, prefixes):
            reported.add(number)
            yield diagnostic
        for number, original, score in _prefixed_copies(keys, prefixes, options):
            if number not in reported:
                reported.add(number)
                yield self._report(document, number, original, score)
        for number, original in _opening_copies(keys, prefixes, options.min_length, options.min_words):
            if number not in reported:
                reported.add(number)
                yield self._report(document, number, original, 100.0,
                                   f"Line {number} repeats the opening sentence(s) of line {original}")

    def _similar_lines(self, document: Document, options: RuleOptions,
                       prefixes: Dict[int, int]) -> Iterator[Tuple[Diagnostic, int]]:
        """Near-duplicate pairs of whole lines, each (diagnostic, line number of the copy)."""
        keys = _normalised_lines(document)
        threshold = options.threshold
        # Two strings of lengths a <= b score at most 200a/(a+b), so lengths must satisfy a/b >= t/(200-t).
        min_ratio = threshold / (200 - threshold) if threshold < 100 else 1.0
        min_length, min_words = options.min_length, options.min_words
        compared = dict.fromkeys([key for key in _normalised_lines(document)
                                  if len(key) >= min_length and key.count(" ") + 1 >= min_words])
        # Exact repeats are D101's, so only distinct lines can form a pair; a clean article has no
        # pair able to reach the threshold, which is cheaper to show directly than with the blocking below.
        if len(compared) < 2 or _no_pair_can_match(list(compared), threshold, min_ratio, 2 * options.min_length):
            return
        content = _content_lines(document)
        candidates = [item for item in content if _is_long_enough(item.key, options.min_length, options.min_words)]
        reach = _bucket_reach(min_ratio)
        exact: set = set()
        unique: List[Tuple[_Content, str, Dict[str, None]]] = []
        frequency: Counter = Counter()  # in how many lines each word occurs
        truncated = {content[index].number for index in _truncated_copies(content, _STEM_KEY, 1)}
        for item in candidates:
            if item.key in exact or item.number in truncated:
                continue  # an exact repeat (D101's) or a cut-off copy (D103's)
            exact.add(item.key)
            folded = item.key.casefold()
            words = dict.fromkeys(folded.split())  # distinct words in order of first use: deterministic
            frequency.update(words.keys())
            unique.append((item, folded, words))
        extract_one = None  # rapidfuzz, imported on the first pair worth scoring
        folded_seen: Dict[str, int] = {}
        kept: List[Tuple[int, str, Tuple[str, ...]]] = []  # (line number, folded text, numbers) of lines kept
        buckets: Dict[Tuple[str, int], List[int]] = {}
        for item, folded, words in unique:
            numbers = tuple(_DIGITS.findall(folded))
            long_line = len(folded) >= 2 * options.min_length
            keys = _blocking_keys(folded, words, frequency)
            bucket = int(math.log(len(folded)) / _BUCKET_BASE)
            match = None
            if folded in folded_seen:
                match = (folded_seen[folded], 100.0)
            else:
                pool = _candidates(kept, buckets, keys, bucket, reach, folded, numbers, long_line, min_ratio)
                if pool:
                    if extract_one is None:
                        from rapidfuzz.fuzz import ratio
                        from rapidfuzz.process import extractOne as extract_one
                    # One C call scores the line against every candidate; on equal scores the
                    # earliest line wins, because the pool is in document order.
                    best = extract_one(folded, [kept[p][1] for p in pool], scorer=ratio, processor=None,
                                       score_cutoff=threshold)
                    if best is not None:
                        match = (kept[pool[best[2]]][0], best[1])
            if match is not None and _other_dateline(keys, prefixes, item.number - 1, match[0] - 1):
                match = None  # "HÀ NỘI - Nắng nóng..." and "TP.HCM - Nắng nóng...": parallel facts
            if match is not None:
                yield self._report(document, item.number, match[0], match[1]), item.number
                continue  # a line flagged for deletion is no original for later lines
            position = len(kept)
            kept.append((item.number, folded, numbers))
            folded_seen.setdefault(folded, item.number)
            for key in keys:
                buckets.setdefault((key, bucket), []).append(position)

    def _report(self, document: Document, number: int, original: int, score: float,
                message: str = "") -> Diagnostic:
        edit = _deletion_edit(self, document, number, number)
        start, end = _diagnostic_span(document, number, number, edit)
        message = message or f"Line {number} is a near-duplicate of line {original} ({math.floor(score)}% similar)"
        return self.diagnostic(document, start, end, message, edits=[edit], applicability="unsafe",
                               fix_message=f"Delete line {number}")


# An agency, site or dateline prefix that opens a lead: "TTO - ", "(Dân trí) - ", "(Vietnam+) - ",
# "VOV.VN - ", "HÀ NỘI - ". Found with one search over the whole text; _is_agency_prefix judges the head.
_PREFIX = re.compile(r"^(\([^()\n]{2,30}\)|[^\s()]{2,24}(?: [^\s()]{1,20}){0,3}) ?[-–—] +", re.MULTILINE)
_PREFIX_REACH = 120  # a dash further into its line than this ends no prefix
_SITE = re.compile(r"[\w-]+\.(?:vn|com|net|org)", re.IGNORECASE)
# More prefixed lines than this: a list of datelines (a news digest), whose lines are parallel facts.
_MAX_PREFIXED = 16


def _is_agency_prefix(head: str) -> bool:
    """ "(Dân trí)", "TTO", "VOV.VN", "HÀ NỘI", "Chinhphu.vn"; not "Việt Nam" (of "Việt Nam - Trung Quốc")."""
    if head.startswith("("):
        inside = head[1:-1]
        return any(c.isalpha() for c in inside) and inside.count(" ") <= 3
    return (head.isupper() and sum(c.isalpha() for c in head) >= 2) or _SITE.fullmatch(head) is not None


def _dashes(text: str) -> List[int]:
    """Positions of the dashes followed by a space, in order (str.find is far faster than a regex class)."""
    found = []
    for dash in ("- ", "– ", "— "):
        position = text.find(dash)
        while position >= 0:
            found.append(position)
            position = text.find(dash, position + 1)
    return sorted(found)


def _agency_prefixes(keys: Sequence[str]) -> Dict[int, int]:
    """Index of each normalised line that opens with an agency or dateline prefix -> the prefix's length."""
    joined = "\n".join(keys)
    prefixes: Dict[int, int] = {}
    index, position, line_start = 0, 0, -1
    # A prefix needs a dash followed by a space, which most lines lack: look for those dashes
    # (one scan in C) and try the prefix only at the start of their lines.
    for dash in _dashes(joined):
        start = joined.rfind("\n", 0, dash) + 1
        if start == line_start or dash - start > _PREFIX_REACH:
            continue
        line_start = start
        match = _PREFIX.match(joined, start)
        if match is None or not _is_agency_prefix(match.group(1)):
            continue
        index += joined.count("\n", position, start)
        position = start
        if match.end() < len(joined) and joined[match.end()] != "\n":
            prefixes[index] = match.end() - start
    return prefixes if len(prefixes) <= _MAX_PREFIXED else {}


def _other_dateline(keys: Sequence[str], prefixes: Dict[int, int], index: int, other: int) -> bool:
    """Whether both lines open with an agency or dateline prefix, and not the same one."""
    if index not in prefixes or other not in prefixes:
        return False
    return keys[index][:prefixes[index]].rstrip(" -–—") != keys[other][:prefixes[other]].rstrip(" -–—")


def _prefixed_copies(keys: Sequence[str], prefixes: Dict[int, int],
                     options: RuleOptions) -> Iterator[Tuple[int, int, float]]:
    """(copy, original, score) line numbers of a line that, without its prefix, is a near-duplicate of a
    line that has none: "(Vietnam+) - Metro số 1 chạy thử toàn tuyến" and "Metro số 1 chạy thử toàn tuyến".

    Only a prefixed line and an unprefixed one are compared: two lines that differ in their
    datelines alone ("HÀ NỘI - Nắng nóng..." and "TP.HCM - Nắng nóng...") are different facts.
    """
    if not prefixes:
        return
    threshold = options.threshold
    min_ratio = threshold / (200 - threshold) if threshold < 100 else 1.0
    seen: set = set()
    repeats: set = set()  # exact repeats of an earlier line are D101's
    plain = []
    for index, key in enumerate(keys):
        if not key:
            continue
        if key in seen:
            repeats.add(index)
        seen.add(key)
        if index not in prefixes and _is_long_enough(key, options.min_length, options.min_words):
            plain.append(index)
    ratio = None
    for index, length in sorted(prefixes.items()):
        stripped = keys[index][length:]
        if not _is_long_enough(stripped, options.min_length, options.min_words):
            continue
        folded = stripped.casefold()
        numbers = tuple(_DIGITS.findall(folded))
        shortest, longest = _length_range(len(folded), min_ratio)
        for other in plain:
            copy, original = max(index, other), min(index, other)
            if copy in repeats or not shortest <= len(keys[other]) <= longest:
                continue
            other_folded = keys[other].casefold()
            if not _same_facts(numbers, tuple(_DIGITS.findall(other_folded)), False):
                continue
            if ratio is None:
                from rapidfuzz.fuzz import ratio
            score = ratio(folded, other_folded, processor=None, score_cutoff=threshold)
            if score >= threshold:
                yield copy + 1, original + 1, score
                break


_SENTENCE_END = ".!?"
_CLOSING = "”\"’'»)"
_OPENING_QUOTES = "“\"‘'«"
_OPENING_KEY = 24  # characters of a line's text (after its prefix) that index the copies of its opening
_opening = itemgetter(slice(None, _OPENING_KEY))


def _opening_copies(keys: Sequence[str], prefixes: Dict[int, int], min_length: int,
                    min_words: int) -> Iterator[Tuple[int, int]]:
    """(copy, original) line numbers of a line that repeats the first sentence(s) of an earlier, longer line.

    The copy must end where a sentence of the earlier line ends ("...sáng 12/11." followed by a space,
    or the same words with the full stop dropped), have at least min_length characters and min_words
    words, and not open with a quotation mark: a pull-quote repeats a speaker's words on purpose.
    """
    starts = list(map(_opening, keys))  # in C: most texts are decided without a Python loop over lines
    for index, length in prefixes.items():
        starts[index] = keys[index][length:length + _OPENING_KEY]
    if len(set(starts)) >= len(starts) - starts.count("") + ("" in starts):
        return  # no two lines open alike: the common case
    texts = list(keys)
    for index, length in prefixes.items():
        texts[index] = keys[index][length:]
    with_start: Dict[str, List[int]] = {}
    seen: set = set()
    for index, text in enumerate(texts):
        if not text:
            continue
        earlier = with_start.setdefault(starts[index], [])
        key = keys[index]
        if (earlier and key not in seen and len(text) > _OPENING_KEY and _is_long_enough(text, min_length, min_words)
                and not text.startswith(tuple(_OPENING_QUOTES)) and not text.endswith(_ELLIPSES)):
            for other in earlier:
                if _opens_with_sentences(texts[other], text):
                    yield index + 1, other + 1
                    break
        seen.add(key)
        if len(earlier) < _MAX_OCCURRENCES:
            earlier.append(index)


def _opens_with_sentences(paragraph: str, copy: str) -> bool:
    """Whether ``copy`` is the paragraph's opening, cut where one of its sentences ends."""
    if len(paragraph) <= len(copy) + 1 or not paragraph.startswith(copy):
        return False
    rest = paragraph[len(copy):]
    if copy.rstrip(_CLOSING).endswith(tuple(_SENTENCE_END)):
        return rest[0] == " "
    return rest[0] in _SENTENCE_END and rest[1:2] == " "  # the copy dropped the full stop


def _candidates(kept: Sequence[Tuple[int, str, Tuple[str, ...]]], buckets: Dict[Tuple[str, int], List[int]],
                keys: Sequence[str], bucket: int, reach: int, folded: str, numbers: Tuple[str, ...],
                long_line: bool, min_ratio: float) -> List[int]:
    """Earlier kept lines worth scoring, in document order, at most _MAX_COMPARISONS of them.

    A candidate shares the prefix or suffix key, or two of the rare-word keys
    (one, when the line has a single rare word): one shared word alone is
    common between unrelated sentences. Its numbers must be compatible (see
    _same_facts) and its length able to reach the threshold.
    """
    near_buckets = range(bucket - reach, bucket + reach + 1)

    def recent(key: str) -> List[int]:
        found: List[int] = []
        for near_bucket in near_buckets:
            positions = buckets.get((key, near_bucket))
            if positions:
                found.extend(positions[-_MAX_CANDIDATES_PER_KEY:])
        return found

    ordered: List[int] = recent(keys[0]) + recent(keys[1])
    word_sets = [set(recent(key)) for key in keys[2:]]
    if len(word_sets) == 1:
        ordered.extend(word_sets[0])
    elif word_sets:
        # Set intersections in C: lines sharing at least two of the rare words.
        shared = set()
        for index, first in enumerate(word_sets):
            for second in word_sets[index + 1:]:
                shared |= first & second
        ordered.extend(sorted(shared, reverse=True))
    shortest, longest = _length_range(len(folded), min_ratio)
    chosen: Dict[int, None] = {}
    for position in ordered:
        if position in chosen:
            continue
        _, other, other_numbers = kept[position]
        if not shortest <= len(other) <= longest or not _same_facts(numbers, other_numbers, long_line):
            continue
        chosen[position] = None
        if len(chosen) == _MAX_COMPARISONS:
            break
    return sorted(chosen)


def _length_range(length: int, min_ratio: float) -> Tuple[float, float]:
    """The shortest and longest length of an earlier line that a line of this length can still match."""
    return min_ratio * length, (length / min_ratio if min_ratio else math.inf)


def _no_pair_can_match(lines: Sequence[str], threshold: int, min_ratio: float, long_line: int) -> bool:
    """Whether no two of these distinct lines can be near-duplicates, shown by scoring every plausible pair.

    Every pair the blocking in NearDuplicate.check could report passes the length
    and number tests of _candidates. In a clean article only a handful of pairs
    pass them, and scoring those few directly costs much less than building
    blocking keys for every line; if none reaches the threshold, nothing can be
    reported, whatever the blocking would find. When more than a few pairs per
    line pass (a long or repetitive document), this gives up, returns False
    and leaves the work to the blocking, so the shortcut stays linear.
    """
    folded = [line.casefold() for line in lines]
    folded.sort(key=len)
    lengths = [len(line) for line in folded]
    ranges = [_length_range(length, min_ratio) for length in lengths]
    numbers: List[Tuple[str, ...] | None] = [None] * len(folded)  # found only for lines of a plausible pair
    pairs_left = _MAX_DIRECT_PAIRS_PER_LINE * len(folded)
    ratio = None  # rapidfuzz, imported on the first pair worth scoring
    for shorter, length in enumerate(lengths):
        longest = ranges[shorter][1]
        for longer in range(shorter + 1, len(folded)):
            # Either line may be the later one, whose range decides in _candidates. Of two lines sorted
            # by length, the shorter is only out of the longer one's range by being too short, and the
            # longer out of the shorter one's by being too long; past that, so is every longer line.
            if lengths[longer] > longest and ranges[longer][0] > length:
                break
            pairs_left -= 1
            if pairs_left < 0:
                return False
            if numbers[shorter] is None:
                numbers[shorter] = tuple(_DIGITS.findall(folded[shorter]))
            if numbers[longer] is None:
                numbers[longer] = tuple(_DIGITS.findall(folded[longer]))
            # _same_facts is symmetric but for its long-line exception, which the longer line allows first.
            if not _same_facts(numbers[shorter], numbers[longer], lengths[longer] >= long_line):
                continue
            if ratio is None:
                from rapidfuzz.fuzz import ratio
            # fuzz.ratio is symmetric, so one score covers either line being the later one.
            if ratio(folded[shorter], folded[longer], processor=None, score_cutoff=threshold) >= threshold:
                return False
    return True


def _same_facts(numbers: Tuple[str, ...], other: Tuple[str, ...], long_line: bool) -> bool:
    """Whether two similar lines can be copies as far as their numbers go.

    Short lines whose numbers differ are parallel facts ("năm 2022 đạt 175,6 tỷ
    USD" / "năm 2023 đạt 185,6 tỷ USD", one forecast line per day). A long
    paragraph repeated with a single figure changed is an updated copy.
    """
    if numbers == other:
        return True
    return long_line and len(numbers) == len(other) and sum(a != b for a, b in zip(numbers, other)) == 1


def _bucket_reach(min_ratio: float) -> int:
    """How many length buckets either side can hold a line long enough to reach the threshold."""
    if min_ratio <= 0:
        return 64
    return max(1, min(64, math.ceil(-math.log(min_ratio) / _BUCKET_BASE)))


def _blocking_keys(folded: str, words: Dict[str, None], frequency: Counter) -> Tuple[str, ...]:
    """Cheap keys that a near-duplicate almost always shares with its original.

    The letter skeleton drops spaces and edge punctuation, so a copy that lost a
    space ("nhiệmỦy") or gained an ellipsis keeps its prefix and suffix. The
    three rarest words of the line that occur in some other line too are keys of
    their own: a copy edited at both ends still shares most of them, and a rare
    word puts few lines in one bucket. (A word found in no other line can match
    nothing, and an edited word is such a word.)
    """
    skeleton = folded.replace(" ", "").strip(_EDGE_PUNCTUATION)
    keys = ["<" + skeleton[:_AFFIX], ">" + skeleton[-_AFFIX:]]
    # sorted() is stable: among equally rare words, the first used wins, so keys are deterministic.
    for word in sorted(words, key=frequency.__getitem__):
        if frequency[word] > 1:
            keys.append("=" + word)
            if len(keys) == 5:
                break
    return tuple(keys)


class TruncatedCopy(Rule):
    """
    ## What it does
    Finds a line that ends with an ellipsis ("..." or "…") and whose text
    before the ellipsis is the beginning of another, longer line of the same
    document: a teaser that repeats the opening of a title or paragraph and
    cuts it off. Case and spaces are ignored in the comparison. The cut-off
    copy is reported wherever it stands, before or after the full line, and
    the fix deletes it.

    The text before the ellipsis must have at least `min-length` characters and
    `min-words` words, so a short opening ("Theo ông..." or "Tuy nhiên...") is
    never taken for a copy.

    ## Why it matters
    News pages print each related article as a title plus the first words of
    its lede, and the lede is cut with "...". When the full paragraph is also
    in the scraped text, the teaser repeats it: the same words twice, the
    second time broken off mid-sentence. rapidfuzz scores such a pair low
    (about 80), so D102 misses it.

    ## Example
    ```
    Ông Võ Văn Thưởng hội đàm với Bí thư Ban Bí thư Trung Quốc

    Ông Võ Văn Thưởng hội đàm với Bí thư...
    ```
    becomes
    ```
    Ông Võ Văn Thưởng hội đàm với Bí thư Ban Bí thư Trung Quốc
    ```

    ## Fix safety
    Unsafe: every word of the deleted line is kept in the full line, but a
    speaker's trailing-off sentence ("Chúng tôi sẽ cố gắng...") that happens to
    open a later paragraph is rare yet possible, and a person should judge it.
    """

    code = "D103"
    name = "truncated-copy"
    summary = "Line cut off with an ellipsis that repeats the start of a longer line"
    default_severity = "warning"
    fix_safety = "unsafe"
    options = (
        Option(name="min-length", type=int, default=20, minimum=1,
               help="Shortest text before the ellipsis, in characters, for a line to count as a copy."),
        Option(name="min-words", type=int, default=4, minimum=1,
               help="Fewest words before the ellipsis for a line to count as a copy."),
    )

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        text = document.text
        if not any(pattern.search(text) for pattern in _ENDS_WITH_ELLIPSIS):
            return  # the common case, decided by two fast regex searches
        content = _content_lines(document)
        if len(content) < 2:
            return
        exact_seen: set = set()
        repeats = set()  # exact repeats of an earlier line are D101's
        for index, item in enumerate(content):
            if item.key in exact_seen:
                repeats.add(index)
            exact_seen.add(item.key)
        for index, source in sorted(_truncated_copies(content, options.min_length, options.min_words).items()):
            if index in repeats:
                continue
            number = content[index].number
            edit = _deletion_edit(self, document, number, number)
            start, end = _diagnostic_span(document, number, number, edit)
            yield self.diagnostic(document, start, end,
                                  f"Line {number} is a truncated copy of line {content[source].number}",
                                  edits=[edit], applicability="unsafe", fix_message=f"Delete line {number}")
