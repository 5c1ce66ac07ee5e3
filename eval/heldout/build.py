"""Build the held-out B/T/D evaluation corpus from eval/heldout/clean/*.txt.

    python -m eval.heldout.build            # regenerate eval/heldout/corpus/
    python -m eval.heldout.build --out DIR  # somewhere else

Deterministic (seeded per document). The chrome comes from eval/heldout/chrome.py,
written without reference to rules/data or eval/data, so the figures measured here
are not figures the block rules were tuned on. Labels follow eval/inject.py exactly
(same keys, families and accepted families), so ``python -m eval.score --corpus
eval/heldout/corpus`` scores them. For every clean article:

- ``clean``: unchanged (false positives on clean text);
- ``header_chrome``: menus, breadcrumbs, datelines, login and reading widgets above
  the title and/or between the title and the lead (B);
- ``footer_chrome``: comment, share, tag, app, newsletter, copyright, licence and
  contact lines after the byline (B), and sometimes an aggregator's source line (T);
- ``inline_chrome``: one to three ads / "Xem thêm" / widget lines between paragraphs (B);
- ``trailer_heading``: a heading and related-article teasers at the end (T);
- ``trailer_no_heading``: a headless teaser run at the end (T);
- ``offtopic_tail``: the titles and first sentences of other held-out articles (T);
- ``duplicate_exact`` / ``duplicate_near``: a later copy of a paragraph (D, the
  original as related lines);
- ``mixed``: a whole scraped page (header, inline, footer, trailer, footer again).
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from eval import inject
from eval.heldout import chrome

HERE = Path(__file__).resolve().parent
CLEAN = HERE / "clean"
CORPUS = HERE / "corpus"
SEED = 20250117


class Article(inject.Article):
    """A held-out article: always titled, with the lead that teasers quote."""

    @property
    def title(self) -> str:
        return self.lines[0]

    @property
    def lead(self) -> str:
        return self.paragraphs[1]

    @property
    def first_sentence(self) -> str:
        return first_sentence(self.lead)


def first_sentence(text: str) -> str:
    match = re.search(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ\"“])", text)
    return text[:match.start()] if match else text


class Doc(inject.Doc):
    """The injector's document (lines with fault ids, labels) plus what the held-out builder needs."""

    def __init__(self, article: Article) -> None:
        super().__init__(article, rng=None)  # the builder passes its own random.Random around

    def content(self) -> List[int]:
        return [i for i, line in enumerate(self.lines) if line.text.strip()]

    def original_indexes(self) -> List[int]:
        """Content lines that still come from the article (no fault on them)."""
        return [i for i in self.content() if not self.lines[i].faults]

    def append_block(self, texts: Sequence[str], fault: inject.Fault, blank_between: bool = True,
                     templates: Sequence[str] = ()) -> None:
        self.insert_block(len(self.lines), texts, fault, blank_between, templates)


# -- filling templates ---------------------------------------------------------------------


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "-".join(re.findall(r"[a-z0-9]+", text)[:9])


def fill(template: str, rng: random.Random, doc: Doc, others: Sequence[Article]) -> str:
    site, domain = rng.choice(chrome.SITES)
    section, sub = rng.choice(chrome.SECTIONS)
    tags = rng.sample(chrome.TAGS, rng.randint(2, 5))
    n = rng.choice((0, 1, 2, 3, 5, 8, 12, 17, 24, 36, 48, 105))
    values = {
        "site": site, "domain": domain, "Domain": domain[:1].upper() + domain[1:],
        "url": f"https://{domain}/{_slug(doc.article.title)}-{rng.randint(10**6, 10**7)}.htm"
               if rng.random() < 0.6 else f"https://{domain}/{_slug(doc.article.title)}-post{rng.randint(10**5, 10**6)}.html",
        "date": f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024" if rng.random() < 0.7
        else f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/2024",
        "time": f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}",
        "weekday": rng.choice(chrome.WEEKDAYS), "d": rng.randint(1, 28), "m": rng.randint(1, 12),
        "section": section, "sub": sub,
        "tags": rng.choice((", ", "; ", " | ", " ")).join(tags) if rng.random() < 0.5 else ", ".join(tags),
        "tags_comma": ", ".join(tags),
        "hashtags": " ".join("#" + t.replace(" ", "") for t in tags) if rng.random() < 0.5
        else " ".join("#" + t for t in tags),
        "title": rng.choice(others).title if others and rng.random() < 0.7 else rng.choice(chrome.EXTRA_TITLES),
        "person": rng.choice(chrome.PEOPLE), "person2": rng.choice(chrome.PEOPLE),
        "address": rng.choice(chrome.ADDRESSES), "phone": rng.choice(chrome.PHONES),
        "n": n, "n2": f"{rng.randint(1, 98)}.{rng.randint(100, 999)}" if rng.random() < 0.5 else rng.randint(12, 999),
        "k": rng.randint(1, max(1, n)) if n else 1, "minutes": rng.randint(2, 9),
        "license": rng.choice(("548", "298", "175", "343", "2225", "96")), "year": rng.choice((2023, 2024)),
    }
    if values["n"] == 0 and "{k}" in template:
        values["n"] = rng.randint(4, 12)
    return template.format(**values)


# -- builders --------------------------------------------------------------------------------


def add_header(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    fault = doc.new_fault("header_chrome", "B", accept=("L",))
    templates = rng.sample(chrome.HEADER, rng.randint(2, 5))
    lines = [fill(t, rng, doc, others) for t in templates]
    fault.detail = " | ".join(templates)
    where = rng.choice(("top", "top", "under-title", "both"))
    if where == "top":
        doc.insert_block(0, lines, fault, blank_between=rng.random() < 0.5, templates=templates)
    elif where == "under-title":
        # datelines, listen/share widgets between the headline and the lead
        doc.insert_block(1, lines[:2], fault, blank_between=rng.random() < 0.5, templates=templates[:2])
    else:
        split = max(1, len(lines) - 1)
        doc.insert_block(1, lines[split:], fault, templates=templates[split:])
        doc.insert_block(0, lines[:split], fault, blank_between=rng.random() < 0.5, templates=templates[:split])


def add_footer(doc: Doc, rng: random.Random, others: Sequence[Article], count: Tuple[int, int] = (2, 6),
               source: Optional[bool] = None) -> None:
    fault = doc.new_fault("footer_chrome", "B", accept=("T", "L"))
    templates = rng.sample(chrome.FOOTER, rng.randint(*count))
    fault.detail = " | ".join(templates)
    lines = [fill(t, rng, doc, others) for t in templates]
    if source if source is not None else rng.random() < 0.5:
        # an aggregator's source line, right under the byline (T, like a trailer)
        src = doc.new_fault("source_line", "T", accept=("B",))
        template = rng.choice(chrome.SOURCE)
        src.detail = template
        doc.append_block([fill(template, rng, doc, others)], src, templates=[template])
    doc.append_block(lines, fault, blank_between=rng.random() < 0.6, templates=templates)


def add_inline(doc: Doc, rng: random.Random, others: Sequence[Article], count: Optional[int] = None) -> None:
    fault = doc.new_fault("inline_chrome", "B", accept=("T", "L"))
    body = doc.original_indexes()[2:-1]  # after the lead, before the byline
    count = count or rng.randint(1, 3)
    spots = sorted(rng.sample(body, min(count, len(body))), reverse=True)
    templates = []
    for index in spots:
        template = rng.choice(chrome.INLINE)
        templates.append(template)
        doc.insert_block(index, [fill(template, rng, doc, others)], fault, templates=[template])
    fault.detail = " | ".join(templates)


def teaser_lead(article: Article, rng: random.Random) -> str:
    words = article.lead.split()
    cut = min(len(words), rng.randint(14, 30))
    return " ".join(words[:cut]).rstrip(",.;:") + rng.choice(("...", "…", " ..."))


def teaser_items(doc: Doc, rng: random.Random, others: Sequence[Article], style: str) -> List[str]:
    items: List[str] = []
    chosen = rng.sample(list(others), rng.randint(3, 6))
    titled = [(a.title, a) for a in chosen]
    if rng.random() < 0.5:
        titled.insert(rng.randint(0, len(titled)), (rng.choice(chrome.EXTRA_TITLES), None))
    item = rng.choice(chrome.ITEM_STYLES) if style != "title+lead" else rng.choice(("{title}", "{title}", "» {title}"))
    for i, (title, article) in enumerate(titled, 1):
        site, _ = rng.choice(chrome.SITES)
        ago = rng.choice(("2 giờ trước", "35 phút trước", "1 ngày trước", "Hôm qua"))
        date = f"{rng.randint(1, 28):02d}/{rng.randint(10, 12):02d}/2024"
        items.append(item.format(title=title, i=i, date=date, site=site, ago=ago))
        if style == "title+lead" and article is not None:
            items.append(teaser_lead(article, rng))
        elif style == "title+time":
            items.append(fill(rng.choice(chrome.TIMESTAMPS), rng, doc, others))
    return items


def add_trailer(doc: Doc, rng: random.Random, others: Sequence[Article], heading: bool) -> None:
    fault = doc.new_fault("trailer_heading" if heading else "trailer_no_heading", "T", accept=("B", "D"))
    style = rng.choice(("title", "title+lead", "title+time"))
    items = teaser_items(doc, rng, others, style)
    templates: List[str] = []
    if heading:
        template = rng.choice(chrome.TRAILER_HEADINGS)
        items.insert(0, fill(template, rng, doc, others))
        templates = [template]
        fault.detail = template
    else:
        fault.detail = style
    doc.append_block(items, fault, blank_between=rng.random() < 0.5, templates=templates)


def add_offtopic(doc: Doc, rng: random.Random, others: Sequence[Article]) -> None:
    """The next articles of an endless-scroll page: their titles and first sentences, no heading."""
    fault = doc.new_fault("offtopic_tail", "T", accept=("B",))
    chosen = rng.sample(list(others), rng.randint(1, 3))
    fault.detail = " | ".join(a.name for a in chosen)
    items: List[str] = []
    for article in chosen:
        items.append(article.title)
        items.append(article.first_sentence if rng.random() < 0.6 else article.lead)
    doc.append_block(items, fault)


def near_copy(text: str, rng: random.Random) -> Tuple[str, str]:
    words = text.split(" ")
    kinds = ["truncate", "drop", "prefix", "quotes", "first-sentence", "number", "semicolon", "case"]
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "truncate" and len(words) > 14:
            return kind, " ".join(words[:max(10, len(words) * 2 // 3)]).rstrip(",.;:") + rng.choice(("...", "…"))
        if kind == "drop" and len(words) > 10:
            at = rng.randrange(2, len(words) - 2)
            return kind, " ".join(words[:at] + words[at + 1:])
        if kind == "prefix":
            return kind, rng.choice(("(Dân trí) - ", "TTO - ", "VOV.VN - ", "(Chinhphu.vn) - ", "NLĐO - ",
                                     "(Vietnam+) - ", "QĐND - ")) + text
        if kind == "quotes" and '"' in text:
            return kind, re.sub(r'"([^"]*)"', r"“\1”", text)
        if kind == "first-sentence":
            first = first_sentence(text)
            if first != text and len(first.split()) >= 8:
                return kind, first
        if kind == "number" and re.search(r"\d", text):
            return kind, re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), text, count=1)
        if kind == "semicolon" and "," in text:
            return kind, text.replace(",", ";", 1)
        if kind == "case" and len(words) > 8:
            return kind, text.upper() if len(words) < 14 else text[:1].lower() + text[1:]
    return "period", text.rstrip(".") + "."


def add_duplicate(doc: Doc, rng: random.Random, others: Sequence[Article], near: bool) -> None:
    fault = doc.new_fault("duplicate_near" if near else "duplicate_exact", "D")
    content = doc.original_indexes()
    body = [i for i in content[:-1] if len(doc.lines[i].text.split()) >= (10 if near else 5)]
    if rng.random() < 0.25:
        source = content[0] if not near else content[1]  # the title, or the lead shown twice
    else:
        source = rng.choice(body)
    original = doc.lines[source]
    kind, copy = near_copy(original.text, rng) if near else ("exact", original.text)
    original.related.add(fault.id)
    later = [i for i in content[:-1] if i > source]  # never after the byline
    where = rng.choice(("adjacent", "adjacent-no-blank", "later")) if later else "adjacent"
    fault.detail = f"{kind}, {where}"
    if where == "adjacent-no-blank":
        doc.lines.insert(source + 1, inject.Line(copy, {fault.id}))
    elif where == "adjacent":
        doc.insert_block(source + 1, [copy], fault)
    else:
        doc.insert_block(rng.choice(later) + 1, [copy], fault)


PLANS = ("clean", "header_chrome", "footer_chrome", "inline_chrome", "trailer_heading", "trailer_no_heading",
         "offtopic_tail", "duplicate_exact", "duplicate_near", "mixed")


def build(article: Article, plan: str, rng: random.Random, others: Sequence[Article]) -> Doc:
    doc = Doc(article)
    if plan == "header_chrome":
        add_header(doc, rng, others)
    elif plan == "footer_chrome":
        add_footer(doc, rng, others)
    elif plan == "inline_chrome":
        add_inline(doc, rng, others)
    elif plan in ("trailer_heading", "trailer_no_heading"):
        add_trailer(doc, rng, others, heading=plan == "trailer_heading")
    elif plan == "offtopic_tail":
        add_offtopic(doc, rng, others)
    elif plan in ("duplicate_exact", "duplicate_near"):
        add_duplicate(doc, rng, others, near=plan == "duplicate_near")
    elif plan == "mixed":
        # a whole page: duplicates first (they pick original lines), then chrome around them
        add_duplicate(doc, rng, others, near=rng.random() < 0.5)
        add_inline(doc, rng, others, count=rng.randint(1, 2))
        add_header(doc, rng, others)
        add_footer(doc, rng, others, count=(1, 3))
        add_trailer(doc, rng, others, heading=True)
        add_footer(doc, rng, others, count=(2, 4), source=False)
    return doc


def load_articles() -> List[Article]:
    return [Article(p.stem, p.read_text(encoding="utf-8")) for p in sorted(CLEAN.glob("*.txt"))]


def generate(out: Path = CORPUS) -> List[dict]:
    articles = load_articles()
    inject.fresh_corpus_folder(out)
    manifest = []
    for article in articles:
        others = [a for a in articles if a.name != article.name]
        for plan in PLANS:
            doc_id = f"{article.name}__{plan}"
            rng = random.Random(f"{SEED}:{doc_id}")
            doc = build(article, plan, rng, others)
            manifest.append(inject.write_document(out, doc_id, doc, plan, f"heldout/clean/{article.name}.txt",
                                                  gate=False))
    return manifest


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=CORPUS, help="output folder (default: eval/heldout/corpus)")
    args = parser.parse_args(argv)
    inject.report_written(generate(args.out), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
