"""Reference rules W001 (blank-line-run) and W002 (trailing-whitespace)."""

from conftest import assert_clean, codes, fixed, seed_text


def test_blank_line_run_collapses_to_one_blank_line():
    text = "Một đoạn.\n\n\n\nHai đoạn.\n"
    assert codes(text, "W001") == ["W001"]
    assert fixed(text, "W001") == "Một đoạn.\n\nHai đoạn.\n"


def test_blank_lines_holding_spaces_or_tabs_are_a_run():
    # No "\n\n\n" here: the run is found through the space or tab before a line break.
    text = "Một đoạn.\n \n\t\nHai đoạn.\n"
    assert codes(text, "W001") == ["W001"]
    assert fixed(text, "W001") == "Một đoạn.\n\nHai đoạn.\n"
    assert codes(text, "W002") == ["W002", "W002"]


def test_blank_lines_at_edges_are_removed_but_final_newline_kept():
    assert fixed("\n\nMở đầu.\n\n\n", "W001") == "Mở đầu.\n"
    assert fixed("Không có dòng mới ở cuối\n\n", "W001") == "Không có dòng mới ở cuối\n"
    assert fixed("Mở đầu.", "W001") == "Mở đầu."
    # the last blank line holds a space or a tab
    assert fixed("Cuối bài.\n\n\t\n", "W001") == "Cuối bài.\n"
    assert fixed("Cuối bài.\n \n", "W001") == "Cuối bài.\n"


def test_seed_000_thirteen_blank_lines():
    text = seed_text("000")
    assert "W001" in codes(text, "W001")
    result = fixed(text, "W001")
    assert "\n\n\n" not in result
    assert result.endswith("Huyền Lê\n")


def test_single_blank_lines_are_clean():
    assert_clean(["Một.\n\nHai.\n", "Một.\nHai.", "", "\n"], "W001")


def test_trailing_whitespace():
    text = "Ông Võ Văn Thưởng hội đàm với Bí thư Ban Bí thư Trung Quốc \nDòng hai\t\n"
    assert codes(text, "W002") == ["W002", "W002"]
    assert fixed(text, "W002") == "Ông Võ Văn Thưởng hội đàm với Bí thư Ban Bí thư Trung Quốc\nDòng hai\n"
    assert_clean(["Không có khoảng trắng cuối dòng.\n", "  Thụt đầu dòng vẫn được."], "W002")
