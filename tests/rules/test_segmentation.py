"""S: word-segmentation artifacts (S001 underscore-joined-words, S002 tokenized-punctuation).

The round trip through real segmenters (pyvi, underthesea) is in test_segmentation_oracle.py.
"""

import pytest

from conftest import assert_clean, codes, fixed, seed_text
from vnlint.rules.segmentation import chain_is_segmented, detokenize, is_protected_token
from vnlint.rules.vietnamese import is_segmented

# A short segmented document, as pyvi writes it.
SEGMENTED = (
    "Tổng_bí_thư Nguyễn_Phú_Trọng tiếp ông Lưu_Kiến_Siêu tại Hà_Nội . Tại cuộc tiếp sáng 5 / 9 , "
    "Tổng_bí_thư nói : “ Quan_hệ hai nước duy_trì đà phát_triển tốt_đẹp ” ( theo TTXVN ) ."
)
RESTORED = (
    "Tổng bí thư Nguyễn Phú Trọng tiếp ông Lưu Kiến Siêu tại Hà Nội. Tại cuộc tiếp sáng 5/9, "
    "Tổng bí thư nói: “Quan hệ hai nước duy trì đà phát triển tốt đẹp” (theo TTXVN)."
)


def test_segmented_document_is_restored():
    assert codes(SEGMENTED, "S") == ["S001", "S002"]
    assert fixed(SEGMENTED, "S") == RESTORED
    assert codes(RESTORED, "S") == []


def test_seed_001_is_restored():
    text = seed_text("001")
    assert codes(text, "S") == ["S001", "S002"]
    result = fixed(text, "S")
    assert "_" not in result
    assert " , " not in result and " . " not in result
    assert result.startswith("Tổng bí thư tiếp Trưởng ban Liên lạc Đối ngoại Trung ương Trung Quốc Tổng bí thư")
    assert "Tổng bí thư Nguyễn Phú Trọng nhắc đến chuyến thăm" in result
    assert "tại Hà Nội. Tại cuộc tiếp sáng 5/9, Tổng bí thư" in result
    assert "năm 2022 đạt 175,6 tỷ USD, tăng 5,47% so với năm 2021. Lũy kế đến tháng 6/2023, Trung Quốc" in result
    assert "Ảnh: TTXVN Tổng bí thư" in result
    assert result.endswith("đạt hơn 25 tỷ USD.Ngọc Ánh")  # the glued byline is W102's


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_clean_seeds_are_not_segmented(prefix):
    assert not is_segmented(seed_text(prefix))
    assert codes(seed_text(prefix), "S") == []


# -- S001 underscore-joined-words -------------------------------------------------------

def test_vietnamese_chains_are_fixed_in_any_document():
    text = "Ông đến Hà_Nội hôm qua, gặp Tổng_bí_thư Nguyễn_Phú_Trọng_nhắc lại lời hứa."
    assert fixed(text, "S001") == "Ông đến Hà Nội hôm qua, gặp Tổng bí thư Nguyễn Phú Trọng nhắc lại lời hứa."


def test_single_vietnamese_chain_in_a_normal_article():
    text = "Đoàn công tác đã đến Hà_Nội vào sáng nay, theo thông báo của Bộ Ngoại giao."
    assert not is_segmented(text)
    assert codes(text, "S001") == ["S001"]
    assert fixed(text, "S001") == "Đoàn công tác đã đến Hà Nội vào sáng nay, theo thông báo của Bộ Ngoại giao."


def test_names_acronyms_and_numbers_are_fixed_only_in_segmented_documents():
    segmented = "Ông Donald_Trump nói_rằng thuế tăng 25 tỷ_USD vào tháng_8 , còn Samsung_Galaxy S24_Ultra giảm ."
    assert is_segmented(segmented)
    assert fixed(segmented, "S001") == (
        "Ông Donald Trump nói rằng thuế tăng 25 tỷ USD vào tháng 8 , còn Samsung Galaxy S24 Ultra giảm ."
    )
    normal = "Ông Donald_Trump phát biểu tại Nhà Trắng, theo Reuters."
    assert not is_segmented(normal)
    assert codes(normal, "S001") == []


def test_underthesea_glue_after_punctuation_and_sigils():
    text = "Thế à ? !_Vâng , theo @_vtv24 và #_HàNội , ông Mr._Bean đến ."
    assert fixed(text, "S001") == "Thế à ? ! Vâng , theo @vtv24 và #HàNội , ông Mr. Bean đến ."


@pytest.mark.parametrize("token", [
    "https://vi.wikipedia.org/wiki/Hà_Nội", "www.hà_nội.vn/tin_tức", "nguyễn_văn_a@gmail.com", "@hà_nội_news",
    "#Hà_Nội_mùa_thu", "báo_cáo_tháng_8.docx", "(báo_cáo.pdf)", "tin_tức.vn", "C:\\Tài_liệu\\a", "/home/tài_liệu",
    "`tên_biến`", "__init__", "x=tên_biến",
])
def test_protected_tokens(token):
    assert is_protected_token(token)


@pytest.mark.parametrize("chain, segmented, expected", [
    ("Hà_Nội", False, True),
    ("đìều_kiện", False, True),  # a misspelt syllable is still not an identifier
    ("user_id", True, False),
    ("max_len", True, False),
    ("MAX_LEN", True, False),
    ("HTTP_200", True, False),
    ("get_data", True, False),
    ("Donald_Trump", False, False),
    ("Donald_Trump", True, True),
    ("tỷ_USD", True, True),
    ("tháng_8", True, True),
])
def test_chain_decision(chain, segmented, expected):
    assert chain_is_segmented(chain, segmented) is expected


def test_identifiers_urls_and_handles_keep_underscores_in_a_segmented_document():
    text = (
        "Hà_Nội là thủ_đô , xem https://a.vn/b_c , email lien_he@a.vn , @ha_noi , #thu_do , "
        "file bao_cao.pdf , biến user_id và MAX_LEN ."
    )
    assert is_segmented(text)
    assert fixed(text, "S001") == (
        "Hà Nội là thủ đô , xem https://a.vn/b_c , email lien_he@a.vn , @ha_noi , #thu_do , "
        "file bao_cao.pdf , biến user_id và MAX_LEN ."
    )


def test_identifiers_in_normal_prose_are_clean():
    assert_clean([
        "Biến user_id và max_len được khai báo trong file config_db.py, theo tài liệu.",
        "Xem https://vi.wikipedia.org/wiki/Hà_Nội hoặc gửi thư tới nguyen_van_a@gmail.com.",
        "Theo dõi @hanoi_news và #Hà_Nội_mùa_thu, tải báo_cáo_quý_3.pdf về máy.",
        "Hằng số MAX_LEN và hàm __init__ nằm trong mã nguồn.",
    ], "S")


def test_long_token_without_spaces_is_linear_and_skipped():
    text = "Hà_Nội " + "a" * 1_000_000 + "_b"
    assert codes(text, "S001") == ["S001"]


# -- S002 tokenized-punctuation -----------------------------------------------------------

def _detokenized(line: str) -> str:
    spans = detokenize(line)
    pieces, cursor = [], 0
    for start, end in spans:
        pieces.append(line[cursor:start])
        cursor = end
    return "".join(pieces) + line[cursor:]


@pytest.mark.parametrize("segmented, restored", [
    ("Ngày 28 / 4 , TP. HCM và T. Ư Đảng họp .", "Ngày 28/4, TP.HCM và T.Ư Đảng họp."),
    ("Ông Lê , Th . S kinh_tế , và PGS. TS Trần ; GS. TSKH Vũ .", "Ông Lê, Th.S kinh_tế, và PGS.TS Trần; GS.TSKH Vũ."),
    ("Nghị_định 100 / 2019 / NĐ - CP , Quyết_định 1234 / QĐ - TTg .", "Nghị_định 100/2019/NĐ-CP, Quyết_định 1234/QĐ-TTg."),
    ("Đại_dịch Covid - 19 , AIPA - 45 , F - 16 , KT - XH , biển 29B - 123.45 .",
     "Đại_dịch Covid-19, AIPA-45, F-16, KT-XH, biển 29B-123.45."),
    ("Lúc 14 : 28 , tỉ_lệ 3 : 1 ; underthesea viết 7 h30 và 8 h .",
     "Lúc 14:28, tỉ_lệ 3:1; underthesea viết 7h30 và 8h."),
    ("( Nguồn : nhandan . vn ) , www . vnexpress . net , file bao - cao . pdf , Thanhnien . vn",
     "(Nguồn: nhandan.vn), www.vnexpress.net, file bao-cao.pdf, Thanhnien.vn"),
    ('Phương_châm " 16 chữ " và \' 4 tốt \' , “ khởi_điểm mới ” , ‘ giải_mã ’ !',
     'Phương_châm "16 chữ" và \'4 tốt\', “khởi_điểm mới”, ‘giải_mã’!'),
    ("Giá 50.000 đồng / kg , tăng 24,6 % , giá $ 100 , theo TTXVN / VOV .",
     "Giá 50.000 đồng/kg, tăng 24,6%, giá $100, theo TTXVN/VOV."),
    ("Bắc_Kinh , Trung_Quốc . / .", "Bắc_Kinh, Trung_Quốc./."),
    ("Vâng ... Được … v . v ... Hết ? ! @ vtv24 # HàNội", "Vâng... Được… v.v... Hết?! @vtv24 #HàNội"),
    ("Công_an Q. 1 và P. 5 , U. S. A. và U. S. Army .", "Công_an Q.1 và P.5, U.S.A. và U.S. Army."),
])
def test_detokenize(segmented, restored):
    assert _detokenized(segmented) == restored


@pytest.mark.parametrize("line", [
    "quan_hệ Việt - Trung , Việt_Nam - Trung_Quốc",  # spaced hyphens between words stay
    "giai_đoạn 2025 - 2030 , ngày 25 - 28/4 , 24.350 - 24.720 đồng",  # ranges stay
    "TP. Hồ_Chí_Minh và Sài_Gòn – Hà_Nội",  # "TP. Hồ Chí Minh" is correct; en dashes stay
    'ông nói " có lẽ',  # one straight quote: no way to know its direction
    "C + + và km 15 + 200",
])
def test_detokenize_keeps_what_is_ambiguous(line):
    kept = _detokenized(line)
    for piece in (" - ", " – ", "TP. Hồ", ' " ', " + "):
        assert line.count(piece) == kept.count(piece)


def test_normal_article_with_one_spacing_typo_is_not_segmented():
    text = seed_text("002").replace("Hội kiến với Bí thư", "Hội kiến , với Bí thư", 1)
    assert not is_segmented(text)
    assert codes(text, "S") == []
    assert codes(text, "W104") == ["W104"]


def test_one_spacing_typo_in_a_sentence_is_not_segmented():
    assert not is_segmented("Hai nước có quan hệ tốt , đẹp trong nhiều năm.")
    assert not is_segmented("Hai nước có quan hệ tốt , đẹp , bền vững trong nhiều năm, theo TTXVN. Hết.")


def test_short_text_whose_every_mark_is_spaced_is_segmented():
    assert is_segmented("Ảnh : TTXVN")
    assert fixed("Ảnh : TTXVN", "S002") == "Ảnh: TTXVN"
    assert fixed("26 / 04 / 2023 14 : 28", "S002") == "26/04/2023 14:28"


def test_one_diagnostic_per_line_with_all_edits():
    text = "Hà_Nội , Việt_Nam . Ông nói : có .\nDòng hai , có ( ngoặc ) ."
    assert codes(text, "S002") == ["S002", "S002"]
    assert fixed(text, "S002") == "Hà_Nội, Việt_Nam. Ông nói: có.\nDòng hai, có (ngoặc)."
