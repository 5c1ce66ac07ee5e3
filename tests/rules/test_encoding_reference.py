"""Reference rules E001-E004: NFC, invisible characters, unusual spaces, BOM."""

import unicodedata

import vnlint
from conftest import assert_clean, codes, fixed, only, seed_text


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


def test_emoji_sequences_keep_their_joiners_and_selectors():
    assert_clean(["Số 1\ufe0f\u20e3 và #\ufe0f\u20e3", "©\ufe0f 2024 Báo Thanh Niên", "Hello™\ufe0f",
                  "🏳\ufe0f\u200d🌈 và ❤\ufe0f\u200d🔥", "👍🏽 Tốt lắm", "🇻🇳 Việt Nam"], "E002")
    assert fixed("Việt\u200dNam", "E002") == "ViệtNam"  # a joiner between letters is no emoji
    assert fixed("a\ufe0fb", "E002") == "ab"


def test_hard_negatives_from_real_prose():
    assert_clean([
        "TP.HCM, T.Ư, PGS.TS, 9.2022, 1.234, 3,5%, 12/11/2024, thanhnien.vn, toasoan@thanhnien.vn",
        "@thanhnien #VietNam user_id “khẩu hiệu” ‘trích dẫn’ – … © ® ° € ™",
        "Ông Tập Cận Bình (习近平), Kishida Fumio (岸田文雄), 김정은, Müller, Nuñez 😀",
        "Tab\tngăn cách\tvẫn được",
    ], "E001", "E002", "E004")


def test_nfc_only_reports_changed_letters():
    nfd = unicodedata.normalize("NFD", "Hà Nội")
    [diagnostic] = vnlint.check_text("Tin " + nfd + " mới", only("E001"))
    assert diagnostic.start_offset == 4 + 1  # the span starts at the first decomposed letter
    assert fixed("Tin " + nfd + " mới", "E001") == "Tin Hà Nội mới"


def test_invisible_and_unusual_space_rules_keep_only_their_own_hits_of_the_shared_scan():
    # One scan finds invisible characters, unusual spaces and telltale characters (° ½) for all of
    # E002, E003 and E1xx; each rule must still report its own and nothing else.
    text = "Nhiệt độ 5°C\u200b, giá 3½ đồng\u00a0và Hà\u2009Nội\x07"
    assert codes(text, "E002") == ["E002", "E002"]
    assert fixed(text, "E002") == "Nhiệt độ 5°C, giá 3½ đồng\u00a0và Hà\u2009Nội"
    assert codes(text, "E003") == ["E003", "E003"]
    assert fixed(text, "E003") == "Nhiệt độ 5°C\u200b, giá 3½ đồng và Hà Nội\x07"
