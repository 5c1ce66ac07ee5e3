"""The five seeds under the B and T rules: which lines are flagged, by which code, and what --fix leaves."""

import vnlint
from conftest import fixed, only, seed_text
from vnlint.document import Document


def flagged(text: str, *selectors: str):
    """{line number: sorted codes} for the non-blank lines inside a diagnostic's range."""
    document = Document(text)
    result = {}
    for d in vnlint.check_text(text, only(*selectors)):
        for line in document.lines:
            if line.text.strip() and line.start < d.end_offset and d.start_offset < line.end:
                result.setdefault(line.number, set()).add(d.code)
    return {number: sorted(found) for number, found in result.items()}


def nonblank(text: str):
    return [line for line in text.split("\n") if line.strip()]


def kept_after_fix(text: str, deleted):
    """The non-blank lines of text, minus the deleted line numbers."""
    return [line for number, line in enumerate(text.split("\n"), 1) if line.strip() and number not in deleted]


def test_seed_000_has_no_boilerplate_or_trailer():
    text = seed_text("000")
    assert flagged(text, "B", "T") == {}
    assert fixed(text, "B", "T") == text


def test_seed_001_has_no_boilerplate_or_trailer():
    text = seed_text("001")
    assert flagged(text, "B", "T") == {}
    assert fixed(text, "B", "T") == text


def test_seed_002_section_label_and_aggregator_footer():
    text = seed_text("002")
    assert flagged(text, "B", "T") == {1: ["B101"], 24: ["B101"], 26: ["B104"]}
    result = fixed(text, "B", "T")
    assert nonblank(result) == kept_after_fix(text, {1, 24, 26})
    assert result.startswith("Hội kiến với Bí thư Tỉnh ủy Quảng Đông")
    assert result.endswith("\n\nNgọc Ánh")  # the byline stays


def test_seed_003_credit_caption_marker_sources_and_related_lists():
    text = seed_text("003")
    lines = text.split("\n")
    found = flagged(text, "B", "T")
    trailer = [n for n in range(55, 140) if lines[n - 1].strip()]
    assert found[1] == ["B103"]  # Powered by Techcity
    assert found[11] == ["B105"]  # "Mốc son mới ... - Ảnh 1."
    assert found[51] == ["T102"] and found[53] == ["T102"]  # Thanhnien.vn, Nguồn: https://...
    assert all("T101" in found[n] for n in trailer)  # "Cùng chủ đề" to the end
    assert found[137] == found[139] == ["B101", "T101"]  # Tin nổi bật, Tin mới nhất
    assert sorted(found) == [1, 11, 51, 53] + trailer
    result = fixed(text, "B", "T")
    assert nonblank(result) == kept_after_fix(text, set(found))
    for heading in ("Kỳ vọng sẽ đạt được thành quả trên 3 phương diện", "Quan hệ Việt – Trung phát triển tích cực",
                    "Mốc son mới trong quan hệ Việt Nam – Trung Quốc"):
        assert heading in nonblank(result)
    assert lines[12] in nonblank(result)  # the real photo caption "... Trong ảnh: ..."
    assert result.endswith("các cơ chế trao đổi, đàm phán giữa hai bên về vấn đề trên biển được duy trì thường xuyên.")
    assert "\n\n\n" not in result


def test_seed_004_related_list_and_most_read():
    text = seed_text("004")
    lines = text.split("\n")
    found = flagged(text, "B", "T")
    trailer = [n for n in range(29, len(lines) + 1) if lines[n - 1].strip()]
    assert sorted(found) == trailer  # "Cùng chuyên mục" to the end, "Tin đọc nhiều" included
    assert found[29] == found[105] == ["B101", "T101"]
    assert 3 not in found  # the dateline stays under the default rules
    result = fixed(text, "B", "T")
    assert nonblank(result) == kept_after_fix(text, set(trailer))
    assert "26/04/2023 14:28" in nonblank(result)
    assert lines[8] in nonblank(result)  # "... hội kiến Tổng Bí thư ... Tập Cận Bình - Ảnh: TTXVN"
    assert result.endswith("Đại sứ quán Việt Nam tại Bắc Kinh, Trung Quốc./.")


def test_seed_004_dateline_with_the_opt_in_rule():
    text = seed_text("004")
    assert flagged(text, "B108") == {3: ["B108"]}
    assert "26/04/2023 14:28" not in fixed(text, "B108")
