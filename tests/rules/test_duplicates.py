"""D: duplicates inside a document (D101 duplicate-text, D102 near-duplicate, D103 truncated-copy)."""

import random
import subprocess
import sys
import time
import unicodedata
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnlint
from conftest import SEEDS, assert_clean, codes, fixed, only, seed_text
from vnlint.document import Document
from vnlint.rules import duplicates

TITLE = "Phiên họp lần thứ XII Ủy ban liên hợp biên giới trên đất liền Việt Nam - Trung Quốc"
TEASER = "Ngày 06/11/2025, Chủ nhiệm Ủy ban Biên giới quốc gia Trịnh Đức Hải đã đến thăm Lào Cai."
BODY = "Tổng Bí thư, Chủ tịch nước Tô Lâm hội kiến Bí thư Tỉnh ủy Quảng Đông Hoàng Khôn Minh ngày 18/8."


def messages(text, *selectors, **rule_options):
    return [(d.code, d.start.line, d.message) for d in vnlint.check_text(text, only(*selectors, **rule_options))]


# -- D101 duplicate-text: valid ---------------------------------------------------------------


def test_short_lines_that_legitimately_repeat_are_not_flagged():
    assert_clean([
        "Theo TTXVN\n\nMột đoạn văn.\n\nTheo TTXVN\n",
        "Ảnh: TTXVN\n\nQuang cảnh hội nghị.\n\nẢnh: TTXVN\n",
        "Ngọc Ánh\n\nNội dung.\n\nNgọc Ánh\n",
        "Cùng chuyên mục\n\nA.\n\nCùng chuyên mục\n",
        # a quoted slogan inside two different paragraphs is not a repeated line
        "Ông nhấn mạnh “16 chữ” và tinh thần “4 tốt” trong quan hệ hai nước.\n\n"
        "Hai bên cam kết thực hiện “16 chữ” và tinh thần “4 tốt”.\n",
        # a short sub-heading used twice, far apart
        "Kỳ vọng lớn\n\n" + BODY + "\n\nKỳ vọng lớn\n",
        # a name repeated on the very next line is under min-length-adjacent
        "Nguyễn Văn An\nNguyễn Văn An\n",
    ], "D101")


def test_distinct_lines_and_blank_lines_are_clean():
    assert_clean(["", "\n\n\n", TITLE + "\n\n" + BODY + "\n", BODY + "\n" + BODY.replace("18/8", "19/8") + "\n"], "D101")


# -- D101 duplicate-text: invalid -------------------------------------------------------------


def test_copies_differing_only_in_tabs_no_break_or_trailing_spaces_are_duplicates():
    # Each variant makes the whole document leave the already-normalised fast path.
    for variant in (TITLE.replace(" ", "\t", 2), TITLE.replace(" ", "\u00a0", 2), TITLE + " ",
                    TITLE.replace(" ", "\u3000", 1), " " + TITLE):
        text = f"{TITLE}\n\n{BODY}\n\n{variant}\n"
        assert messages(text, "D101") == [("D101", 5, "Line 5 is a duplicate of line 1")], repr(variant)


def test_repeated_line_points_at_first_occurrence():
    text = f"{TITLE}\n\n{BODY}\n\n{TITLE}\n"
    assert messages(text, "D101") == [("D101", 5, "Line 5 is a duplicate of line 1")]
    assert fixed(text, "D101", "W001") == f"{TITLE}\n\n{BODY}\n"


def test_copy_indented_or_with_extra_spaces_or_nfd_is_a_duplicate():
    indented = "  " + TITLE.replace(" ", "  ", 3)
    text = f"{indented}\n{TITLE}\n\n{BODY}\n\n{unicodedata.normalize('NFD', TITLE)}\n"
    assert codes(text, "D101") == ["D101", "D101"]
    assert fixed(text, "D101", "W001") == f"{indented}\n\n{BODY}\n"


def test_one_diagnostic_per_later_copy():
    text = f"{TITLE}\n{TITLE}\n\n{TITLE}\n\n{BODY}\n\n{TITLE}\n"
    assert [m[2] for m in messages(text, "D101")] == [
        "Line 2 is a duplicate of line 1", "Line 4 is a duplicate of line 1", "Line 8 is a duplicate of line 1"]
    assert fixed(text, "D101", "W001") == f"{TITLE}\n\n{BODY}\n"


def test_adjacent_short_repeat_in_same_paragraph():
    text = "Đối thoại biển Việt Nam - Úc lần thứ 6\nĐối thoại biển Việt Nam - Úc lần thứ 6\n\n" + BODY + "\n"
    assert messages(text, "D101") == [("D101", 2, "Line 2 is a duplicate of line 1")]
    assert fixed(text, "D101") == "Đối thoại biển Việt Nam - Úc lần thứ 6\n\n" + BODY + "\n"
    # the same short line after a blank line is not adjacent: a photo caption may repeat like that
    assert codes(text.replace("\n", "\n\n", 1), "D101") == []


def test_repeated_block_is_one_diagnostic_and_blank_lines_inside_do_not_matter():
    block = f"{TITLE}\n\n{TEASER}\n\nHội thảo quốc tế về biên giới\n\n{BODY}"
    text = f"Cùng tác giả\n\n{block}\n\nCùng chuyên mục\n\n{block.replace(chr(10) * 2, chr(10))}\n\nTin mới nhất\n"
    assert messages(text, "D101") == [("D101", 13, "Block of lines 13–16 repeats lines 3–9")]
    assert fixed(text, "D101") == f"Cùng tác giả\n\n{block}\n\nCùng chuyên mục\n\nTin mới nhất\n"


def test_block_of_short_lines_is_not_flagged_but_long_lines_inside_are():
    short = "Hà Nội ơi\nMùa thu đẹp lắm\n"
    assert codes(short + "\n" + short, "D101") == []
    text = f"Hà Nội ơi\n{TITLE}\n\nHà Nội ơi\n{TITLE}\n"  # 9 + 84 chars: a block needs 80, so it is one
    assert [m[2] for m in messages(text, "D101")] == ["Block of lines 4–5 repeats lines 1–2"]


def test_periodic_repeats_converge_to_one_copy():
    text = f"{TITLE}\n{TEASER}\n" * 4
    assert [m[2] for m in messages(text, "D101")] == [
        "Block of lines 3–4 repeats lines 1–2", "Block of lines 5–8 repeats lines 1–4"]
    assert fixed(text, "D101") == f"{TITLE}\n{TEASER}\n"


def test_copy_at_the_end_of_the_file():
    # The edit never starts before the copy (so the diagnostic sits on the copy's line): a copy
    # that ends the file goes up to the end, and the blank line before it is left to W001.
    assert fixed(f"{TITLE}\n{BODY}\n{TITLE}", "D101") == f"{TITLE}\n{BODY}"
    assert fixed(f"{TITLE}\n\n{BODY}\n\n{TITLE}\n", "D101") == f"{TITLE}\n\n{BODY}\n\n"
    assert fixed(f"{TITLE}\n\n{BODY}\n\n{TITLE}", "D101", "W001") == f"{TITLE}\n\n{BODY}"
    assert fixed(f"{TITLE}\n\n{BODY}\n\n{TITLE}\n", "D101", "W001") == f"{TITLE}\n\n{BODY}\n"


def test_min_length_and_min_words_options():
    text = "Theo TTXVN\n\nNội dung.\n\nTheo TTXVN\n"
    assert codes(text, config=only("D101", **{"duplicate-text": {"min-length": 5, "min-words": 2}})) == ["D101"]
    assert codes(f"{TITLE}\n\n{TITLE}\n", config=only("D101", **{"duplicate-text": {"min-words": 30}})) == []


def test_fix_is_a_fixpoint():
    for text in (seed_text("003"), seed_text("004"), f"{TITLE}\n{TITLE}\n{TITLE}\n"):
        once = fixed(text, "D101")
        assert codes(once, "D101") == []
        assert fixed(once, "D101") == once


# -- D102 near-duplicate -----------------------------------------------------------------------

GLUED = "Chủ nhiệm Ủy ban Biên giới quốc gia thăm và làm việc với Đồn Biên phòng cửa khẩu quốc tế Lào Cai"


def test_near_duplicate_lost_space_and_nfd_copy():
    text = f" {GLUED}\n\n{BODY}\n\n{GLUED.replace('nhiệm Ủy', 'nhiệmỦy')}\n"
    assert messages(text, "D102") == [("D102", 5, "Line 5 is a near-duplicate of line 1 (99% similar)")]
    assert fixed(text, "D102") == text, "the fix is unsafe"
    assert fixed(text, "D102", "W001", unsafe=True) == f" {GLUED}\n\n{BODY}\n"
    # NFD against NFC scores only ~63 with a raw fuzz.ratio; the rule normalises first
    nfd = f"{GLUED}\n\n{unicodedata.normalize('NFD', GLUED.replace('Lào Cai', 'Lào Cai.'))}\n"
    assert codes(nfd, "D102") == ["D102"]


def test_case_variant_is_a_near_duplicate_and_exact_copy_is_left_to_d101():
    upper = "UỶ BAN BIÊN GIỚI QUỐC GIA CHÚC MỪNG KỶ NIỆM 95 NĂM NGÀY PHỤ NỮ VIỆT NAM"
    assert codes(f"{upper}\n\n{upper.capitalize()}\n", "D102") == ["D102"]
    assert codes(f"{GLUED}\n\n{GLUED}\n", "D102") == []


def test_lines_whose_numbers_differ_are_not_near_duplicates():
    assert_clean([
        "Kim ngạch thương mại song phương năm 2022 đạt 175,6 tỷ USD.\n"
        "Kim ngạch thương mại song phương năm 2023 đạt 185,6 tỷ USD.\n",
        "Ngày 9/10, Sở Văn hóa, Thể thao và Du lịch tỉnh Đắk Lắk tổ chức triển lãm.\n"
        "Ngày 10/10, Sở Văn hóa, Thể thao và Du lịch tỉnh Đắk Lắk tổ chức triển lãm.\n",
    ], "D102")


def test_long_paragraph_with_one_figure_changed_is_an_updated_copy():
    first = ("Chỉ số VN-Index phiên 22/11 tăng 8,35 điểm, tương đương 0,66%, lên 1.281,56 điểm, "
             "nhờ lực cầu mạnh ở nhóm cổ phiếu ngân hàng và chứng khoán.")
    updated = first.replace("8,35", "8,36")
    assert messages(f"{first}\n\n{updated}\n", "D102") == [
        ("D102", 3, "Line 3 is a near-duplicate of line 1 (99% similar)")]
    two_figures = updated.replace("0,66%", "0,67%")
    assert codes(f"{first}\n\n{two_figures}\n", "D102") == []


def test_invisible_characters_do_not_hide_a_copy():
    hidden = TITLE.replace("biên", "bi\u00adên").replace(" ", " \u200b", 1)
    text = f"{TITLE}\n\n{BODY}\n\n{hidden}\n"
    assert messages(text, "D") == [("D101", 5, "Line 5 is a duplicate of line 1")]


def test_threshold_option():
    a = "Hợp tác kinh tế thương mại đầu tư Việt Nam Trung Quốc tiếp tục tăng trưởng mạnh"
    b = "Hợp tác kinh tế thương mại và đầu tư Việt Nam Trung Quốc tiếp tục tăng trưởng"
    text = f"{a}\n\n{b}\n"
    assert codes(text, "D102") == ["D102"]
    assert codes(text, config=only("D102", **{"near-duplicate": {"threshold": 99}})) == []


def test_different_lines_are_clean():
    assert_clean([
        "Chủ tịch nước Lương Cường tiếp Chủ tịch Đuma Quốc gia Nga tại Hà Nội\n"
        "Chủ tịch nước Lương Cường gặp Tổng Thư ký Liên hợp quốc tại New York\n",
        "Tổng Bí thư Tô Lâm phát biểu tại hội nghị. Ảnh: TTXVN\n"
        "Chủ tịch Quốc hội Trần Thanh Mẫn phát biểu tại hội nghị. Ảnh: TTXVN\n",
    ], "D102")


def test_chain_of_near_duplicates_keeps_the_first():
    a = "Thứ trưởng Ngoại giao Lê Thị Thu Hằng thăm và làm việc tại Thái Lan"
    text = f"{a}\n{a.replace('thăm và', 'thăm')}\n{a.replace('Lan', 'Lan.')}\n"
    assert codes(text, "D102") == ["D102", "D102"]
    assert fixed(text, "D102", unsafe=True) == a + "\n"


# -- D103 truncated-copy -------------------------------------------------------------------------

HEADLINE = "Ông Võ Văn Thưởng hội đàm với Bí thư Ban Bí thư Trung Quốc"


def test_truncated_copy_after_the_full_line():
    text = f"{HEADLINE}\n\n{BODY}\n\nÔng Võ Văn Thưởng hội đàm với Bí thư...\n\n{TEASER}\n"
    assert messages(text, "D") == [("D103", 5, "Line 5 is a truncated copy of line 1")]
    assert fixed(text, "D103") == text, "the fix is unsafe"
    assert fixed(text, "D103", unsafe=True) == f"{HEADLINE}\n\n{BODY}\n\n{TEASER}\n"


def test_truncated_copy_before_the_full_line_glued_and_with_unicode_ellipsis():
    text = f"Tổng Bí thư, Chủ tịch nướcTô Lâm hội kiến Bí thư…\n{BODY}\n"
    assert messages(text, "D") == [("D103", 1, "Line 1 is a truncated copy of line 2")]
    assert fixed(text, "D103", unsafe=True) == BODY + "\n"


def test_short_or_unrelated_ellipsis_lines_are_not_truncated_copies():
    assert_clean([
        f"Tuy nhiên...\n{BODY}\n",  # too short to be a copy
        f"Tổng Bí thư...\n{BODY}\n",
        f"Tổng Bí thư, Chủ tịch nước Tô Lâm tiếp đoàn...\n{BODY}\n",  # starts alike, then differs
        "Chúng tôi sẽ tiếp tục cố gắng...\n\nChúng tôi sẽ tiếp tục cố gắng...\n",  # an exact repeat is D101's
    ], "D103")


def test_near_duplicate_leaves_truncated_copies_to_d103():
    long_copy = BODY[:-5] + "..."  # rapidfuzz scores it above 90 as well
    text = f"{BODY}\n\n{long_copy}\n"
    assert codes(text, "D") == ["D103"]


# -- D102: a headline repeated with an agency prefix, a lead's first sentence repeated later ------

METRO = "Metro số 1 chạy thử toàn tuyến, chuẩn bị đón khách"
METRO_LEAD = ("TTO - Sáng 12/11, tàu Metro số 1 chạy thử toàn tuyến Bến Thành - Suối Tiên với tần suất như khi "
              "vận hành thương mại. Đây là bước cuối trước khi tuyến đón khách vào cuối tháng 12.")
METRO_FIRST_SENTENCE = ("Sáng 12/11, tàu Metro số 1 chạy thử toàn tuyến Bến Thành - Suối Tiên với tần suất như khi "
                        "vận hành thương mại.")


@pytest.mark.parametrize("prefix", ["(Vietnam+) - ", "TTO - ", "(Dân trí) - ", "(PLO)- ", "VOV.VN – ",
                                    "(Chinhphu.vn) - ", "HÀ NỘI - ", "TP.HCM — "])
def test_headline_repeated_with_an_agency_or_dateline_prefix(prefix):
    text = f"{METRO}\n\n{prefix}{METRO}\n\n{BODY}\n"
    assert [(code, line) for code, line, _ in messages(text, "D")] == [("D102", 3)]
    assert fixed(text, "D102", unsafe=True) == f"{METRO}\n\n{BODY}\n"


def test_prefixed_line_first_and_plain_copy_later_deletes_the_later_one():
    text = f"(Dân trí) - {METRO}\n\n{BODY}\n\n{METRO}\n"
    assert messages(text, "D") == [("D102", 5, "Line 5 is a near-duplicate of line 1 (100% similar)")]


def test_lead_first_sentence_repeated_later_as_a_caption():
    for sentence in (METRO_FIRST_SENTENCE, METRO_FIRST_SENTENCE[:-1]):  # with or without its full stop
        text = f"{METRO}\n\n{METRO_LEAD}\n\n{BODY}\n\n{sentence}\n\n{TEASER}\n"
        assert messages(text, "D") == [("D102", 7, "Line 7 repeats the opening sentence(s) of line 3")]
        assert fixed(text, "D102", unsafe=True) == f"{METRO}\n\n{METRO_LEAD}\n\n{BODY}\n\n{TEASER}\n"


def test_prefix_and_opening_hard_negatives():
    assert_clean([
        # datelines that differ: parallel facts of a bulletin, not copies of each other
        "HÀ NỘI - Nắng nóng gay gắt kéo dài, nhiệt độ cao nhất phổ biến từ 37 đến 39 độ C\n\n"
        "TP.HCM - Nắng nóng gay gắt kéo dài, nhiệt độ cao nhất phổ biến từ 37 đến 39 độ C\n",
        # "Việt Nam - ..." is no agency prefix
        f"Việt Nam - {METRO}\n\n{BODY}\n\n{METRO} sớm\n",
        # a pull-quote of the lead's opening words, in quotation marks
        f"{METRO}\n\n{METRO_LEAD}\n\n“{METRO_FIRST_SENTENCE}”\n",
        # the opening cut mid-sentence, not at a sentence end
        f"{METRO}\n\n{METRO_LEAD}\n\n{METRO_FIRST_SENTENCE.split(' với')[0]}\n",
        # a sub-heading that repeats words of the title, and a short opening
        f"{METRO}\n\n{METRO_LEAD}\n\nMetro số 1 chạy thử\n\nSáng 12/11, tàu Metro số 1.\n",
        # a title that opens the lead (the earlier line is the copy's source, not a copy)
        f"{METRO_FIRST_SENTENCE}\n\n{METRO_LEAD[6:]}\n",
        # bylines and credits repeat, and are short
        f"{METRO}\n\nTheo TTXVN\n\n{BODY}\n\nTheo TTXVN\n\nThu Hà\n\nThu Hà\n",
    ], "D")


# -- seeds ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["000", "001", "002"])
def test_seed_article_without_repeats_raises_no_duplicate(number):
    assert codes(seed_text(number), "D") == []


def test_seed_003_repeated_teaser_block():
    text = seed_text("003")
    assert messages(text, "D") == [("D101", 101, "Block of lines 101–119 repeats lines 79–97")]
    result = fixed(text, "D")
    assert result.count("Nhổ củ hành tăm") == 1 and result.count("Tiếp tục phát huy truyền thống") == 1
    assert "Cùng chuyên mục\n\nThúc đẩy phát triển các dự án điện khí" in result
    assert result.startswith(text[:text.index("Cùng tác giả")])  # the article body is untouched


def test_seed_004_doubled_teaser_titles():
    text = seed_text("004")
    found = vnlint.check_text(text, only("D"))
    body_end = text.count("\n", 0, text.index("Cùng chuyên mục")) + 1
    assert all(d.start.line > body_end for d in found), "no D diagnostic in the article body"
    lines = {d.start.line: (d.code, d.message) for d in found}
    assert lines[31] == ("D101", "Line 31 is a duplicate of line 30")  # " Chủ nhiệm…" then "Chủ nhiệm…"
    assert lines[35] == ("D102", "Line 35 is a near-duplicate of line 30 (99% similar)")  # "Chủ nhiệmỦy ban"
    assert lines[43] == ("D101", "Line 43 is a duplicate of line 40")
    assert lines[61] == ("D101", "Line 61 is a duplicate of line 60")  # short, but doubled in place
    assert lines[125] == ("D101", "Line 125 is a duplicate of line 30")  # again under "Tin đọc nhiều"
    assert sum(code == "D101" for code, _ in lines.values()) == 26
    safe = fixed(text, "D")
    assert safe.count("Phiên họp lần thứ XII Ủy ban liên hợp") == 1
    assert safe.startswith(text[:text.index("Cùng chuyên mục")])
    unsafe = fixed(text, "D", unsafe=True)
    assert "nhiệmỦy" not in unsafe and unsafe.count("Chủ nhiệm Ủy ban Biên giới quốc gia thăm") == 1
    assert codes(unsafe, "D") == [] and fixed(unsafe, "D", unsafe=True) == unsafe


def test_every_edit_lies_inside_its_diagnostic_and_it_starts_on_the_copy():
    texts = [seed_text("003"), seed_text("004"), f"{TITLE}\n\n{BODY}\n\n{TITLE}", f"{TITLE}\n{TITLE}",
             f"{BODY}\n\n{BODY[:-5]}...", f"{GLUED}\n\n{GLUED.replace('nhiệm Ủy', 'nhiệmỦy')}\n\n\n"]
    for text in texts:
        for d in vnlint.check_text(text, only("D")):
            assert all(d.start_offset <= e.start <= e.end <= d.end_offset for e in d.fix.edits), d
            assert d.message.startswith((f"Line {d.start.line} ", f"Block of lines {d.start.line}–")), d


PIECES = [TITLE, "  " + TITLE, BODY, BODY.replace("18/8", "19/8"), TEASER, GLUED, GLUED.replace("nhiệm Ủy", "nhiệmỦy"),
          HEADLINE, "Ông Võ Văn Thưởng hội đàm với Bí thư...", "Theo TTXVN", "", "", ""]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14), st.booleans())
def test_fixing_duplicates_converges_and_leaves_none(pieces, final_newline):
    text = "\n".join(pieces) + ("\n" if final_newline else "")
    for d in vnlint.check_text(text, only("D")):
        assert all(d.start_offset <= e.start <= e.end <= d.end_offset for e in d.fix.edits), d
    for unsafe in (False, True):
        once = vnlint.fix_text(text, only("D"), unsafe=unsafe)
        assert once.converged
        assert vnlint.fix_text(once.text, only("D"), unsafe=unsafe).text == once.text
        if unsafe:
            assert codes(once.text, "D") == []


# -- fast paths ----------------------------------------------------------------------------------
# Clean text skips work the rules would otherwise do per line; these tests check that the
# shortcuts decide exactly as the long way round.

ODD_CHARACTERS = ["\t", "\u00a0", "\u3000", "\u2028", "\u00ad", "\u200b", "\ufeff", "\r", "\ue000", "  ", " ",
                  "\u0301", "ß", "ﬁ", "İ", "٣", "１", "…"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES + ODD_CHARACTERS), st.text(max_size=8)), max_size=12),
       st.sampled_from(["\n", " ", "", "\n\n"]), st.booleans())
def test_normalised_lines_equal_normalising_each_line(pieces, separator, final_newline):
    text = separator.join(pieces) + ("\n" if final_newline else "")
    document = Document(text)
    assert duplicates._normalised_lines(document) == [duplicates.normalise_line(line.text) for line in document.lines]


def test_character_facts_the_fast_paths_rely_on():
    every_character = [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]
    # The space is the only printable whitespace, and the invisible characters are not printable.
    assert [c for c in every_character if c.isspace() and c.isprintable()] == [" "]
    assert not any(c.isprintable() for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff")
    # casefold() maps each character to one or more characters, none of them a space, and keeps
    # digits as they are and makes none; so folding a prefix folds the start of the line, and the
    # numbers of a line are the same before and after folding.
    folded = [c.casefold() for c in every_character]
    assert all(folded) and not any(" " in f for c, f in zip(every_character, folded) if c != " ")
    assert all((f == c) if c.isdecimal() else not any(x.isdecimal() for x in f) for c, f in zip(every_character, folded))
    sample = "".join(every_character[::997])
    assert sample.casefold() == "".join(folded[::997])


NEAR_PIECES = [GLUED, GLUED.replace("nhiệm Ủy", "nhiệmỦy"), GLUED.upper(), BODY, BODY.replace("18/8", "19/8"),
               BODY.replace("Tô Lâm", "Tô  Lâm"), BODY[:-5] + "...", TITLE, TITLE.replace("XII", "XIII"), TEASER,
               TEASER.replace("2025", "2024"), HEADLINE, "Thứ trưởng Ngoại giao Lê Thị Thu Hằng thăm Thái Lan", ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NEAR_PIECES), max_size=12), st.sampled_from([0, 50, 85, 90, 99, 100]),
       st.sampled_from([10, 40, 90]))
def test_near_duplicate_shortcut_reports_what_the_blocking_reports(pieces, threshold, min_length):
    """_no_pair_can_match may only say "nothing to report" when the blocking would report nothing."""
    text = "\n".join(pieces) + "\n"
    config = only("D102", **{"near-duplicate": {"threshold": threshold, "min-length": min_length}})
    with_shortcut = vnlint.check_text(text, config)
    with mock.patch.object(duplicates, "_no_pair_can_match", lambda *args: False):
        without_shortcut = vnlint.check_text(text, config)
    assert [(d.start, d.message) for d in with_shortcut] == [(d.start, d.message) for d in without_shortcut]


@pytest.mark.parametrize("number", ["000", "001", "002"])
def test_clean_seed_article_is_decided_without_blocking_keys(number):
    def fail(*args):
        raise AssertionError("blocking keys built for a clean article")

    with mock.patch.object(duplicates, "_blocking_keys", fail):
        assert codes(seed_text(number), "D102") == []


# -- cost ------------------------------------------------------------------------------------------

SYLLABLES = ("hợp tác kinh tế thương mại đầu tư phát triển quan hệ hai nước đối tác chiến lược toàn diện "
             "biên giới quốc gia lãnh đạo cấp cao hội đàm trao đổi nhân dân địa phương chính trị ngoại giao "
             "an ninh quốc phòng du lịch văn hóa giáo dục nông nghiệp công nghiệp năng lượng điện khí").split()


def near_duplicate_document(lines=10_000, seed=0):
    """Lines of random Vietnamese syllables; about half are edited copies of an earlier line."""
    rng = random.Random(seed)
    out = []
    for _ in range(lines):
        if out and rng.random() < 0.5:
            copy = list(rng.choice(out))
            position = rng.randrange(len(copy))
            copy[position] = " " if copy[position] != " " else ""
            out.append("".join(copy))
        else:
            out.append(" ".join(rng.choice(SYLLABLES) for _ in range(rng.randint(8, 30))))
    return "\n".join(out) + "\n"


def test_ten_thousand_line_document_with_many_near_duplicates_finishes():
    text = near_duplicate_document()
    started = time.perf_counter()
    found = vnlint.check_text(text, only("D"))
    elapsed = time.perf_counter() - started
    assert sum(d.code == "D102" for d in found) > 3000
    assert elapsed < 60  # a generous bound against quadratic blow-up, not a benchmark


def test_rapidfuzz_is_imported_only_for_lines_worth_scoring():
    script = ("import sys, vnlint\n"
              "from vnlint.config import config_from_dict\n"
              "config = config_from_dict({'select': ['D']})\n"
              "[path] = sys.argv[1:]\n"
              "vnlint.check_text(open(path, encoding='utf-8').read(), config)\n"
              "assert 'rapidfuzz' not in sys.modules, 'rapidfuzz imported for an article without near repeats'\n")
    [seed] = sorted(SEEDS.glob("000_*.txt"))
    subprocess.run([sys.executable, "-c", script, str(seed)], check=True)
