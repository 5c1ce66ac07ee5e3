"""L: language (L101 unexpected-language)."""

import subprocess
import sys

import pytest

import vnlint
from conftest import assert_clean, codes, fixed, only, seed_text
from vnlint.rules.language import is_candidate, line_evidence

# Vietnamese lines full of English names, brands and acronyms: none may be flagged.
MIXED_VIETNAMESE = """\
Apple ra mắt iPhone 16 Pro Max tại sự kiện
Cristiano Ronaldo ghi bàn cho Al Nassr
Cristiano Ronaldo ghi ban cho Al Nassr
Manchester United thua Liverpool
Real Madrid vs Barcelona
Real Madrid vs Manchester City
Elon Musk nói Tesla sẽ ra mắt robotaxi
Samsung Galaxy S24 Ultra
Taylor Swift The Eras Tour
Google Pixel 9 Pro
Microsoft Teams
Kim Jong Un
Donald Trump
Saysomphone Phomvihane
Jumka Salovaara
HMS Richmond
Toi yeu Viet Nam va Ha Noi
Người dùng Việt chi hơn 1 tỷ USD mua sắm qua TikTok Shop
Shopee, Lazada, Tiki và TikTok Shop chiếm 99% thị phần
Nvidia vượt Microsoft thành công ty giá trị nhất thế giới
OpenAI ra mắt ChatGPT Search cho người dùng miễn phí
Messi giành Quả bóng vàng lần thứ 8
Liverpool vs Man City: Salah lập cú đúp
Park Hang-seo chia tay đội tuyển Việt Nam
Honda SH 160i giảm giá mạnh tại đại lý
Vietnam Airlines mở đường bay thẳng đến Munich
FPT Software ký hợp đồng với Airbus
VinFast VF 8 Plus bán tại Mỹ
Netflix, YouTube, Spotify tăng giá gói Premium
Bitcoin vượt 100.000 USD
Microsoft Copilot, Google Gemini và Meta AI
Ngày 12/11/2024, TP.HCM đón 1.234 khách quốc tế, tăng 3,5% so với 9.2022
PGS.TS Nguyễn Văn An, Trưởng ban T.Ư, phát biểu
Liên hệ: toasoan@thanhnien.vn hoặc @thanhnien, #VietNam
Nguồn: https://thanhnien.vn/moc-son-moi-trong-quan-he-viet-nam-trung-quoc-185240815232301196.htm
https://thanhnien.vn/moc-son-moi-trong-quan-he-viet-nam-trung-quoc.htm
Thanhnien.vn
Tổng hợp tin tự động tinmoi-247.com (r) © 2020
ADSOM+ 2025: Việt Nam chung tay vì an ninh, ổn định khu vực
Tàu khu trục HMS RICHMOND của Hải quân Hoàng gia Anh thăm TP. Hồ Chí Minh
Hội nghị APEC: TRAO QUYỀN – BAO TRÙM – TĂNG TRƯỞNG
ASEAN, APEC, WTO, FDI, ODA, USD
Khẩu hiệu “Make America Great Again” của ông Trump
Ca khúc “See Tình” của Hoàng Thùy Linh lọt top Billboard
Bộ phim Oppenheimer thắng giải Oscar
Chelsea vs Arsenal 2-1
user_id và access_token
Read more
Xem thêm: Top 10 smartphone gaming
Tổng hợp: Reuters, AFP, AP, Bloomberg
Theo The Guardian, New York Times và Washington Post
Ca sĩ Mỹ Tâm hát ca khúc We are the world cùng dàn hợp xướng
Hashtag #challenge viral trên TikTok
Live: Việt Nam vs Thái Lan
Photo: Reuters
Cac ban hay theo doi kenh de cap nhat tin tuc moi nhat
Tổng_bí_thư Nguyễn_Phú_Trọng tiếp Trưởng ban Liên_lạc Đối_ngoại
"""


def test_vietnamese_lines_with_english_names_and_brands_are_clean():
    assert_clean(MIXED_VIETNAMESE.splitlines(), "L101")


@pytest.mark.parametrize("number", ["000", "001", "002", "004"])
def test_seed_without_foreign_lines_is_clean(number):
    assert codes(seed_text(number), "L") == []


def test_seed_003_powered_by_techcity():
    found = vnlint.check_text(seed_text("003"), only("L"))
    assert [(d.code, d.start.line, d.message) for d in found] == [
        ("L101", 1, "Line not in an accepted language: langdetect says English (en, 100%)")]
    assert not found[0].fixable


def test_english_and_french_lines_are_flagged():
    for line in ("Powered by Techcity", "All rights reserved", "Share on Facebook",
                 "Copyright 2024 VnExpress. All rights reserved.",
                 "The company said it would launch a new phone next year.",
                 "Le président a été élu à Paris dimanche soir",
                 "Please enable JavaScript\u00a0to view the comments\u00a0powered by Disqus."):
        assert codes(f"Tin mới nhất\n\n{line}\n", "L101") == ["L101"], line


def test_other_scripts_are_flagged():
    assert codes("中国共产党中央委员会总书记习近平会见越南客人\n", "L101") == ["L101"]
    assert codes("Президент России встретился с делегацией Вьетнама\n", "L101") == ["L101"]
    assert codes("Ông Tập Cận Bình (习近平) phát biểu\n", "L101") == []


def test_legacy_encoded_vietnamese_is_left_to_the_encoding_rules():
    # TCVN3 and VNI read as Unicode: langdetect calls them English and Norwegian
    assert_clean(["Manchester United th¾ng ng\u00adîc Liverpool trong trËn cÇu kÞch tÝnh\n",
                  "Khaùn ñaøi Old Trafford vôõ oøa. Caùc caàu thuû ñaõ thi ñaáu raát toát\n",
                  "Viá»‡t Nam vÃ  thá»ƒ thao trong tuáº§n\n"], "L101")
    # one Spanish letter is not a legacy encoding
    assert codes("El presidente de España dijo que la economía crecerá este mes\n", "L101") == ["L101"]


def test_consecutive_foreign_lines_are_one_diagnostic():
    text = "Mở đầu bài viết.\nAll rights reserved\nPowered by Techcity\n\nSubscribe now for our newsletter today\n"
    found = vnlint.check_text(text, only("L101"))
    assert [(d.start.line, d.end.line) for d in found] == [(2, 3), (5, 5)]
    assert found[0].message.startswith("Lines 2–3 not in an accepted language")


def test_short_lines_are_not_judged():
    # langdetect calls these Tagalog, German and English; two words never reach it
    assert_clean(["Kim Jong Un", "HMS Richmond", "Read more", "Donald Trump"], "L101")
    lowered = only("L101", **{"unexpected-language": {"min-words": 2}})
    assert codes("Read more\n", config=lowered) == ["L101"]
    # a line of fewer than six words is judged only when none of its plain words is Vietnamese
    assert codes("Click here to read more\n", "L101") == []


def test_languages_option():
    text = "All rights reserved by the publisher\n"
    assert codes(text, "L101") == ["L101"]
    assert codes(text, config=only("L101", **{"unexpected-language": {"languages": ["vi", "en"]}})) == []
    assert codes(text, config=only("L101", **{"unexpected-language": {"languages": ["VI", "EN"]}})) == []
    assert codes(text, config=only("L101", **{"unexpected-language": {"languages": ["fr"]}})) == ["L101"]


def test_no_fix():
    text = "Powered by Techcity\n\nMốc son mới\n"
    assert fixed(text, "L101", unsafe=True) == text


def test_cheap_test_settles_vietnamese_without_langdetect():
    assert line_evidence("Mốc son mới trong quan hệ Việt Nam – Trung Quốc") is None
    assert line_evidence("Apple ra mắt iPhone 16 Pro Max tại sự kiện") is None
    evidence = line_evidence("Cristiano Ronaldo ghi bàn cho Al Nassr")
    assert evidence.vietnamese == 3 and not is_candidate(evidence, 3)
    assert is_candidate(line_evidence("Powered by Techcity"), 3)


def test_langdetect_is_imported_lazily():
    script = ("import sys, vnlint\n"
              "from vnlint.registry import builtin_rules\n"
              "builtin_rules()\n"
              "vnlint.check_text('Mốc son mới trong quan hệ Việt Nam – Trung Quốc\\n')\n"
              "assert 'langdetect' not in sys.modules, 'langdetect imported for Vietnamese text'\n")
    subprocess.run([sys.executable, "-c", script], check=True)


def test_results_are_deterministic_across_processes():
    script = ("import vnlint\nfrom vnlint.config import config_from_dict\n"
              "lines = ['Joe Biden and Kamala Harris', 'Subscribe now for our newsletter today', "
              "'Real Madrid vs Barcelona tonight', 'Le président a été élu à Paris dimanche soir']\n"
              "print([d.message for d in vnlint.check_text('\\n'.join(lines), config_from_dict({'select': ['L101']}))])\n")
    runs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
            for _ in range(3)}
    assert len(runs) == 1
