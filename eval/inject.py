"""Seeded, deterministic fault injection: clean articles in, labelled faulty documents out.

    python -m eval.inject            # regenerate eval/corpus/ from eval/clean/
    python -m eval.inject --out DIR  # somewhere else (the determinism test does this)

Every faulty document is built from one clean article (eval/clean/*.txt) by a list
of faults. A document is held as a list of lines, each carrying the ids of the faults
on it, so line numbers stay right however many lines later faults insert or
remove. The output, per document:

- ``docs/<id>.txt``: the faulty text;
- ``labels/<id>.json``: its faults (type, family, families whose diagnostics are
  also right there, 1-based line ranges in the faulty text, lines of an original
  that a duplicate copies) and ``expected``, the clean text's file.

The expected output of a perfect ``vnlint --fix`` is always the clean article.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Set, Tuple

from eval import legacy

EVAL = Path(__file__).resolve().parent
CLEAN = EVAL / "clean"
DATA = EVAL / "data"
CORPUS = EVAL / "corpus"
SEED = 20241112
SITES = ("VnExpress", "Tuổi Trẻ", "Thanh Niên", "Dân trí", "VietnamNet", "Người Lao Động", "Tiền Phong",
         "Lao Động", "Báo Mới", "Znews", "VOV", "Sài Gòn Giải Phóng")
DOMAINS = ("vnexpress.net", "tuoitre.vn", "thanhnien.vn", "dantri.com.vn", "vietnamnet.vn", "nld.com.vn",
           "tienphong.vn", "laodong.vn", "baomoi.com", "znews.vn", "vov.vn", "sggp.org.vn")
SECTIONS = ("Thời sự", "Kinh doanh", "Thể thao", "Sức khỏe", "Giáo dục", "Pháp luật", "Thế giới", "Văn hóa",
            "Công nghệ", "Du lịch", "Bất động sản", "Đời sống", "Giao thông", "Xã hội")
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


# -- the document model ------------------------------------------------------------


@dataclass
class Line:
    text: str
    faults: Set[int] = field(default_factory=set)
    related: Set[int] = field(default_factory=set)  # an original that fault <id> duplicates
    template: str = ""  # the chrome template this line was filled from


@dataclass
class Fault:
    id: int
    type: str
    family: str
    accept: Tuple[str, ...]
    detail: str = ""


@dataclass
class Article:
    name: str
    text: str

    @property
    def lines(self) -> List[str]:
        return self.text.rstrip("\n").split("\n")

    @property
    def title(self) -> Optional[str]:
        return None if self.name == "seed_002" else self.lines[0]

    @property
    def paragraphs(self) -> List[str]:
        return [line for line in self.lines if line.strip()]


class Doc:
    def __init__(self, article: Article, rng: random.Random) -> None:
        self.article = article
        self.rng = rng
        self.lines = [Line(text) for text in article.lines]
        self.faults: List[Fault] = []

    def new_fault(self, type_: str, family: str, accept: Sequence[str] = (), detail: str = "") -> Fault:
        fault = Fault(len(self.faults) + 1, type_, family, tuple(dict.fromkeys((family, *accept))), detail)
        self.faults.append(fault)
        return fault

    # positions of content lines, skipping the title (line 0) unless asked
    def body_indexes(self, with_title: bool = False, min_words: int = 0) -> List[int]:
        start = 0 if with_title or self.article.title is None else 1
        return [i for i in range(start, len(self.lines))
                if self.lines[i].text.strip() and len(self.lines[i].text.split()) >= min_words]

    def last_content_index(self) -> int:
        return max(i for i, line in enumerate(self.lines) if line.text.strip())

    def insert_block(self, index: int, texts: Sequence[str], fault: Optional[Fault], blank_between: bool = True,
                     templates: Sequence[str] = ()) -> None:
        """Insert texts before line index as new paragraph(s), keeping one blank line on each side."""
        block: List[Line] = []
        for k, text in enumerate(texts):
            block.append(Line(text, {fault.id} if fault else set(), template=templates[k] if k < len(templates) else ""))
            if blank_between and k < len(texts) - 1:
                block.append(Line(""))
        if index > 0 and self.lines[index - 1].text.strip():
            block.insert(0, Line(""))
        if index < len(self.lines) and self.lines[index].text.strip():
            block.append(Line(""))
        self.lines[index:index] = block

    def render(self) -> str:
        return "\n".join(line.text for line in self.lines) + "\n"

    def labels(self) -> List[dict]:
        out = []
        for fault in self.faults:
            lines = [i + 1 for i, line in enumerate(self.lines) if fault.id in line.faults]
            related = [i + 1 for i, line in enumerate(self.lines) if fault.id in line.related]
            if not lines:
                continue  # the fault found nowhere to go in this article
            label = {"type": fault.type, "family": fault.family, "accept": list(fault.accept),
                     "detail": fault.detail, "lines": _ranges(lines), "related_lines": _ranges(related)}
            templates = {str(i + 1): line.template for i, line in enumerate(self.lines)
                         if fault.id in line.faults and line.template}
            if templates:
                label["templates"] = templates
            out.append(label)
        return out


def _ranges(numbers: Sequence[int]) -> List[List[int]]:
    ranges: List[List[int]] = []
    for n in sorted(numbers):
        if ranges and n == ranges[-1][1] + 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    return ranges


# -- shared corpus material -----------------------------------------------------------


def load_articles() -> List[Article]:
    return [Article(p.stem, p.read_text(encoding="utf-8")) for p in sorted(CLEAN.glob("*.txt"))]


def load_list(name: str) -> List[str]:
    return [line for line in (DATA / name).read_text(encoding="utf-8").split("\n")
            if line.strip() and not line.startswith("#")]


def teaser(article: Article, rng: random.Random) -> Tuple[str, str]:
    """A related-article teaser: the title and the start of the lead, cut with an ellipsis."""
    title = article.title or article.paragraphs[0][:80]
    lead = article.paragraphs[1] if article.title else article.paragraphs[0]
    words = lead.split()
    cut = min(len(words), rng.randint(18, 32))
    return title, " ".join(words[:cut]).rstrip(",.;:") + "..."


def fill(template: str, rng: random.Random, doc: Optional[Doc] = None, others: Sequence[Article] = ()) -> str:
    site_index = rng.randrange(len(SITES))
    values = {
        "date": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024",
        "time": f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}",
        "weekday": rng.choice(WEEKDAYS),
        "site": SITES[site_index],
        "site_domain": DOMAINS[site_index].capitalize(),
        "section": rng.choice(SECTIONS),
        "tags": "; ".join(rng.sample(["kinh tế", "xuất khẩu", "Hà Nội", "TP.HCM", "giáo dục", "y tế", "bóng đá",
                                      "giao thông", "thời tiết", "công nghệ", "pháp luật"], 3)),
        "url": f"https://{DOMAINS[site_index]}/{_slug(doc.article) if doc else 'tin-tuc'}-{rng.randint(10**8, 10**9)}.htm",
        "title": teaser(rng.choice(others), rng)[0] if others else "Tin mới nhất",
        "own_title": doc.article.title if doc and doc.article.title else "Ảnh minh họa",
    }
    return template.format(**values)


def _slug(article: Article) -> str:
    title = unicodedata.normalize("NFD", (article.title or article.paragraphs[0]).lower()).replace("đ", "d")
    title = "".join(c for c in title if not unicodedata.combining(c))
    return "-".join(re.findall(r"[a-z0-9]+", title)[:8])


# -- fault injectors: each takes (doc, rng, others) and records its fault --------------

Injector = Callable[[Doc, random.Random, Sequence[Article]], None]


def _whole_doc(doc: Doc, fault: Fault, transform: Callable[[str], str]) -> None:
    for line in doc.lines:
        new = transform(line.text)
        if new != line.text:
            line.text = new
            line.faults.add(fault.id)


def _one_paragraph(doc: Doc, fault: Fault, transform: Callable[[str], str], rng: random.Random) -> None:
    candidates = [i for i in doc.body_indexes(with_title=True) if transform(doc.lines[i].text) != doc.lines[i].text]
    if candidates:
        index = rng.choice(candidates)
        doc.lines[index].text = transform(doc.lines[index].text)
        doc.lines[index].faults.add(fault.id)


def encoding_fault(name: str, transform: Callable[[str], str], scope: str) -> Injector:
    def inject(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
        fault = doc.new_fault(name, "E", detail=scope)
        if scope == "document":
            _whole_doc(doc, fault, transform)
        else:
            _one_paragraph(doc, fault, transform, rng)
    return inject


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


INVISIBLES = ("\u200b", "\u00ad", "\u200c", "\u2060", "\ufeff", "\u200e", "\u200d")


def inject_invisible(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    fault = doc.new_fault("invisible", "E")
    for index in rng.sample(doc.body_indexes(min_words=8), 2):
        line = doc.lines[index]
        for _ in range(rng.randint(1, 3)):
            char = rng.choice(INVISIBLES)
            spaces = [m.start() for m in re.finditer(" ", line.text)]
            if rng.random() < 0.5 and spaces:
                at = rng.choice(spaces)  # next to a space: "Hà Nội\u200b đã"
            else:
                words = [m.start() + 1 for m in re.finditer(r"\w\w", line.text)]
                at = rng.choice(words)  # inside a word: "Hà\u00adNội"
            line.text = line.text[:at] + char + line.text[at:]
        line.faults.add(fault.id)


def inject_bom(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    fault = doc.new_fault("bom", "E")
    doc.lines[0].text = "\ufeff" + doc.lines[0].text
    doc.lines[0].faults.add(fault.id)


UNUSUAL_SPACES = ("\u00a0", "\u00a0", "\u00a0", "\u202f", "\u2009", "\u3000")


def inject_nbsp(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    fault = doc.new_fault("nbsp", "E")
    for index in rng.sample(doc.body_indexes(min_words=8), 2):
        line = doc.lines[index]
        spaces = [m.start() for m in re.finditer(" ", line.text)]
        for at in rng.sample(spaces, min(len(spaces), rng.randint(1, 4))):
            line.text = line.text[:at] + rng.choice(UNUSUAL_SPACES) + line.text[at + 1:]
        line.faults.add(fault.id)
    if rng.random() < 0.4:
        # a paragraph holding only a no-break space, as CMS editors leave behind
        index = rng.choice(doc.body_indexes())
        doc.insert_block(index, ["\u00a0"], fault)


def _segment_pyvi(text: str) -> str:
    from pyvi import ViTokenizer

    return ViTokenizer.tokenize(text) if text.strip() else text


def _segment_vncorenlp_style(text: str) -> str:
    from underthesea import word_tokenize

    return word_tokenize(text, format="text") if text.strip() else text


def segmentation_fault(name: str, segment: Callable[[str], str], scope: str) -> Injector:
    def inject(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
        fault = doc.new_fault(name, "S", accept=("W",), detail=scope)
        if scope == "document":
            _whole_doc(doc, fault, segment)
        else:
            _one_paragraph(doc, fault, segment, rng)
    return inject


_ABBREVIATIONS = {"TP", "Th", "TS", "ThS", "PGS", "GS", "BS", "St", "Mr", "Dr", "U", "S", "T", "Ư", "Q"}
_SENTENCE_GAP = re.compile(r"(?<=[\w)\"”])\. (?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")


def inject_glued_sentence(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    fault = doc.new_fault("glued_sentence", "W")
    spots = []
    for index in doc.body_indexes():
        text = doc.lines[index].text
        for match in _SENTENCE_GAP.finditer(text):
            previous = re.findall(r"[\w.]+$", text[:match.start()])
            if previous and (previous[0] in _ABBREVIATIONS or "." in previous[0]):
                continue
            spots.append((index, match.start()))
    for index, at in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 3))), reverse=True):
        line = doc.lines[index]
        line.text = line.text[:at + 1] + line.text[at + 2:]
        line.faults.add(fault.id)


def inject_glued_byline(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    """The byline loses its own paragraph: "... tính đến tháng 8.Huyền Lê"."""
    last = doc.last_content_index()
    byline = doc.lines[last].text
    if len(byline.split()) > 6:
        return
    previous = max(i for i in range(last) if doc.lines[i].text.strip())
    fault = doc.new_fault("glued_byline", "W", accept=("T", "B"))
    doc.lines[previous].text += byline
    doc.lines[previous].faults.add(fault.id)
    del doc.lines[previous + 1:last + 1]


def inject_glued_words(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    """A dropped space before a capital: "Chủ nhiệmỦy ban"."""
    fault = doc.new_fault("glued_words", "W")
    # str.isupper, not a character range: À-Ỹ interleaves capitals and small letters
    spots = [(i, m.start()) for i in doc.body_indexes()
             for m in re.finditer(r"(?<=[^\W\d_]{2}) (?=[^\W\d_]{2})", doc.lines[i].text)
             if doc.lines[i].text[m.start() - 1].islower() and doc.lines[i].text[m.start() + 1].isupper()
             and doc.lines[i].text[m.start() + 2].islower()]
    for index, at in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 2))), reverse=True):
        line = doc.lines[index]
        line.text = line.text[:at] + line.text[at + 1:]
        line.faults.add(fault.id)


def inject_space_before_punct(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    fault = doc.new_fault("space_before_punct", "W")
    spots = [(i, m.start()) for i in doc.body_indexes()
             for m in re.finditer(r"(?<=[a-zà-ỹđ])[,;:](?= )", doc.lines[i].text)]
    for index, at in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 3))), reverse=True):
        line = doc.lines[index]
        line.text = line.text[:at] + " " + line.text[at:]
        line.faults.add(fault.id)


def inject_blank_run(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    fault = doc.new_fault("blank_line_run", "W")
    blanks = [i for i, line in enumerate(doc.lines) if not line.text.strip() and 0 < i < len(doc.lines) - 1]
    index = rng.choice(blanks)
    doc.lines[index:index] = [Line("", {fault.id}) for _ in range(rng.randint(2, 12))]


def inject_trailing_space(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    fault = doc.new_fault("trailing_space", "W", accept=("E",))  # a trailing no-break space is E003's too
    for index in rng.sample(doc.body_indexes(with_title=True), 2):
        doc.lines[index].text += rng.choice((" ", "  ", "\t", " \u00a0"))
        doc.lines[index].faults.add(fault.id)


# Traditional tone placement (hòa, khỏe, thủy) -> modern (hoà, khoẻ, thuỷ) in open syllables.
# Only the clusters oa, oe and uy move their tone; "của", "mùa" (ua) keep it on u in both styles.
_TRADITIONAL = re.compile(
    r"(?<![qQ\w\u0300-\u036f])([^\W\d_]*?)(?:([oO])([\u0300\u0301\u0303\u0309\u0323])([aAeE])"
    r"|([uU])([\u0300\u0301\u0303\u0309\u0323])([yY]))(?![\w\u0300-\u036f])"
)


def _move_tone(match: re.Match[str]) -> str:
    onset = match.group(1)
    if onset.lower().endswith("q"):
        return match.group()
    if match.group(2):
        return onset + match.group(2) + match.group(4) + match.group(3)
    return onset + match.group(5) + match.group(7) + match.group(6)


def to_modern(text: str) -> str:
    return unicodedata.normalize("NFC", _TRADITIONAL.sub(_move_tone, unicodedata.normalize("NFD", text)))


def inject_tone_mixed(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    """Modern placement in a minority of lines, beside traditional placement elsewhere."""
    fault = doc.new_fault("tone_mixed", "V")
    counts = {i: len(_TRADITIONAL.findall(unicodedata.normalize("NFD", doc.lines[i].text)))
              for i in doc.body_indexes(with_title=True)}
    total = sum(counts.values())
    candidates = [i for i, n in counts.items() if n]
    if total < 2:
        return
    rng.shuffle(candidates)
    changed = 0
    for index in candidates:
        if changed and (changed + counts[index]) * 2 >= total:
            break
        if counts[index] * 2 >= total:
            continue
        doc.lines[index].text = to_modern(doc.lines[index].text)
        doc.lines[index].faults.add(fault.id)
        changed += counts[index]


@lru_cache(maxsize=1)
def _dictionary_syllables() -> frozenset:
    """Syllables of a Vietnamese word list, to make sure an injected typo is not a real syllable."""
    try:
        import underthesea

        path = Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"
        words = path.read_text(encoding="utf-8").split("\n")
    except Exception:  # pragma: no cover - underthesea is a dev dependency
        return frozenset()
    return frozenset(s.lower() for w in words for s in re.split(r"[\s-]+", w) if s)


_STOP_TONE = re.compile(r"[\u0301\u0323](?=[\w\u0300-\u036f]*(?:p|t|c|ch)$)")


def typo_candidates(word: str) -> List[str]:
    """Phonotactically impossible misspellings of one syllable."""
    lower = word.lower()
    out = []
    decomposed = unicodedata.normalize("NFD", word)
    stop_tone = _STOP_TONE.search(decomposed)
    if re.search(r"(p|t|c|ch)$", lower) and stop_tone:
        # a stop coda takes only sắc or nặng: "được" -> "đườc"; the new tone goes after the
        # letter's other marks, or NFC could not compose it ("ệ" is e + dot below + circumflex)
        stripped = decomposed[:stop_tone.start()] + decomposed[stop_tone.end():]
        at = stop_tone.start()
        while at < len(stripped) and unicodedata.combining(stripped[at]):
            at += 1
        for tone in ("\u0300", "\u0309", "\u0303"):
            out.append(unicodedata.normalize("NFC", stripped[:at] + tone + stripped[at:]))
    tones = [m for m in re.finditer(r"[\u0300\u0301\u0303\u0309\u0323]", decomposed)]
    vowels = [m for m in re.finditer(r"[aeiouy]", decomposed, re.I)]
    if len(tones) == 1 and len(vowels) >= 2 and vowels[1].start() < tones[0].start() \
            and not unicodedata.combining(decomposed[vowels[0].end()]):
        # a second tone mark on the glide: "điều" -> "đìều"
        at = vowels[0].end()
        while at < len(decomposed) and unicodedata.combining(decomposed[at]):
            at += 1
        out.append(unicodedata.normalize("NFC", decomposed[:at] + "\u0300" + decomposed[at:]))
    if lower.startswith("ngh"):
        out.append(word[:2] + word[3:])  # "nghiệp" -> "ngiệp"
    if lower.startswith("k") and not lower.startswith("kh"):
        out.append(("C" if word[0] == "K" else "c") + word[1:])  # "kinh" -> "cinh"
    known = _dictionary_syllables()
    return [c for c in out if c.lower() not in known and c != word]


def inject_misspelling(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    fault = doc.new_fault("misspelled_syllable", "V")
    spots = []
    for index in doc.body_indexes():
        for match in re.finditer(r"(?<![\w@#./-])[^\W\d_]+(?![\w@./-])", doc.lines[index].text):
            if match.group().isupper() and len(match.group()) > 1:
                continue
            for typo in typo_candidates(match.group()):
                spots.append((index, match.start(), match.end(), typo))
    chosen: Dict[int, tuple] = {}
    rng.shuffle(spots)
    for spot in spots:
        chosen.setdefault(spot[0], spot)
        if len(chosen) == 2:
            break
    for index, start, end, typo in chosen.values():
        line = doc.lines[index]
        line.text = line.text[:start] + typo + line.text[end:]
        line.faults.add(fault.id)


def inject_header_chrome(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    fault = doc.new_fault("header_chrome", "B", accept=("L",))  # some chrome is English ("Powered by ...")
    templates = rng.sample(load_list("chrome_header.txt"), rng.randint(1, 3))
    lines = [fill(t, rng, doc, others) for t in templates]
    fault.detail = " | ".join(templates)
    if rng.random() < 0.5:
        doc.insert_block(0, lines, fault, blank_between=rng.random() < 0.5, templates=templates)
    else:
        # after the title, as a dateline under the headline
        title_end = 1 if doc.article.title else 0
        doc.insert_block(title_end, lines[:1], fault, templates=templates)


def inject_footer_chrome(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    fault = doc.new_fault("footer_chrome", "B", accept=("T", "L"))
    templates = rng.sample(load_list("chrome_footer.txt"), rng.randint(1, 4))
    fault.detail = " | ".join(templates)
    lines = [fill(t, rng, doc, others) for t in templates]
    doc.insert_block(len(doc.lines), lines, fault, blank_between=rng.random() < 0.6, templates=templates)


def inject_inline_chrome(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    fault = doc.new_fault("inline_chrome", "B", accept=("T", "L"))
    template = rng.choice(load_list("chrome_inline.txt"))
    fault.detail = template
    body = doc.body_indexes()
    index = rng.choice(body[1:-1] or body)
    doc.insert_block(index, [fill(template, rng, doc, others)], fault, templates=[template])


def _trailer(doc: Doc, rng: random.Random, others: Sequence[Article], heading: bool, type_: str) -> None:
    fault = doc.new_fault(type_, "T", accept=("B", "D"))
    items = []
    pool = [a for a in others if a.title]
    style = rng.choice(("title+lead", "title", "title-twice"))
    for article in rng.sample(pool, min(len(pool), rng.randint(3, 8))):
        title, lead = teaser(article, rng)
        if style == "title+lead":
            items += [title, lead]
        elif style == "title-twice":
            items += [rng.choice(("", " ", "  ")) + title, title, lead]
        else:
            items.append(title)
    if heading:
        chosen = rng.choice(load_list("trailer_headings.txt"))
        fault.detail = chosen
        items.insert(0, chosen)
    else:
        fault.detail = style
    templates = [fault.detail] if heading else []
    doc.insert_block(len(doc.lines), items, fault, blank_between=style != "title", templates=templates)


def inject_trailer_heading(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    _trailer(doc, rng, others, True, "trailer_heading")


def inject_trailer_noheading(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    _trailer(doc, rng, others, False, "trailer_no_heading")


def inject_offtopic_tail(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    """The start of the next article on the page, appended with no heading."""
    fault = doc.new_fault("offtopic_tail", "T", accept=("B",))
    other = rng.choice([a for a in others if a.title])
    fault.detail = other.name
    paragraphs = other.paragraphs[:rng.randint(2, 3)]
    doc.insert_block(len(doc.lines), paragraphs, fault)


def _near_copy(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    kind = rng.choice(("truncate", "drop", "number", "glue", "indent", "quote"))
    if kind == "truncate" and len(words) > 12:
        return " ".join(words[:max(8, len(words) * 2 // 3)]).rstrip(",.;") + "..."
    if kind == "drop" and len(words) > 8:
        at = rng.randrange(1, len(words) - 1)
        return " ".join(words[:at] + words[at + 1:])
    if kind == "number" and re.search(r"\d", text):
        return re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), text, count=1)
    if kind == "glue":
        glued = re.sub(r"(?<=[a-zà-ỹđ]) (?=[A-ZĐÀ-Ỹ])", "", text, count=1)
        if glued != text:
            return glued
    if kind == "indent":
        return "  " + text
    return text.replace(",", ";", 1) if "," in text else text + "."


def inject_duplicate(doc: Doc, rng: random.Random, others: Sequence[Article], near: bool = False) -> None:
    fault = doc.new_fault("duplicate_near" if near else "duplicate_exact", "D")
    body = doc.body_indexes(with_title=True, min_words=6 if near else 3)
    source = rng.choice(body)
    original = doc.lines[source]
    copy = _near_copy(original.text, rng) if near else original.text
    original.related.add(fault.id)
    where = rng.choice(("adjacent", "adjacent-no-blank", "later"))
    fault.detail = where
    if where == "adjacent-no-blank":
        doc.lines.insert(source + 1, Line(copy, {fault.id}))
    elif where == "adjacent" or source == body[-1]:
        doc.insert_block(source + 1, [copy], fault)
    else:
        target = rng.choice([i for i in body if i > source]) + 1
        doc.insert_block(target, [copy], fault)


def inject_near_duplicate(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    inject_duplicate(doc, rng, others, near=True)


def inject_english(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    fault = doc.new_fault("english_line", "L", accept=("B",))
    sentences = load_list("english.txt")
    text = " ".join(rng.sample(sentences, rng.randint(1, 2)))
    fault.detail = text[:40]
    body = doc.body_indexes()
    doc.insert_block(rng.choice(body[1:] or body), [text], fault)


# name -> (family, injector, stage). Stages: 0 structure, 1 line edits, 2 segmentation, 3 encodings.
FAULTS: Dict[str, Tuple[str, Injector, int]] = {
    "mojibake_cp1252": ("E", encoding_fault("mojibake_cp1252", legacy.mojibake_cp1252, "document"), 3),
    "mojibake_cp1252_line": ("E", encoding_fault("mojibake_cp1252_line", legacy.mojibake_cp1252, "line"), 3),
    "mojibake_latin1": ("E", encoding_fault("mojibake_latin1", legacy.mojibake_latin1, "document"), 3),
    "mojibake_double": ("E", encoding_fault("mojibake_double", legacy.mojibake_double, "document"), 3),
    "nfd": ("E", encoding_fault("nfd", nfd, "document"), 3),
    "nfd_line": ("E", encoding_fault("nfd_line", nfd, "line"), 3),
    "tcvn3": ("E", encoding_fault("tcvn3", legacy.tcvn3, "document"), 3),
    "vni": ("E", encoding_fault("vni", legacy.vni, "document"), 3),
    "cp1258": ("E", encoding_fault("cp1258", legacy.cp1258, "document"), 3),
    "invisible": ("E", inject_invisible, 1),
    "bom": ("E", inject_bom, 1),
    "nbsp": ("E", inject_nbsp, 1),
    "segmentation_pyvi": ("S", segmentation_fault("segmentation_pyvi", _segment_pyvi, "document"), 2),
    "segmentation_vncorenlp": ("S", segmentation_fault("segmentation_vncorenlp", _segment_vncorenlp_style, "document"), 2),
    "segmentation_line": ("S", segmentation_fault("segmentation_line", _segment_pyvi, "line"), 2),
    "glued_sentence": ("W", inject_glued_sentence, 1),
    "glued_byline": ("W", inject_glued_byline, 0),
    "glued_words": ("W", inject_glued_words, 1),
    "space_before_punct": ("W", inject_space_before_punct, 1),
    "blank_line_run": ("W", inject_blank_run, 0),
    "trailing_space": ("W", inject_trailing_space, 1),
    "tone_mixed": ("V", inject_tone_mixed, 1),
    "misspelled_syllable": ("V", inject_misspelling, 1),
    "header_chrome": ("B", inject_header_chrome, 0),
    "footer_chrome": ("B", inject_footer_chrome, 0),
    "inline_chrome": ("B", inject_inline_chrome, 0),
    "trailer_heading": ("T", inject_trailer_heading, 0),
    "trailer_no_heading": ("T", inject_trailer_noheading, 0),
    "offtopic_tail": ("T", inject_offtopic_tail, 0),
    "duplicate_exact": ("D", inject_duplicate, 0),
    "duplicate_near": ("D", inject_near_duplicate, 0),
    "english_line": ("L", inject_english, 0),
}
# Faults that may be combined in one "mixed" document (whole-document encodings excluded
# except NFD, so the other faults stay readable).
MIXABLE = [name for name, (_, _, stage) in FAULTS.items() if stage < 2 and name not in ("bom",)]
# The CI quality gate's slice: these clean articles, every fault type, plus their clean and mixed documents.
GATE_ARTICLES = ("seed_000", "art_02", "art_06", "art_13")


def build(article: Article, fault_names: Sequence[str], rng: random.Random, others: Sequence[Article]) -> Doc:
    doc = Doc(article, rng)
    order = sorted(fault_names, key=lambda name: FAULTS[name][2])
    for name in order:
        FAULTS[name][1](doc, rng, others)
    return doc


def generate(out: Path = CORPUS, mixed_per_article: int = 2) -> List[dict]:
    articles = load_articles()
    fresh_corpus_folder(out)
    manifest = []
    for article in articles:
        others = [a for a in articles if a.name != article.name]
        plans: List[Tuple[str, List[str]]] = [("clean", [])]
        plans += [(name, [name]) for name in FAULTS]
        for k in range(mixed_per_article):
            plan_rng = random.Random(f"{SEED}:{article.name}:mixed:{k}")
            families: Dict[str, str] = {}
            for name in plan_rng.sample(MIXABLE, len(MIXABLE)):
                families.setdefault(FAULTS[name][0], name)
            names = plan_rng.sample(sorted(families.values()), plan_rng.randint(3, 5))
            plans.append((f"mixed{k + 1}", names))
        for plan, names in plans:
            doc_id = f"{article.name}__{plan}"
            rng = random.Random(f"{SEED}:{doc_id}")
            doc = build(article, names, rng, others)
            if names and not doc.labels():
                continue  # the fault found no place in this article (e.g. no hòa/thủy to re-place)
            manifest.append(write_document(out, doc_id, doc, plan, f"clean/{article.name}.txt",
                                           gate=article.name in GATE_ARTICLES))
    return manifest


def fresh_corpus_folder(out: Path) -> None:
    """Empty out/ and make its docs/ and labels/ folders."""
    if out.exists():
        shutil.rmtree(out)
    (out / "docs").mkdir(parents=True)
    (out / "labels").mkdir()


def write_document(out: Path, doc_id: str, doc: Doc, plan: str, expected: str, gate: bool) -> dict:
    """Write a faulty document and its labels (what the scorer reads); return the labels."""
    (out / "docs" / f"{doc_id}.txt").write_text(doc.render(), encoding="utf-8")
    label = {
        "id": doc_id,
        "article": doc.article.name,
        "plan": plan,
        "faults": doc.labels(),
        "expected": expected,
        "expected_sha1": hashlib.sha1(doc.article.text.encode("utf-8")).hexdigest(),
        "gate": gate,
    }
    (out / "labels" / f"{doc_id}.json").write_text(json.dumps(label, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
    return label


def report_written(manifest: List[dict], out: Path) -> None:
    faults = sum(len(m["faults"]) for m in manifest)
    print(f"wrote {len(manifest)} documents with {faults} labelled faults to {out}")


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=CORPUS, help="output folder (default: eval/corpus)")
    args = parser.parse_args(argv)
    report_written(generate(args.out), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
