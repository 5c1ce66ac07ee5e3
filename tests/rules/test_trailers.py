"""T rules: related-article lists, source lines, teaser runs and off-topic tails (T101-T104)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnlint
from conftest import assert_clean, codes, fixed, only, seed_text
from vnlint.document import Document
from vnlint.rules.trailers import _content_words, _could_be_paragraph, trailer_edit

# Seed 003's article (diplomacy), its paragraphs as they are in the seed.
SEED_003 = seed_text("003").split("\n")
ARTICLE_LINES = [SEED_003[number - 1] for number in range(3, 50, 2)]
ARTICLE = "\n\n".join(ARTICLE_LINES) + "\n"
SHORT_BODY = [
    "Xuất khẩu gạo 10 tháng đạt kỷ lục, giá bình quân tăng 3,5%",
    "Xuất khẩu gạo của Việt Nam trong 10 tháng năm 2024 đạt hơn 7,8 triệu tấn, thu về 4,86 tỷ USD, mức cao "
    "nhất từ trước đến nay, theo số liệu của Tổng cục Hải quan công bố ngày 12/11/2024.",
    "So với cùng kỳ năm ngoái, lượng gạo xuất khẩu tăng 10,2%, còn giá trị tăng tới 23,5%. Giá xuất khẩu "
    "bình quân đạt khoảng 627 USD/tấn, tăng 3,5% so với tháng 9.2024 và cao hơn mặt bằng chung của Thái Lan.",
]
SHORT = "\n\n".join(SHORT_BODY) + "\n"
# Teasers of other articles, from seed 004's "Cùng chuyên mục" block.
TEASERS = [
    "Chủ nhiệm Ủy ban Biên giới quốc gia thăm và làm việc với Đồn Biên phòng cửa khẩu quốc tế Lào Cai",
    "Ngày 06/11/2025, Chủ nhiệm Ủy ban Biên giới quốc gia Trịnh Đức Hải đã đến thăm và làm việc với Đồn "
    "Biên phòng cửa khẩu...",
    "Đối thoại biển Việt Nam - Úc lần thứ 6",
    "Đối thoại về biển Việt Nam - Úc lần thứ 6 đã diễn ra tại Hà Nội ngày 16/10/2025.",
    "Hợp tác, phát triển khu vực biên giới trong tình hình mới",
    "Hòa bình, ổn định tại khu vực biên giới, địa phương biên giới tiếp tục là cơ sở vững chắc cho hợp tác "
    "và phát...",
]


def flagged(text: str, *selectors: str):
    """{line number: codes} for the non-blank lines inside a diagnostic's range."""
    document = Document(text)
    result = {}
    for d in vnlint.check_text(text, only(*selectors)):
        for line in document.lines:
            if line.text.strip() and line.start < d.end_offset and d.start_offset < line.end:
                result.setdefault(line.number, []).append(d.code)
    return result


# --- T101 related-articles ---------------------------------------------------------

def test_related_list_to_the_end_is_deleted_from_the_heading():
    text = SHORT + "\nTin liên quan\n\n" + "\n\n".join(TEASERS) + "\n"
    assert codes(text, "T101") == ["T101"]
    assert fixed(text, "T101") == SHORT


def test_related_list_glued_to_the_article_and_without_final_newline():
    text = SHORT.rstrip("\n") + "\nCùng chuyên mục\n" + "\n".join(TEASERS)
    assert fixed(text, "T101") == SHORT.rstrip("\n")  # no final newline before, none after


def test_related_list_of_titles_only():
    titles = [TEASERS[0], TEASERS[2], TEASERS[4]]
    text = SHORT + "\nTin đọc nhiều\n" + "\n".join("  " + title for title in titles) + "\n"
    assert fixed(text, "T") == SHORT


def test_a_related_box_inside_the_article_ends_where_the_article_resumes():
    text = "\n\n".join(SHORT_BODY[:2] + ["Xem thêm", TEASERS[0], TEASERS[2], "Giá lúa tăng mạnh",
                                        ARTICLE_LINES[2], ARTICLE_LINES[3]]) + "\n"
    # "Giá lúa tăng mạnh" heads the two paragraphs after it: it is the article's sub-heading, not a teaser.
    assert sorted(flagged(text, "T101")) == [5, 7, 9]
    assert fixed(text, "T101") == "\n\n".join(SHORT_BODY[:2] + ["Giá lúa tăng mạnh", ARTICLE_LINES[2],
                                                               ARTICLE_LINES[3]]) + "\n"


def test_the_list_never_takes_the_byline_or_the_closing_credit():
    for ending in ("Ngọc Ánh", "Theo TTXVN", "(Theo VnExpress)", "Huyền Lê"):
        text = SHORT + "\nTin liên quan\n\n" + "\n\n".join(TEASERS[:2]) + "\n\n" + ending + "\n"
        assert fixed(text, "T101") == SHORT + "\n" + ending + "\n"


def test_one_line_related_links():
    for link in ("Xem thêm: Giá vàng hôm nay tăng mạnh lên mức kỷ lục mới",
                 "XEM THÊM: Giá vàng hôm nay tăng mạnh lên mức kỷ lục mới",
                 ">> Giá vàng hôm nay tăng mạnh lên mức kỷ lục mới",
                 "Bài liên quan: Giá vàng hôm nay tăng mạnh"):
        text = "\n\n".join(SHORT_BODY[:2] + [link] + SHORT_BODY[2:]) + "\n"
        assert codes(text, "T") == ["T101"], link
        assert fixed(text, "T") == SHORT


def test_a_heading_followed_by_the_article_is_not_a_list():
    # A bare label is B101's; T101 needs teasers after it (or the end of the text).
    text = "\n\n".join(SHORT_BODY[:1] + ["Tin liên quan"] + SHORT_BODY[1:]) + "\n"
    assert codes(text, "T") == []
    assert codes(text, "B101") == ["B101"]


def test_a_heading_that_ends_the_text_is_a_trailer():
    text = SHORT + "\nTin nổi bật\n\nTin mới nhất\n"
    assert codes(text, "T101") == ["T101"]
    assert fixed(text, "T101") == SHORT


def test_a_list_above_the_article_is_the_page_header_not_a_trailer():
    text = "Tin nóng:\n\nVideo | Podcast | E-paper\n\n" + SHORT
    assert codes(text, "T") == []
    assert fixed(text, "B", "T") == SHORT


def test_weak_headings_need_two_teasers():
    one = SHORT + "\nNổi bật\n\n" + TEASERS[0] + "\n"
    two = SHORT + "\nNổi bật\n\n" + TEASERS[0] + "\n\n" + TEASERS[2] + "\n"
    assert codes(one, "T101") == []
    assert codes(two, "T101") == ["T101"]


HARD_NEGATIVES = [
    "Bạn đọc có thể xem thêm tại website của Bộ Tài chính.",
    "Tin mới nhất từ Bộ Y tế cho biết cả nước ghi nhận thêm 12 ca mắc.",
    "Theo nguồn tin của Thanh Niên, cuộc họp sẽ diễn ra vào tuần sau.",
    "Xem thêm: Điều 5 Nghị định 100/2019/NĐ-CP quy định mức phạt với người vi phạm.",
    "Ông chia sẻ rằng các tin khác đều chưa được kiểm chứng.",
    "Ngọc Ánh",
    "Theo TTXVN",
    "(Theo VnExpress)",
    "Nguồn: TTXVN",
    "Theo Thanhnien.vn",
    "Trận đấu diễn ra lúc 18 giờ.",
    "Kỳ vọng sẽ đạt được thành quả trên 3 phương diện",
]


@pytest.mark.parametrize("line", HARD_NEGATIVES)
def test_article_lines_are_never_trailers(line):
    middle = "\n\n".join(SHORT_BODY[:2] + [line] + SHORT_BODY[2:]) + "\n"
    assert_clean([middle, SHORT + "\n" + line + "\n", ARTICLE + "\n" + line + "\n"], "T")


def test_clean_seeds_and_article_have_no_trailer():
    assert_clean([seed_text("000"), seed_text("001"), ARTICLE, SHORT], "T")


def test_extra_headings_and_replace_catalogue():
    text = SHORT + "\nTin tức cùng tác giả Ngọc Ánh\n\n" + "\n\n".join(TEASERS[:2]) + "\n"
    assert codes(text, "T101") == []
    config = only("T101", **{"related-articles": {"extra-headings": ["Tin tức cùng tác giả Ngọc Ánh"]}})
    assert codes(text, config=config) == ["T101"]
    assert fixed(text, config=config) == SHORT
    replaced = only("T101", **{"related-articles": {"replace-catalogue": True}})
    assert codes(SHORT + "\nTin liên quan\n\n" + "\n\n".join(TEASERS) + "\n", config=replaced) == []



# A "Xem thêm tin <chuyên mục>" box: links, each with its lead and the time it was posted.
LINK_BLOCK = [
    "Xem thêm tin Kinh tế",
    "» Giá lúa gạo hôm nay tăng nhẹ tại Đồng bằng sông Cửu Long",
    "Giá lúa IR 50404 tại An Giang tăng 200 đồng/kg so với tuần trước, thương lái thu mua...",
    "12/11/2024 08:30",
    "» Doanh nghiệp xuất khẩu gạo tìm thị trường mới ở châu Phi",
    "Nhiều doanh nghiệp cho biết đơn hàng sang Bờ Biển Ngà, Ghana tăng mạnh từ đầu năm...",
    "12/11/2024 07:15",
]


def test_link_block_with_leads_and_timestamps_is_deleted_from_its_heading():
    text = SHORT + "\n" + "\n\n".join(LINK_BLOCK) + "\n"
    assert sorted(flagged(text, "T101")) == [7, 9, 11, 13, 15, 17, 19]
    assert fixed(text, "T101") == SHORT
    # the same without its heading, with other timestamp forms, and glued lines
    other = [line.replace("12/11/2024 08:30", "08:30 12/11/2024").replace("12/11/2024 07:15", "2 giờ trước")
             for line in LINK_BLOCK[1:]]
    assert fixed(SHORT + "\n" + "\n".join(other) + "\n", "T101") == SHORT


def test_link_block_stops_where_the_article_resumes():
    # "» title" links inside the article: the paragraphs after them are the article's
    links = ["» Giá lúa gạo hôm nay tăng nhẹ tại Đồng bằng sông Cửu Long", SHORT_BODY[1], SHORT_BODY[2],
             "» Doanh nghiệp xuất khẩu gạo tìm thị trường mới ở châu Phi", ARTICLE_LINES[2]]
    text = "\n\n".join(SHORT_BODY[:2] + links) + "\n"
    assert sorted(flagged(text, "T101")) == [5, 11]
    # a lead with no "..." and no timestamp under a single link, then the byline: kept
    text = SHORT + "\n" + LINK_BLOCK[1] + "\n\n" + ARTICLE_LINES[2] + "\n\nNgọc Ánh\n"
    assert sorted(flagged(text, "T101")) == [7]
    # "Xem thêm tin Kinh tế" over article prose is no heading of a block
    text = "\n\n".join(SHORT_BODY[:2] + ["Xem thêm tin Kinh tế tại chuyên trang", ARTICLE_LINES[2],
                                        ARTICLE_LINES[3]]) + "\n"
    assert_clean([text], "T101")

# --- T102 source-line ----------------------------------------------------------

def test_source_lines_after_the_article():
    text = SHORT + "\nThanhnien.vn\n\nNguồn: https://thanhnien.vn/moc-son-moi-185240815232301196.htm\n"
    assert codes(text, "T102") == ["T102", "T102"]
    assert fixed(text, "T102") == SHORT
    for line in ("https://vnexpress.net/gia-vang-4812345.html", "Link bài gốc: https://dantri.com.vn/a.htm",
                 "Nguồn: vnexpress.net", "(dantri.com.vn)"):
        assert fixed(SHORT + "\n" + line, "T102") == SHORT.rstrip("\n"), line


def test_an_address_the_article_gives_is_kept():
    introduced = SHORT + "\nNgười dân tra cứu kết quả tại:\n\nhttps://dichvucong.gov.vn\n"
    followed = "\n\n".join(SHORT_BODY[:2] + ["https://gso.gov.vn"] + SHORT_BODY[2:]) + "\n"
    assert_clean([introduced, followed], "T102")


def test_placeholder_and_credit_with_address_are_source_lines():
    for line in ("Nguồn: [Link nguồn]", "Nguồn: [Link bài viết gốc]", "Link: <URL>",
                 "Theo SGGP | https://sggp.org.vn/bo-gd-dt-cong-bo-phuong-an-thi-post712345.html",
                 "(Theo Dân trí - https://dantri.com.vn/giao-duc/a-20241112.htm)",
                 "Nguồn: Báo Tuổi Trẻ - https://tuoitre.vn/metro-so-1-2024111208.htm"):
        assert fixed(SHORT + "\nThu Hà\n\n" + line + "\n", "T102") == SHORT + "\nThu Hà\n", line


def test_credits_without_an_address_are_the_articles_own():
    endings = ["Nguồn: TTXVN", "Theo TTXVN", "(Theo VnExpress)", "Theo VnExpress.net", "Nguồn: Bộ Y tế",
               "Theo Bộ Y tế, người dân có thể đăng ký tại https://dichvucong.gov.vn",
               "Bài và ảnh: Lan Anh", "Theo [Link] của Bộ Y tế người dân sẽ được hỗ trợ miễn phí."]
    assert_clean([SHORT + "\nThu Hà\n\n" + ending + "\n" for ending in endings], "T")

# --- T103 teaser-run --------------------------------------------------------------

def test_headless_teaser_run_is_flagged_with_an_unsafe_fix():
    text = ARTICLE + "\n" + "\n\n".join(TEASERS) + "\n"
    assert codes(text, "T") == ["T103"]
    assert fixed(text, "T") == text  # unsafe: not applied by default
    assert fixed(text, "T", unsafe=True) == ARTICLE


def test_a_paragraph_ending_with_an_ellipsis_is_not_a_teaser():
    # Seed 003's own line 33 ends with "…" after an enumeration; it follows prose, not a title.
    text = ARTICLE + "\nNgọc Ánh\n"
    assert "…" in ARTICLE
    assert_clean([text, seed_text("003").split("Thanhnien.vn")[0]], "T103")


HEADLINES = ["Sầu riêng mất giá, nông dân Tây Nguyên lo lỗ",
             "Từ 1/1/2025, vượt đèn đỏ có thể bị phạt tới 20 triệu đồng",
             "Xe khách tông đuôi xe tải trên cao tốc, 12 người bị thương",
             "Mỗi ngày Việt Nam thải ra khoảng 2.500 tấn rác nhựa"]


def test_headlines_after_the_byline_are_teasers():
    text = SHORT + "\nHoàng Nam\n\n" + "\n".join(HEADLINES[:2]) + "\n"
    assert codes(text, "T") == ["T103"]
    assert fixed(text, "T", unsafe=True) == SHORT + "\nHoàng Nam\n"


def test_four_headlines_end_a_text_without_a_byline():
    text = ARTICLE + "\n" + "\n".join(HEADLINES) + "\n"
    assert codes(text, "T") == ["T103"]
    assert fixed(text, "T", unsafe=True) == ARTICLE
    # Three are not enough, and a list the article introduces with ":" is the article's.
    assert_clean([ARTICLE + "\n" + "\n".join(HEADLINES[:3]) + "\n",
                  ARTICLE + "\nCác tin chính trong ngày:\n\n" + "\n".join(HEADLINES) + "\n"], "T")


def test_a_footer_after_the_byline_is_not_a_teaser_run():
    # Seed 002's ending: B's footer, not teasers (no headline: "©", and "Thông tin" is too short).
    assert codes(seed_text("002"), "T") == []
    text = SHORT + "\nNgọc Ánh\n\nTổng biên tập: Nguyễn Minh Đức\nĐường dây nóng: 0912 345 678 - Email: a@b.vn\n"
    assert codes(text, "T") == []


def test_teaser_run_keeps_the_byline():
    text = ARTICLE + "\n" + "\n\n".join(TEASERS) + "\n\nNgọc Ánh\n"
    assert fixed(text, "T103", unsafe=True) == ARTICLE + "\nNgọc Ánh\n"


# --- T104 off-topic-tail -------------------------------------------------------------

# Seed 003's own farming and football teasers, without their "..." (so they are not a T103 run).
OFF_TOPIC = [SEED_003[86], SEED_003[88].rstrip("."), SEED_003[78], SEED_003[80].rstrip(".")]


def test_off_topic_tail_after_an_article_on_diplomacy():
    text = ARTICLE + "\n" + "\n\n".join(OFF_TOPIC) + "\n"
    found = vnlint.check_text(text, only("T"))
    assert [d.code for d in found] == ["T104"]
    assert "against the article's own" in found[0].message
    assert fixed(text, "T", unsafe=True) == ARTICLE
    assert fixed(text, "T") == text


def test_one_off_topic_paragraph_after_the_byline_is_enough():
    text = ARTICLE + "\nNgọc Ánh\n\n" + OFF_TOPIC[1] + "\n"
    assert codes(text, "T") == ["T104"]
    assert fixed(text, "T", unsafe=True) == ARTICLE + "\nNgọc Ánh\n"
    # Without the byline, one paragraph is too little evidence.
    assert codes(ARTICLE + "\n" + OFF_TOPIC[1] + "\n", "T104") == []


# A relief-news body whose paragraphs share little (cohesion 7%, no topic to diverge from), its byline,
# and one teaser of another article: a headline and its lead, sharing 6% of their pairs with the body.
RELIEF = [
    "Liên hợp quốc kêu gọi tăng viện trợ khẩn cấp cho người dân vùng lũ Myanmar",
    "Cơ quan điều phối nhân đạo của Liên hợp quốc ngày 14/9 cho biết mưa lớn do bão Yagi đã khiến hơn 630.000 "
    "người ở Myanmar cần hỗ trợ, trong đó nhiều vùng vẫn bị cô lập.",
    "Chính quyền quân sự Myanmar đã đề nghị nước ngoài giúp đỡ, một động thái hiếm thấy, khi số người chết vượt "
    "220 và hàng chục người vẫn mất tích sau lở đất.",
    "Các tổ chức cứu trợ cảnh báo nguy cơ dịch bệnh lây lan qua nguồn nước bẩn, trong khi đường sá, cầu cống hư "
    "hỏng làm chậm việc chuyển lương thực tới các làng.",
    "Trung Quốc, Ấn Độ và Thái Lan đã gửi hàng cứu trợ gồm gạo, thuốc men và lều bạt, còn Nhật Bản công bố khoản "
    "viện trợ khẩn cấp trị giá 1,5 triệu USD.",
    "Người dân ở bang Shan kể rằng nước dâng quá nhanh vào ban đêm, nhiều gia đình chỉ kịp mang theo giấy tờ và "
    "chạy lên đồi trú ẩn cho đến sáng hôm sau.",
]
RELIEF_ARTICLE = "\n\n".join(RELIEF) + "\n\nThanh Tâm (theo Reuters)\n"
PLASTIC_TEASER = [
    "Việt Nam mỗi ngày thải ra khoảng 2.500 tấn rác nhựa ra môi trường",
    "Theo Bộ Tài nguyên và Môi trường, lượng rác thải nhựa phát sinh tại Việt Nam ước khoảng 1,8 triệu tấn mỗi "
    "năm, người dân và doanh nghiệp chi hàng triệu USD cho việc thu gom.",
]


def test_one_teaser_after_the_byline_may_share_a_little_with_the_article():
    text = RELIEF_ARTICLE + "\n" + "\n\n".join(PLASTIC_TEASER) + "\n"
    assert codes(text, "T") == ["T104"]
    assert fixed(text, "T", unsafe=True) == RELIEF_ARTICLE
    # The same lead without its headline is no teaser: it must share next to nothing (5%).
    assert codes(RELIEF_ARTICLE + "\n" + PLASTIC_TEASER[1] + "\n", "T104") == []
    # A teaser of a related article shares much more: left alone.
    related = ["Số người chết do lũ lụt ở Myanmar tăng lên hơn 300",
               "Cơ quan điều phối nhân đạo của Liên hợp quốc cho biết người dân vùng lũ Myanmar vẫn cần viện trợ "
               "khẩn cấp, nhiều vùng bị cô lập sau lở đất."]
    assert codes(RELIEF_ARTICLE + "\n" + "\n\n".join(related) + "\n", "T104") == []


def test_word_segmented_byline_still_protects_the_ending():
    segmented = ARTICLE + "\n" + OFF_TOPIC[0] + "\n\n" + OFF_TOPIC[1] + "\n\nKhánh_Hòa\n"
    assert codes(segmented, "T104") == []


def test_no_off_topic_tail_when_the_text_ends_with_the_byline():
    text = ARTICLE + "\n" + "\n\n".join(OFF_TOPIC) + "\n\nNgọc Ánh\n"
    assert codes(text, "T104") == []


def test_on_topic_endings_are_not_off_topic():
    assert_clean([ARTICLE, seed_text("000"), seed_text("002"), SHORT + "\n" + "\n\n".join(OFF_TOPIC) + "\n"],
                 "T104")


def test_a_line_too_short_to_be_a_paragraph_is_no_tail():
    # "Công Phượng ..." shares nothing with the article, but has 6 pairs: a paragraph needs 10.
    text = ARTICLE + "\nNgọc Ánh\n\nCông Phượng ghi bàn thắng đẹp mắt\n"
    assert codes(text, "T104") == []
    assert codes(text, config=only("T104", **{"off-topic-tail": {"min-paragraph-words": 3}})) == ["T104"]
    assert codes(ARTICLE + "\nNgọc Ánh\n\n7\n", "T104") == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("aăeiouyAĐİ hòóỏ_-.,7\u0300\u0301\u0307"), max_size=60), st.integers(1, 30))
def test_a_line_said_to_be_too_short_never_holds_a_paragraph(text, min_paragraph_words):
    # The cheap bound lets T104 skip reading words; it must never be below the true count.
    if not _could_be_paragraph(text, min_paragraph_words):
        assert len(_content_words(text)) < min_paragraph_words


def test_off_topic_ratio_option():
    text = ARTICLE + "\n" + "\n\n".join(OFF_TOPIC) + "\n"
    assert codes(text, config=only("T104", **{"off-topic-tail": {"ratio": 0.05}})) == []


# --- deletion -----------------------------------------------------------------------

@pytest.mark.parametrize("text, first, last, result", [
    ("A\n\nH\nt\n\nB\n", 3, 4, "A\n\nB\n"),  # blank lines on both sides: one stays
    ("A\nH\nt\n\nB\n", 2, 3, "A\n\nB\n"),  # glued above
    ("A\n\nH\nt\nB\n", 3, 4, "A\n\nB\n"),  # glued below
    ("A\nH\nB\n", 2, 2, "A\nB\n"),
    ("A\n\nH\nt", 3, 4, "A\n"),  # to the end: one final newline
    ("A\nH\nt\n", 2, 3, "A\n"),
    ("H\nt\n\nB\n", 1, 2, "B\n"),  # at the top
])
def test_trailer_edit_keeps_paragraph_breaks(text, first, last, result):
    edit = trailer_edit(Document(text), first, last)
    assert text[:edit.start] + edit.content + text[edit.end:] == result


def test_trailer_fix_starts_before_a_b101_fix_of_its_heading():
    # Both families flag "Cùng chuyên mục"; T101's edit starts first, so the whole list goes in one pass.
    text = SHORT + "\nCùng chuyên mục\n" + "\n".join(TEASERS) + "\n"
    result = vnlint.fix_text(text, only("B", "T"))
    assert result.text == SHORT
    assert result.passes == 2
