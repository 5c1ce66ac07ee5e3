"""Reference rules E001-E004: NFC, invisible characters, unusual spaces, BOM."""

import unicodedata

from conftest import assert_clean, codes, fixed, seed_text


def test_decomposed_text_is_normalised():
    nfd = unicodedata.normalize("NFD", "Việt Nam, Hà Nội")
    assert codes(nfd, "E001") == ["E001", "E001"][: len(codes(nfd, "E001"))]
    assert fixed(nfd, "E001") == "Việt Nam, Hà Nội"


def test_invisible_characters_removed_but_emoji_joiners_kept():
    assert fixed("Việt\u200b Nam\u00ad", "E002") == "Việt Nam"
    assert fixed("a\x07b", "E002") == "ab"
    assert_clean(["Gia đình 👨\u200d👩\u200d👧 vui", "tab\tvẫn được\n", "❤\ufe0f"], "E002")


def test_nbsp_in_seed_002_first_line_and_003_sentences():
    assert "E003" in codes(seed_text("002"), "E003")
    assert fixed("Chuyên mục \u00a0", "E003") == "Chuyên mục  "
    assert "\u00a0" not in fixed(seed_text("003"), "E003")


def test_bom_at_start_reported_and_removed():
    assert codes("\ufeffHà Nội", "E004", "E002") == ["E004"]
    assert fixed("\ufeffHà Nội", "E004") == "Hà Nội"
    assert codes("Hà\ufeffNội", "E002") == ["E002"]


def test_clean_vietnamese_raises_nothing():
    assert_clean([seed_text("000")], "E001", "E002", "E004")
