"""normalise_line: the whole-line key shared by the B and T rules (rules/vietnamese.py)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnlint.rules.vietnamese import normalise_line


@pytest.mark.parametrize("line, key", [
    ("Chuyên mục\u00a0 ", "chuyên mục"),
    ("  » Tin mới nhất ›", "tin mới nhất"),
    ("- Chia sẻ:", "chia sẻ"),
    ("| Bình luận (12) |", "bình luận (12"),
    ("TIN LIÊN QUAN", "tin liên quan"),
    ("Chuye\u0302n mu\u0323c", "chuyên mục"),  # decomposed input
    ("Thủy điện Hòa Bình", "thuỷ điện hoà bình"),  # one tone placement for oa/oe/uy
    ("Thuỷ điện Hoà Bình", "thuỷ điện hoà bình"),
    ("Hoàn thành", "hoàn thành"),  # "oà" inside a closed syllable is left alone
    ("Đang\u200b tải...", "đang tải"),
    ("Tin\tliên   quan", "tin liên quan"),
    ("Xem thêm: thanhnien.vn", "xem thêm: thanhnien.vn"),
    ("  ***  ", ""),
])
def test_normalise_line(line, key):
    assert normalise_line(line) == key


def test_each_line_of_a_text_is_normalised_alone():
    text = "  » Thủy điện  Hòa Bình: \n\nCHIA SẺ\u200b\n- Bình luận (0)\n"
    assert normalise_line(text) == "thuỷ điện hoà bình\n\nchia sẻ\nbình luận (0\n"
    assert normalise_line("Hòa\nA") == "hoà\na"  # a line break ends the word


def test_ascii_lines_in_a_vietnamese_text():
    assert normalise_line("Share  Tweet\nChia sẻ") == "share tweet\nchia sẻ"


# Letters, marks, odd spaces, zero-width characters, bullets and line breaks.
LINE_PARTS = st.text(alphabet=list("aoeuyAOEUY hòóỏõọùủụÒĐđ\u0300\u0301\u0309\u0302\t\u00a0\u2003\u200b\u00ad\u2028"
                                   "»•-.:()_\n"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(LINE_PARTS)
def test_a_whole_text_gives_the_keys_of_its_lines(text):
    assert normalise_line(text).split("\n") == [normalise_line(line) for line in text.split("\n")]


@settings(max_examples=300, deadline=None)
@given(LINE_PARTS)
def test_normalising_twice_changes_nothing(text):
    key = normalise_line(text)
    assert normalise_line(key) == key
