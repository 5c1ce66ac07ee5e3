"""CI quality gate: precision and recall per rule family on a fixed slice of the labelled corpus.

The slice is every document built from the articles in ``eval.inject.GATE_ARTICLES``
(every fault type, plus clean and mixed documents); the scorer runs the real
``vnlint`` CLI on it. Floors live in eval/floors.json: raise them as the rules
improve, never lower them to get a change through. The full figures come from
``python -m eval.score``.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path

import pytest

from eval import inject, legacy, score

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def gate_results() -> dict:
    return score.evaluate(gate_only=True, examples=5)


@pytest.mark.parametrize("family", score.FAMILIES)
def test_family_meets_its_floors(gate_results: dict, family: str) -> None:
    floors = score.load_floors()
    figures = gate_results["families"][family]
    problems = [p for p in score.below_floors(gate_results, floors) if p.startswith(f"{family} ")]
    details = "\n".join(
        ["false positives:"] + gate_results["false_positive_examples"].get(family, [])
        + ["misses:"] + gate_results["miss_examples"].get(family, []))
    assert not problems, f"{'; '.join(problems)} ({figures})\n{details}"


def test_fixing_a_clean_document_changes_nothing(gate_results: dict) -> None:
    clean = gate_results["fidelity"]["clean"]
    assert clean.get("changed_safe", 0) == 0 and clean.get("changed_unsafe", 0) == 0, clean


def test_floors_file_is_complete() -> None:
    floors = score.load_floors()
    for metric in ("precision", "recall"):
        assert set(floors[metric]) == set(score.FAMILIES)
        assert all(0 < value <= 1 for value in floors[metric].values())


def test_clean_articles_are_clean_text() -> None:
    """The clean base is ground truth: NFC, single spaces, one blank line between paragraphs,
    and traditional tone placement throughout (hòa, thủy, ủy)."""
    for path in sorted((REPO / "eval" / "clean").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path.name
        assert text.endswith("\n") and not text.endswith("\n\n"), path.name
        assert "\n\n\n" not in text and "  " not in text and "\u00a0" not in text, path.name
        for line in text.split("\n"):
            assert line == line.strip(), (path.name, line)
        assert inject.to_modern(text) != text or "hòa" not in text, path.name  # the converter sees this text
        modern = re.search(r"(?i)\b\w*(o[àáảãạèéẻẽẹ]|(?<!q)u[ỳýỷỹỵ])(?!\w)", text)
        assert not modern, f"{path.name} has modern tone placement: {modern.group()}"


def test_modern_tone_conversion() -> None:
    assert inject.to_modern("hòa bình, Thủy, khỏe, Ủy ban") == "hoà bình, Thuỷ, khoẻ, Uỷ ban"
    assert inject.to_modern("của, mùa, quý, hoàn, thuở") == "của, mùa, quý, hoàn, thuở"


def test_injected_typos_are_not_vietnamese_syllables() -> None:
    assert "đườc" in inject.typo_candidates("được")
    assert "đìều" in inject.typo_candidates("điều")
    assert "ngiệp" in inject.typo_candidates("nghiệp")


def test_legacy_encoders() -> None:
    assert legacy.mojibake_cp1252("Việt") == "Viá»‡t"
    assert legacy.tcvn3("Việt Nam") == "ViÖt Nam"
    assert legacy.vni("Trường") == "Tröôøng"
    assert legacy.cp1258("Việt") == "Viêòt"
    assert legacy.mojibake_latin1("Đ") == "Ä\x90"


def _rules_table(name: str):
    path = REPO / "rules" / "data" / name
    if not path.exists():
        pytest.skip(f"{name} not there yet")
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").split("\n")
            if line and not line.startswith("#")]
    return rows[1:]


def test_tcvn3_table_agrees_with_the_rules_data() -> None:
    theirs = {row[3]: chr(int(row[0], 16)) for row in _rules_table("encoding_tcvn3.tsv") if row[1] == "vn3"}
    mine = legacy.tcvn3_table()
    assert {k: (v, theirs.get(k)) for k, v in mine.items() if theirs.get(k) != v} == {}


def test_vni_table_agrees_with_the_rules_data() -> None:
    theirs = {row[0]: row[1] for row in _rules_table("encoding_vni.tsv")}
    mine = legacy.vni_table()
    differ = {k for k in set(mine) | set(theirs) if mine.get(k, k) != theirs.get(k, k)}
    assert differ == set()


def test_injector_is_deterministic(tmp_path: Path) -> None:
    """Regenerating the corpus gives the committed files byte for byte."""
    inject.generate(tmp_path / "corpus")
    committed = REPO / "eval" / "corpus"

    def digest(folder: Path) -> dict:
        return {p.relative_to(folder).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
                for p in sorted(folder.rglob("*")) if p.is_file()}

    assert digest(tmp_path / "corpus") == digest(committed), "eval/corpus is stale: run `python -m eval.inject`"


def test_labels_point_inside_their_documents() -> None:
    for path in sorted((REPO / "eval" / "corpus" / "labels").glob("*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        lines = (REPO / "eval" / "corpus" / "docs" / f"{label['id']}.txt").read_text(encoding="utf-8").count("\n")
        for fault in label["faults"]:
            assert fault["family"] in score.FAMILIES and fault["family"] in fault["accept"]
            for first, last in fault["lines"] + fault["related_lines"]:
                assert 1 <= first <= last <= lines, (label["id"], fault)
        assert re.fullmatch(r"[0-9a-f]{40}", label["expected_sha1"])
