"""B rules: boilerplate and site chrome (B101-B108), with hard negatives from real article prose."""

import pytest

import vnlint
from conftest import assert_clean, codes, fixed, only
from vnlint.config import ConfigError
from vnlint.document import Document
from vnlint.rules.boilerplate import _KINDS, _catalogue_entries, _normalise_pattern, removal_edit
from vnlint.rules.vietnamese import normalise_line

# A real article body (four paragraphs) to put chrome lines around.
BODY = [
    "Xuất khẩu gạo 10 tháng đạt kỷ lục, giá bình quân tăng 3,5%",
    "Xuất khẩu gạo của Việt Nam trong 10 tháng năm 2024 đạt hơn 7,8 triệu tấn, thu về 4,86 tỷ USD, "
    "mức cao nhất từ trước đến nay, theo số liệu của Tổng cục Hải quan công bố ngày 12/11/2024.",
    "So với cùng kỳ năm ngoái, lượng gạo xuất khẩu tăng 10,2%, còn giá trị tăng tới 23,5%. Giá xuất khẩu "
    "bình quân đạt khoảng 627 USD/tấn, tăng 3,5% so với tháng 9.2024.",
    "Philippines tiếp tục là thị trường nhập khẩu gạo lớn nhất của Việt Nam với hơn 3,6 triệu tấn.",
]
ARTICLE = "\n\n".join(BODY) + "\n"


def between(line: str) -> str:
    """The line as its own paragraph in the middle of the article."""
    return "\n\n".join(BODY[:2] + [line] + BODY[2:]) + "\n"


def at_top(line: str) -> str:
    return line + "\n\n" + ARTICLE


def at_end(line: str) -> str:
    return ARTICLE + "\n" + line + "\n"


def flagged_lines(text: str, *selectors: str):
    """Non-blank line numbers whose text lies inside a diagnostic's range."""
    document = Document(text)
    found = vnlint.check_text(text, only(*selectors))
    return sorted({line.number for line in document.lines for d in found
                   if line.text.strip() and line.start < d.end_offset and d.start_offset < line.end})


# --- the catalogue ---------------------------------------------------------------

def test_no_phrase_is_in_two_catalogue_files():
    seen = {}
    for kind in _KINDS:
        phrases, _ = _catalogue_entries(kind)
        for strength, phrase in phrases:
            key = normalise_line(phrase)
            assert seen.setdefault(key, (kind, strength)) == (kind, strength), f"{phrase!r} is {seen[key]} and {kind}"


@pytest.mark.parametrize("pattern, normalised", [
    ("thủy điện hòa bình", "thuỷ điện hoà bình"),  # the tone placement of the keys
    (r"\Shòa\b", r"\Shoà\b"),
    ("hoàn thành", "hoàn thành"),
    (r"[-–—|]\s*(?:ảnh|hình) \d{1,3}$", r"[-–—|]\s*(?:ảnh|hình) \d{1,3}$"),  # regex syntax untouched
    (r"\S+\W\D", r"\S+\W\D"),
    ("chuye\u0302n mu\u0323c", "chuyên mục"),
])
def test_patterns_are_normalised_like_keys_but_keep_their_syntax(pattern, normalised):
    assert _normalise_pattern(pattern) == normalised


# --- hard negatives: catalogue words inside real prose ------------------------

PROSE = [
    "Ông chia sẻ rằng hai bên sẽ sớm ký kết thỏa thuận.",
    "Chia sẻ với báo chí, ông Nam cho biết giá lúa đã tăng 10%.",
    "Tin mới nhất từ Bộ Y tế cho biết cả nước ghi nhận thêm 12 ca mắc.",
    "Bạn đọc có thể xem thêm tại website của Bộ Tài chính.",
    "Theo nguồn tin của Thanh Niên, cuộc họp sẽ diễn ra vào tuần sau.",
    "Bình luận về vấn đề này, chuyên gia cho rằng cần thận trọng.",
    "Tổng biên tập Lê Quốc Minh cho biết tòa soạn sẽ mở rộng mảng video.",
    "Bộ TT&TT đã thu hồi giấy phép số 123/GP-BTTTT của trang tin này.",
    "Giấy phép số 123/GP-BTTTT của trang này đã bị thu hồi từ ngày 1/3.",
    "Đường dây nóng 111 đã tiếp nhận hơn 2.000 cuộc gọi trong năm 2023.",
    "Hotline của Bộ Y tế là 1900 9095, hoạt động 24/7.",
    "Trang chủ của Bộ Ngoại giao đã đăng tải thông cáo.",
    "Quảng cáo trên mạng xã hội đang bùng nổ.",
    "Tài trợ cho dự án là Ngân hàng Thế giới.",
    "Copyright là vấn đề lớn với các nhà sáng tạo nội dung trên TikTok.",
    "Bản quyền thuộc về ai khi AI sáng tác?",
    "Powered by AI, ứng dụng của Viettel đã có 2 triệu người dùng.",
    "Người dân có thể gửi phản ánh qua email toasoan@thanhnien.vn hoặc tài khoản @thanhnien.",
    "Chiến dịch #VìMôiTrườngXanh thu hút hơn 5.000 người tham gia tại TP.HCM.",
    "Giá vàng SJC tháng 9.2022 tăng 1.234 đồng, tương đương 3,5%, theo thanhnien.vn.",
    "PGS.TS Nguyễn Văn A, Ban Tuyên giáo T.Ư, phát biểu ngày 12/11/2024.",
    "“Chia sẻ để yêu thương”",
    "Ông Nguyễn Văn A, Tổng biên tập: \"Chúng tôi sẽ đổi mới.\"",
    "Xem thêm: Điều 5 Nghị định 100/2019/NĐ-CP quy định mức phạt với người vi phạm.",
    "Ký hiệu © cho biết tác phẩm đã được đăng ký bản quyền từ năm 2024.",
]


@pytest.mark.parametrize("sentence", PROSE)
def test_catalogue_words_inside_prose_are_never_flagged(sentence):
    assert_clean([between(sentence), at_top(sentence), at_end(sentence), sentence], "B")


REAL_LINES = [
    "Ngọc Ánh",  # byline
    "Theo TTXVN",
    "(Theo VnExpress)",
    "Kỳ vọng sẽ đạt được thành quả trên 3 phương diện",  # a sub-heading
    "Quan hệ Việt – Trung phát triển tích cực",
    "Thường trực Ban Bí thư Trương Thị Mai hội kiến Tổng Bí thư, Chủ tịch Trung Quốc Tập Cận Bình - Ảnh: TTXVN",
    "Hợp tác kinh tế – thương mại – đầu tư VN – Trung Quốc tiếp tục tăng trưởng. Trong ảnh: Xe chở sầu "
    "riêng Đắk Lắk xuất khẩu sang Trung Quốc, tháng 9.2022",
    "Ảnh: Ngọc Ánh",
    "Ảnh minh họa",
    "Hà Nội, 12/11/2024",
    "Trận đấu diễn ra lúc 18 giờ.",  # a one-line paragraph
]


@pytest.mark.parametrize("line", REAL_LINES)
def test_article_lines_are_never_flagged(line):
    assert_clean([between(line), at_top(line), at_end(line)], "B")


@pytest.mark.parametrize("line", [
    "Thể thao", "Kinh tế - xã hội", "Thông tin", "Liên hệ", "VnExpress",
    "Địa chỉ: 123 Lê Lợi, phường Bến Thành, quận 1, TP.HCM", "Điện thoại: 028 3822 1234",
    "Chủ đề: Kinh tế số và chuyển đổi xanh",
])
def test_words_that_can_be_headings_need_other_chrome_next_to_them(line):
    assert_clean([between(line)], "B")


def test_an_address_ending_a_review_is_kept_but_not_next_to_a_footer():
    assert_clean([at_end("Địa chỉ: 123 Lê Lợi, phường Bến Thành, quận 1, TP.HCM")], "B")
    text = at_end("Địa chỉ: 123 Lê Lợi, quận 1, TP.HCM\n\nĐiện thoại: 028 3822 1234\n\n© 2024 Báo Người Lao Động")
    assert codes(text, "B") == ["B104"]
    assert fixed(text, "B") == ARTICLE


def test_a_site_name_opens_a_page_but_may_close_an_article():
    assert codes(at_top("VnExpress"), "B") == ["B103"]
    assert_clean([at_end("VnExpress")], "B")


def test_a_masthead_may_sit_under_the_headline():
    for masthead in ("Báo điện tử Dân trí", "VnExpress", "Thanh Niên - Tin tức 24h"):
        text = "\n\n".join(BODY[:1] + [masthead] + BODY[1:]) + "\n"
        assert codes(text, "B") == ["B103"], masthead
        assert fixed(text, "B") == ARTICLE
    assert_clean([between("VnExpress")], "B")  # deeper in the text, a bare site name is left alone


# --- invalid cases, each with the exact fixed text ------------------------------

@pytest.mark.parametrize("code, line", [
    ("B101", "Chuyên mục\u00a0"),
    ("B101", "Tin nổi bật"),
    ("B101", "Tin đọc nhiều"),
    ("B101", "Trang chủ > Thời sự"),
    ("B101", "Trang chủ » Kinh doanh » Bất động sản"),
    ("B101", "Thời sự | Góc nhìn | Thế giới | Kinh doanh | Giải trí"),
    ("B101", "Mới nhất Tin theo khu vực Thời sự Thế giới Kinh doanh"),
    ("B101", "Tags: giá vàng, SJC, tỷ giá"),
    ("B101", "#giávàng #SJC #TỷGiá"),
    ("B101", "« 1 2 3 »"),
    ("B101", "Trang 1 2 3 ... 10 Tiếp"),
    ("B101", "Xem thêm: Giá vàng hôm nay tăng mạnh lên mức kỷ lục mới"),
    ("B101", "Bài liên quan: Từ 1/1/2025, vượt đèn đỏ có thể bị phạt tới 20 triệu đồng"),
    ("B101", ">> Giá vàng hôm nay tăng mạnh lên mức kỷ lục mới"),
    ("B101", "Video | Podcast | E-paper"),
    ("B101", "Giá vàng | Tỷ giá | Thời tiết | Xổ số"),
    ("B102", "Chia sẻ"),
    ("B102", "Bình luận (12)"),
    ("B102", "1.234 lượt xem"),
    ("B102", "Facebook Twitter Zalo"),
    ("B102", "Chia sẻ Facebook Zalo"),
    ("B102", "Gửi bình luận"),
    ("B102", "Theo dõi chúng tôi trên Google News"),
    ("B102", "Theo dõi Báo Thanh Niên trên Google News"),
    ("B102", "Đăng ký nhận bản tin"),
    ("B102", "Đăng nhập | Đăng ký"),
    ("B102", "Tải ứng dụng VnExpress trên iOS và Android"),
    ("B102", "Cỡ chữ: A- A A+"),
    ("B102", "Bạn nghĩ gì về bài viết này?"),
    ("B103", "Powered by Techcity"),
    ("B103", "Thiết kế website: Công ty ABC"),
    ("B104", "Tổng hợp tin tự động tinmoi-247.com (r) © 2020"),
    ("B104", "© Bản quyền thuộc về Báo Tuổi Trẻ"),
    ("B104", "Copyright © 2024 Dân trí. All rights reserved."),
    ("B104", "Báo Tuổi Trẻ © 2024"),
    ("B104", "Cơ quan của Trung ương Đoàn. All rights reserved."),
    ("B104", "Giấy phép số 123/GP-BTTTT"),
    ("B104", "Giấy phép hoạt động báo điện tử số 548/GP-BTTTT do Bộ TT&TT cấp ngày 24/8/2021."),
    ("B104", "Hotline: 0901 234 567"),
    ("B104", "Đường dây nóng: 0912 345 678 - Email: toasoan@tinmoi24.vn"),
    ("B104", "Tổng biên tập: Nguyễn Văn A"),
    ("B104", "Tổng biên tập: Lê Thế Chữ. Phó Tổng biên tập: Trần Xuân Toàn"),
    ("B104", "Ghi rõ nguồn \"Báo Thanh Niên\" khi phát hành lại thông tin từ website này."),
    ("B104", "Liên hệ quảng cáo: 0909 123 456"),
    ("B104", "Cơ quan chủ quản: Bộ Thông tin và Truyền thông"),
    ("B105", "Mốc son mới trong quan hệ Việt Nam - Trung Quốc- Ảnh 1."),
    ("B105", "Xuất khẩu gạo 10 tháng đạt kỷ lục - Ảnh 2."),
    ("B105", "[Ảnh]"),
    ("B105", "(Video)"),
    ("B105", "Ảnh 3/12"),
    ("B105", "Click để xem ảnh lớn"),
    ("B105", "Trình duyệt của bạn không hỗ trợ video."),
    ("B106", "Quảng cáo"),
    ("B106", "ADVERTISEMENT"),
    ("B106", "Nội dung tài trợ"),
    ("B106", "Quảng cáo - Cuộn xuống để đọc tiếp"),
    ("B107", "Cập nhật: 14:32 12/11/2024"),
    ("B107", "Cập nhật lúc 14:32 ngày 12/11/2024"),
    ("B107", "Thứ Hai, 12/11/2024, 14:32 (GMT+7)"),
    ("B107", "12/11/2024 14:32 GMT+7"),
])
def test_chrome_line_is_flagged_and_deleted_anywhere(code, line):
    for text in (between(line), at_top(line), at_end(line)):
        assert codes(text, "B") == [code], text
        assert fixed(text, "B") == ARTICLE


def test_words_that_can_be_headings_are_flagged_next_to_chrome_or_at_an_edge():
    assert codes(at_top("Thể thao"), "B") == ["B101"]
    assert codes(at_end("Thông tin"), "B") == ["B101"]
    text = ARTICLE + "\nNgọc Ánh\n\nThông tin\n\nTổng hợp tin tự động tinmoi-247.com (r) © 2020"
    assert codes(text, "B") == ["B101", "B104"]
    assert fixed(text, "B") == ARTICLE + "\nNgọc Ánh"  # the file had no final newline and still has none


def test_chrome_glued_to_a_paragraph_keeps_the_paragraph_breaks():
    text = BODY[1] + "\nChia sẻ\n\n" + BODY[2] + "\n"
    assert fixed(text, "B") == BODY[1] + "\n\n" + BODY[2] + "\n"
    text = BODY[1] + "\nChia sẻ\n" + BODY[2] + "\n"
    assert fixed(text, "B") == BODY[1] + "\n" + BODY[2] + "\n"


def test_consecutive_chrome_lines_are_one_diagnostic():
    text = ARTICLE + "\nChia sẻ\nFacebook\nZalo\n"
    found = vnlint.check_text(text, only("B102"))
    assert [d.code for d in found] == ["B102"]
    assert "2 more lines" in found[0].message
    assert fixed(text, "B") == ARTICLE


def test_removal_edit_keeps_one_paragraph_break_and_one_final_newline():
    document = Document("Một.\n\nHai.\n\nBa.")
    assert removal_edit(document, 3, 3) == vnlint.Edit(6, 12, "")  # "Hai.\n\n"
    assert removal_edit(document, 5, 5) == vnlint.Edit(11, 15, "")  # the blank line and "Ba."
    assert removal_edit(document, 1, 1) == vnlint.Edit(0, 6, "")


def test_fix_is_idempotent_and_converges():
    text = at_top("Powered by Techcity") + "\nChia sẻ\n\nTin mới nhất\n"
    once = fixed(text, "B")
    assert once == ARTICLE
    assert codes(once, "B") == []


# --- B108 dateline (opt-in) ----------------------------------------------------

def test_dateline_is_opt_in():
    text = BODY[0] + "\n\n26/04/2023 14:28\n\n" + "\n\n".join(BODY[1:]) + "\n"
    assert codes(text, "B") == []
    assert "B108" not in codes(text, config=vnlint.Config())
    assert codes(text, "B108") == ["B108"]
    assert fixed(text, "B108") == ARTICLE
    assert codes(BODY[0] + "\n\nThứ Tư, 26/4/2023 - 14:28\n", "B108") == ["B108"]
    assert_clean(["Hà Nội, 12/11/2024\n", "Ngày 26/4/2023, đoàn đã tới Bắc Kinh.\n", "Năm 2023\n"], "B108")


# --- options ---------------------------------------------------------------------

def test_extra_phrases_extend_the_catalogue():
    text = between("Bản tin cuối ngày của Báo ABC")
    assert codes(text, "B101") == []
    config = only("B101", **{"navigation-line": {"extra-phrases": ["Bản tin cuối ngày của báo ABC"]}})
    assert codes(text, config=config) == ["B101"]
    assert fixed(text, config=config) == ARTICLE


def test_extra_patterns_and_replace_catalogue():
    config = only("B102", **{"share-widget": {"extra-patterns": [r"ủng hộ \d+ sao"], "replace-catalogue": True}})
    assert codes(between("Ủng hộ 5 sao"), config=config) == ["B102"]
    assert codes(between("Chia sẻ"), config=config) == []  # the built-in catalogue is off
    assert codes(between("Chia sẻ"), "B102") == ["B102"]


def test_invalid_extra_pattern_names_the_pattern():
    # Rejected when the config is read, so the user gets a config error rather than a crash mid-run.
    with pytest.raises(ConfigError, match=r"extra-patterns has an invalid regular expression '\(unclosed'"):
        only("B104", **{"copyright-footer": {"extra-patterns": ["(unclosed"]}})


def test_option_types_are_validated():
    with pytest.raises(Exception, match="list of strings"):
        only("B101", **{"navigation-line": {"extra-phrases": "Chuyên mục"}})


def test_flagged_lines_helper_sees_the_line_not_its_neighbours():
    text = between("Chia sẻ")
    assert flagged_lines(text, "B") == [5]


# --- label + payload, section breadcrumbs, separated rows, emoji leaders, widgets ----------

@pytest.mark.parametrize("code, line", [
    ("B101", "Tin nóng: Cháy lớn tại chung cư mini ở Hà Nội, nhiều người mắc kẹt"),
    ("B101", "Chủ đề nóng: Giá vàng | Bão số 3 | Tuyển sinh 2024"),
    ("B101", "Đọc nhiều: Ngân hàng Nhà nước bơm ròng 20.000 tỷ đồng"),
    ("B101", "Trở lại Thời sự"),
    ("B101", "Quay lại chuyên mục Pháp luật"),
    ("B101", "Pháp luật › Hồ sơ phá án"),
    ("B101", "Thời sự | Dân sinh"),
    ("B101", "🏠 > Xã hội"),
    ("B101", "🏠 Trang chủ › Kinh doanh"),
    ("B101", "📌 Đọc thêm: Giá xăng giảm mạnh từ 15h chiều nay"),
    ("B101", "👉 Xem thêm: Giá xăng giảm mạnh từ 15h chiều nay"),
    ("B101", "🔥 Tin nóng"),
    ("B101", "➡️ Xem thêm"),
    ("B102", "▶️ Nghe bài viết"),
    ("B102", "Giọng nữ miền Bắc | Giọng nam miền Nam"),
    ("B102", "0:00 / 4:12"),
    ("B102", "Tốc độ đọc: 1x"),
    ("B102", "1x 1.25x 1.5x 2x"),
    ("B102", "Thời gian đọc: 4 phút"),
    ("B102", "3 phút đọc"),
    ("B102", "⏱ 5 phút đọc"),
    ("B102", "Để lại bình luận của bạn..."),
    ("B102", "Theo dõi Báo Thanh Niên trên Google News để cập nhật tin tức nhanh nhất."),
    ("B102", "Facebook • Zalo • Youtube"),
    ("B103", "VnExpress - Báo tiếng Việt nhiều người xem nhất"),
    ("B103", "Tuổi Trẻ Online - Tin tức mới nhất, nóng nhất 24h"),
    ("B104", "Điều khoản sử dụng | Chính sách bảo mật | Liên hệ"),
    ("B104", "Liên hệ quảng cáo • Tuyển dụng • Đặt mua báo"),
    ("B106", "Cuộn xuống để tiếp tục đọc"),
    ("B106", "Tiếp tục đọc bài viết bên dưới"),
    ("B107", "Hôm nay: Thứ Năm, 01/12/2024"),
    ("B107", "Cập nhật vào 14:32, 12/11/2024"),
])
def test_labelled_and_separated_chrome_is_flagged_and_deleted_anywhere(code, line):
    for text in (between(line), at_top(line), at_end(line)):
        assert codes(text, "B") == [code], text
        assert fixed(text, "B") == ARTICLE


HARD_NEGATIVES = [
    "Hôm nay, Bộ Y tế công bố thêm 12 ca mắc mới tại TP.HCM.",
    "Hôm nay (12/11), Quốc hội thảo luận về dự án Luật Đất đai sửa đổi.",
    "Hôm nay: ngày hội của những người yêu sách",
    "Hôm nay 12/11/2024, trời Hà Nội rét đậm",
    "Hôm nay: 12/11/2024 là ngày Quốc hội biểu quyết thông qua luật.",
    "Thời gian đọc sách của trẻ em Việt Nam chỉ khoảng 4 phút mỗi ngày.",
    "Thời gian đọc sách trung bình của người Việt là 4 cuốn/năm",
    "Thời gian: 8h00 ngày 15/11/2024",  # an event the article announces
    "3 phút đọc kỹ hướng dẫn sử dụng trước khi dùng",
    "Giáo dục và đào tạo",
    "Thể thao và Giải trí",
    "Kinh tế - xã hội phục hồi mạnh mẽ",
    "Lợi nhuận quý III | Ngân hàng | Tỷ đồng",
    "Tỷ số 2 - 1 | Hiệp 1",
    "Giá vàng > 80 triệu đồng/lượng",
    "Tăng trưởng GDP › 6,5% là mục tiêu khả thi",
    "An ninh › trật tự được đảm bảo",
    "Phát triển kinh tế › Giảm nghèo bền vững",
    "Đội tuyển Việt Nam › Thái Lan: 2-1",
    "“Hạnh phúc | Tự do”",
    "Hà Nội · Thứ Năm · 12/11/2024",
    "Nguyễn Văn A · Trần Thị B",
    "Bóng đá Việt Nam | Đội tuyển quốc gia giành vé vào chung kết",
    "Trở lại trường học sau kỳ nghỉ Tết",
    "Trở lại Hà Nội sau 20 năm xa quê",
    "Quay lại thị trường sau hai năm vắng bóng",
    "Về kinh tế",  # a sub-heading of a government report
    "Tin nóng là thứ báo chí luôn săn đuổi.",
    "Tin nóng từ Bộ Công an: bắt giữ 12 đối tượng",
    "Đọc nhiều, viết nhiều là cách tốt nhất để rèn luyện văn phong.",
    "Sự kiện: Lễ hội áo dài TP.HCM 2024",
    "Tiêu điểm: Giá vàng tăng mạnh",
    "Thanh Niên - lực lượng xung kích trong chuyển đổi số",
    "Tuổi trẻ - thời gian đẹp nhất của đời người",
    "Nhân dân - người hưởng lợi từ chính sách mới",
    "Thanh Niên - tờ báo có lượng độc giả lớn - đã cập nhật liên tục diễn biến vụ việc.",
    "Giọng nữ cao Phạm Thu Hà thể hiện ca khúc mới",
    "Tốc độ tăng trưởng đạt 1,5x so với cùng kỳ năm ngoái.",
    "Tốc độ",  # a sub-heading of a car review
    "Nghe nhạc là sở thích của anh từ nhỏ.",
    "Theo dõi diễn biến trên mạng xã hội, nhiều người cho rằng ông đã quá lời.",
    "Theo dõi các trận đấu trên YouTube để học hỏi, Minh đã tiến bộ rõ rệt.",
    "Tiếp tục đọc diễn văn, ông nhấn mạnh vai trò của thanh niên.",
    "Để lại bình luận trên trang cá nhân, nhiều người bày tỏ sự tiếc nuối.",
    "👉 Giá xăng giảm mạnh từ 15h chiều nay, người dân đổ xô đi đổ xăng.",
    "✅ Ưu điểm: pin khỏe, màn hình đẹp",
    "🔥 Cháy lớn tại chung cư mini ở Hà Nội",
]


@pytest.mark.parametrize("line", HARD_NEGATIVES)
def test_labels_separators_and_emoji_in_real_text_are_not_chrome(line):
    assert_clean([between(line), at_top(line), at_end(line)], "B")


def test_an_address_row_may_end_a_review():
    assert_clean([at_end("Địa chỉ: 123 Lê Lợi, quận 1 · Điện thoại: 028 3822 1234")], "B")


def test_two_sections_joined_by_a_hyphen_stay_contextual():
    assert_clean([between("Kinh tế - Xã hội"), between("Văn hóa - Du lịch"), between("Doanh nghiệp / Thị trường")], "B")


def test_emoji_never_merge_lines():
    text = "🔥\n\n" + ARTICLE + "\n👉\n"
    assert_clean([text], "B")  # an emoji alone is not chrome the catalogue knows


@pytest.mark.parametrize("line", [
    "Thứ Năm, 17/08/2024 | 07:18", "06:49 07/02/2024", "07:18 | Thứ Năm, 17/08/2024",
    "2024-08-17T07:18:22+07:00", "Thứ năm, 17/08/2024 07:18",
])
def test_wider_datelines_stay_opt_in(line):
    text = between(line)
    assert codes(text, "B") == []
    assert codes(text, "B108") == ["B108"]
    assert fixed(text, "B108") == ARTICLE
