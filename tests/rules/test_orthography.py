"""V family: tone-mark placement style (V101) and invalid syllables (V102)."""

from __future__ import annotations

import pytest

import vnlint
from conftest import assert_clean, codes, fixed, only, seed_text

# -- V101 tone-placement ------------------------------------------------------------

CLEAN_STYLE = [
    # one style only, either one
    "Thủy điện Hòa Bình, hòa bình và khỏe mạnh; Ủy ban nhân dân.",
    "Thuỷ điện Hoà Bình, hoà bình và khoẻ mạnh; Uỷ ban nhân dân.",
    # syllables spelled the same in both styles
    "Toán học, quý khách, hoàng gia, ngoài trời, hoạt động, thuở nhỏ, khuya, quỹ, thoại. Hòa.",
    "Hoà giải, toàn diện, quyết toán, đoàn kết, người được giao.",
    # a misplaced mark is V102's, not V101's
    "Tóan học hòa bình",
    # no Vietnamese at all
    "Powered by Techcity, thanhnien.vn, TP.HCM 9.2022",
]


def test_single_style_documents_are_clean():
    assert_clean(CLEAN_STYLE, "V101")


def test_minority_style_is_fixed_to_the_majority():
    text = "Thủy điện Hòa Bình. Hòa bình.\nHồ Hoà Bình, xoá đói."
    assert codes(text, "V101") == ["V101", "V101"]
    assert fixed(text, "V101") == "Thủy điện Hòa Bình. Hòa bình.\nHồ Hòa Bình, xóa đói."


def test_modern_majority_wins():
    text = "Hoà bình, thuỷ lợi, khoẻ mạnh, nhưng hòa giải."
    assert fixed(text, "V101") == "Hoà bình, thuỷ lợi, khoẻ mạnh, nhưng hoà giải."


def test_tie_goes_to_traditional():
    assert fixed("hoà bình và hòa giải", "V101") == "hòa bình và hòa giải"


def test_letter_case_is_kept():
    text = "UỶ BAN BIÊN GIỚI QUỐC GIA\nỦy ban nhân dân, ủy viên, thủy sản; Uỷ viên."
    assert fixed(text, "V101") == "ỦY BAN BIÊN GIỚI QUỐC GIA\nỦy ban nhân dân, ủy viên, thủy sản; Ủy viên."


def test_quy_and_closed_syllables_show_no_style():
    # quý, hoàng, toán look like a modern ending but are spelled the same in both styles
    assert_clean(["Hòa bình, quý khách, QUÝ VỊ, Quý, hoàng gia, toán học và hòa giải, thủy."], "V101")


def test_style_words_are_found_next_to_punctuation_and_at_the_end():
    assert fixed("hòa, hòa, hoà", "V101") == "hòa, hòa, hòa"
    text = "Hòa, thủy; “hoà”, (thuỷ), HOÀ…"
    assert fixed(text, "V101") == "Hoà, thuỷ; “hoà”, (thuỷ), HOÀ…"


def test_underscore_joined_tokens_are_words():
    text = "Hoà_Bình và hòa_bình , hòa_hợp"
    assert fixed(text, "V101") == "Hòa_Bình và hòa_bình , hòa_hợp"


@pytest.mark.parametrize("style, text, expected", [
    ("traditional", "Thuỷ điện Hoà Bình, toán", "Thủy điện Hòa Bình, toán"),
    ("modern", "Thủy điện Hòa Bình, ỦY BAN, toán", "Thuỷ điện Hoà Bình, UỶ BAN, toán"),
    # capital glides only: each search is skipped when its glide letter is absent
    ("traditional", "HOÀ BÌNH, KHOẺ", "HÒA BÌNH, KHỎE"),
    ("traditional", "THUỶ ĐIỆN", "THỦY ĐIỆN"),
])
def test_fixed_style_option(style, text, expected):
    config = only("V101", **{"tone-placement": {"tone-style": style}})
    assert fixed(text, config=config) == expected
    assert not vnlint.check_text(expected, config)


def test_fixed_style_option_flags_a_single_word():
    config = only("V101", **{"tone-placement": {"tone-style": "traditional"}})
    assert codes("Hoà", config=config) == ["V101"]
    assert codes("Hòa", config=config) == []


def test_message_names_both_spellings():
    [diagnostic] = vnlint.check_text("Hòa Bình, hòa bình, Hoà Bình", only("V101"))
    assert '"Hoà"' in diagnostic.message and '"Hòa"' in diagnostic.message
    assert diagnostic.fix.applicability == "safe"


def test_seed_003_mixes_hoa_and_xoa():
    text = seed_text("003")
    found = [(text[d.start_offset:d.end_offset], d.fix.edits[0].content) for d in vnlint.check_text(text, only("V101"))]
    assert found == [("xoá", "xóa"), ("Hoà", "Hòa")]


def test_seed_004_mixes_uy_and_hoa():
    text = seed_text("004")
    found = [(text[d.start_offset:d.end_offset], d.fix.edits[0].content) for d in vnlint.check_text(text, only("V101"))]
    assert found == [("UỶ", "ỦY")] * 3 + [("Uỷ", "Ủy")] * 3 + [("hoà", "hòa")]
    assert not vnlint.check_text(fixed(text, "V101"), only("V101"))


# -- V102 invalid-syllable ------------------------------------------------------------

HARD_NEGATIVES = [
    # clean prose and segmented prose
    "Tổng Bí thư, Chủ tịch nước Tô Lâm hội đàm với Chủ tịch Tập Cận Bình.",
    "Tổng_bí_thư Nguyễn_Phú_Trọng tiếp Trưởng ban Liên_lạc Đối_ngoại tại Hà_Nội .",
    "Giữa già gì gìn giếng, quý quốc quyết, khuỷu khuya, ngoằn ngoèo, xoong, buýt, tuýp người.",
    "Hòa hoà, thủy thuỷ, ủy uỷ, lý lí, kỹ kĩ, yêu yên yết.",
    # minority place names and transliterations
    "Xe chở sầu riêng Đắk Lắk; huyện Krông Pắc, Ea H'leo, Buôn Ma Thuột, M'Đrắk, Chư Păh, Chư Prông.",
    "Kông Chro, Kơ Nia, Bơ Kầu, người H’Mông, Xtiêng, Mnông; ĐẮK LẮK, KRÔNG BÚK.",
    "Ông Y Thuôn Niê, bà H’Ăng Byă và ông Y Biêr Niê ở buôn Êban.",
    "Ông Uyn-xtơn, Ôxtrâylia, Đuma quốc gia Nga, thủ tướng Phomvihane.",
    # foreign words and names
    "HLV José Mourinho, Thomas Müller, Pokémon, quán café, Xí Jìnpíng ở Běijīng, São Paulo.",
    "Apple ra mắt iPhone, Samsung Galaxy; Jumka và Kaja Kallas.",
    # acronyms, numbers, URLs, handles
    "TP.HCM, T.Ư, PGS.TS, ĐBSCL, HĐND, UBND, NSƯT, 9.2022, 1.234, 3,5%, 12/11/2024.",
    "Xem thanhnien.vn, gửi user@thanhnien.vn, theo dõi @tuổitrẻ và #ViệtNamơi, https://vi.wikipedia.org/wiki/Đắk_Lắk.",
    "Mã F16, Su-30MK2, COVID-19, lô 2đ, user_id, v2.0.",
    # glued by case is W1xx's
    "Tạo nên nhiệmỦy ban",
    # loanwords with Vietnamese letters and single letters
    "Bình ôxy, blốc nhà, chữ ă và â, chữ Ư.",
    # quoted slogans
    "“Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.",
]


def test_hard_negatives():
    assert_clean(HARD_NEGATIVES, "V102")


@pytest.mark.parametrize("seed", ["000", "001", "002"])
def test_clean_seeds(seed):
    assert_clean([seed_text(seed)], "V")


def test_seed_004_has_no_invalid_syllable():
    assert_clean([seed_text("004")], "V102")


def test_seed_003_has_one_typo():
    text = seed_text("003")
    [diagnostic] = vnlint.check_text(text, only("V102"))
    assert text[diagnostic.start_offset:diagnostic.end_offset] == "đìều"
    assert "Tạo điều kiện" in fixed(text, "V102", unsafe=True)
    assert "Tạo đìều kiện" in fixed(text, "V102")  # the fix is unsafe


@pytest.mark.parametrize("text, expected", [
    ("Tạo đìều kiện cho nông dân.", "Tạo điều kiện cho nông dân."),
    ("ĐÌỀU KIỆN", "ĐIỀU KIỆN"),
    ("Đìều kiện", "Điều kiện"),
    ("Bài tóan khó.", "Bài toán khó."),
    ("Công tác hòa giải, Hóan đổi", "Công tác hòa giải, Hoán đổi"),
    ("Làm việcc", "Làm việc"),
    # several valid repairs, exactly one used elsewhere in the document
    ("Được giao. Việc đươc làm.", "Được giao. Việc được làm."),
    ("Những người dân, nguời lao động.", "Những người dân, người lao động."),
    # several valid repairs, exactly one a real word
    ("Có nguời đến.", "Có người đến."),
    ("Theo quy định của luẫt giao thông", "Theo quy định của luật giao thông"),
    ("Nhiễt độ tăng, đường hèp", "Nhiệt độ tăng, đường hẹp"),
])
def test_unique_repairs_are_unsafe_fixes(text, expected):
    assert fixed(text, "V102", unsafe=True) == expected
    assert fixed(text, "V102") == text
    assert not vnlint.check_text(expected, only("V102"))


@pytest.mark.parametrize("text, suggestions", [
    ("Việc đươc làm.", ['"đước"', '"được"']),
    ("Bàc sĩ", ['"Bác"', '"Bạc"']),
])
def test_ambiguous_repairs_are_suggested_not_fixed(text, suggestions):
    # both repairs are real words (đước is a mangrove, bạc is silver) and neither is used elsewhere
    [diagnostic] = vnlint.check_text(text, only("V102"))
    assert diagnostic.fix is None
    assert all(s in diagnostic.message for s in suggestions), diagnostic.message


@pytest.mark.parametrize("word, reason", [
    ("đìều", "two tone marks"),
    ("tóan", "tone mark on the wrong vowel"),
    ("đươc", "takes only the sắc or nặng tone"),
    ("kông", "k, gh and ngh"),
    ("ngì", "k, gh and ngh"),
    ("nguời", 'no Vietnamese rhyme is spelled "uơi"'),
])
def test_reasons(word, reason):
    [diagnostic] = vnlint.check_text(f"Có {word} ở đây.", only("V102"))
    assert reason in diagnostic.message


def test_capitalised_impossible_rhyme_is_a_name_unless_the_document_uses_the_repair():
    assert codes("Ông Y Thuôn Niê, bà Byă.", "V102") == []
    text = "Nguời lao động và người dân."
    assert codes(text, "V102") == ["V102"]
    assert fixed(text, "V102", unsafe=True) == "Người lao động và người dân."
    # capitalised tone slips are typos whatever the document says
    assert codes("Hóan đổi.", "V102") == ["V102"]


def test_a_repair_used_only_inside_a_longer_word_does_not_attest_it():
    # "người" glued into a longer word is not the document using it (found by
    # str.find, so the word boundary is checked on both sides).
    assert codes("Nguời lao động, ngườidân.", "V102") == []
    assert codes("Nguời lao động, bangười.", "V102") == []


def test_lowercase_k_before_back_vowel_is_a_typo_but_a_capitalised_one_is_a_name():
    assert codes("tôi kông biết", "V102") == ["V102"]
    assert codes("huyện Kông Chro", "V102") == []


def test_allow_option():
    config = only("V102", **{"invalid-syllable": {"allow": ["Đìều"]}})
    assert not vnlint.check_text("Tạo đìều kiện", config)
    assert codes("Tạo đìều kiện", "V102") == ["V102"]


def test_repeated_typo_is_reported_at_every_occurrence():
    text = "đìều một, đìều hai\nđìều ba"
    diagnostics = vnlint.check_text(text, only("V102"))
    assert [text[d.start_offset:d.end_offset] for d in diagnostics] == ["đìều"] * 3
    assert [d.start_offset for d in diagnostics] == [0, 10, 19]


def test_typos_glued_to_punctuation_or_in_capitals_are_found():
    # Words are compared with the valid syllables after punctuation is cut off:
    # the typo must still be found whatever surrounds it.
    typos = "Tạo “đìều” kiện.\nNhà nước (đìều) chỉnh giá.\nCông việc đìều… như thế.\nĐÌỀU KIỆN CHO NÔNG DÂN\nVụ việc—đìều tra."
    text = f"{seed_text('002')}\n\n{typos}"
    found = [text[d.start_offset:d.end_offset] for d in vnlint.check_text(text, only("V102"))]
    assert found == ["đìều", "đìều", "đìều", "ĐÌỀU", "đìều"]


def test_valid_syllables_in_any_letter_case_are_clean():
    assert_clean([f"{seed_text('002')}\n\nHÒa bình, hÒA giải, VIệt Nam, tHỦY điện, ĐưỢC."], "V102")


def test_a_glued_run_of_syllables_is_not_a_syllable_and_costs_linear_time():
    # Every repair of a word longer than 8 letters is too long to be a syllable:
    # a 40,000-letter token once took half a minute building them.
    assert codes("đìều" * 10_000, "V102") == []
    assert codes("Bà ấy nói việtttttt rồi đi.", "V102") == []


def test_many_distinct_typos_are_all_found():
    # More than a handful of distinct bad tokens takes the one-pass token scan.
    typos = [onset + rhyme for onset in ("b", "t", "m", "l", "s") for rhyme in ("àc", "ảt", "ãp", "ồc")]
    lines = [line for line in seed_text("003").splitlines() if len(line) > 200][:len(typos)]
    assert len(lines) == len(typos)
    text = "\n\n".join(f"{line} Có {typo} ở đây, {typo}." for line, typo in zip(lines, typos))
    found = [text[d.start_offset:d.end_offset] for d in vnlint.check_text(text, only("V102"))]
    assert [word for word in found if word != "đìều"] == [typo for typo in typos for _ in range(2)]


# -- combining marks, broken encodings, invisible characters ----------------------------

@pytest.mark.parametrize("text, expected", [
    ("So với năm ngoái, giá trị tăng tớ̀i 23,5%.", "So với năm ngoái, giá trị tăng tới 23,5%."),
    ("Xuất khẩ̀u gạo", "Xuất khẩu gạo"),
    ("Viện Nghiên cứ̀u Rau quả", "Viện Nghiên cứu Rau quả"),
])
def test_stray_combining_mark_is_dropped(text, expected):
    [diagnostic] = vnlint.check_text(text, only("V102"))
    assert "cannot combine" in diagnostic.message
    assert fixed(text, "V102", unsafe=True) == expected


def test_stray_mark_that_belongs_to_the_letter_is_suggested():
    [diagnostic] = vnlint.check_text("về trà̂t tự, an toàn giao thông", only("V102"))
    assert '"trật"' in diagnostic.message and '"trất"' in diagnostic.message


def test_decomposed_words_are_not_v102s_business():
    assert_clean(["Vie\u0302\u0323t Nam, ngu\u031bo\u031b\u0300i da\u0302n"], "V")


LEGACY_LINES = {
    "vni": "Xuaát khaåu gaïo cuûa Vieät Nam trong 10 thaùng naêm 2024 ñaït hôn 7,8 trieäu taán, thu veà 4,86 tyû USD",
    "tcvn3": "XuÊt khÈu g¹o cña ViÖt Nam trong 10 th¸ng n¨m 2024 ®¹t h¬n 7,8 triÖu tÊn, thu vÒ 4,86 tû USD",
    "cp1258": "Xuâìt khâÒu gaòo cuÒa Viêòt Nam trong 10 thaìng nãm 2024 ðaòt hõn 7,8 triêòu tâìn, thu vêÌ 4,86 tyÒ USD",
    "cp1252": "Xuáº¥t kháº©u gáº¡o cá»§a Viá»‡t Nam trong 10 thÃ¡ng nÄƒm 2024 Ä‘áº¡t hÆ¡n 7,8 triá»‡u táº¥n",
}


@pytest.mark.parametrize("encoding", sorted(LEGACY_LINES))
def test_broken_encoding_is_left_to_the_e_family(encoding):
    line = LEGACY_LINES[encoding]
    assert_clean([line, f"{line}\n\n{line}\n\n{line}"], "V")
    # one broken line inside clean prose: only that line is skipped
    text = f"{seed_text('002')}\n\n{line}\n\nTạo đìều kiện cho nông dân.\n"
    assert codes(text, "V102") == ["V102"]


def test_a_line_shown_broken_by_letters_vietnamese_lacks_is_left_alone():
    # VNI read as Unicode shows itself by letters no Vietnamese word has (å, ï,
    # û, ñ) without any Latin-1 symbol: the tokens holding them are counted too.
    text = f"{seed_text('002')}\n\nKhaåu gaïo cuûa Vieät Nam ñaït kyû luïc, Tạo đìều kiện\n\nTạo đìều kiện.\n"
    assert [d.start_offset for d in vnlint.check_text(text, only("V102"))] == [text.rindex("đìều")]


def test_mojibake_is_not_counted_as_a_tone_style():
    text = "Hòa Bình, hòa giải.\n\nHoÃ\u00a0ng Nam\n\nXuáº¥t kháº©u gáº¡o cá»§a Viá»‡t Nam, hoà"
    assert codes(text, "V101") == []


def test_invisible_characters_and_glued_words_are_left_to_other_families():
    assert_clean(["Tươ\u200bng lai, đượ\u00adc việc", "cam kết tuyệtđối, bảođảmđộ an toàn"], "V102")


def test_data_files_are_well_formed():
    import unicodedata

    from vnlint.rules.orthography import _builtin_allowlist, _real_syllables
    from vnlint.rules.vietnamese import is_vietnamese_syllable

    real = _real_syllables()
    assert len(real) > 6000 and {"được", "người", "luật", "nhiệt"} <= real
    assert all(is_vietnamese_syllable(s) and s == unicodedata.normalize("NFC", s).lower() for s in real)
    allow = _builtin_allowlist()
    assert {"đắk", "lắk", "krông"} <= allow and "kông" not in allow


# -- properties ---------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_SEED_LINES = [line for prefix in ("000", "002") for line in seed_text(prefix).splitlines() if len(line) > 80]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_SEED_LINES), min_size=1, max_size=6),
       st.lists(st.sampled_from(["đìều", "tóan", "Hoà", "hòa", "UỶ", "đươc", "việtt", "tớ̀i", "Đắk", "Niê"]), max_size=5),
       st.randoms(use_true_random=False))
def test_fixes_converge_and_leave_nothing_fixable(lines, words, rng):
    tokens = " ".join(lines).split(" ")
    for word in words:
        tokens.insert(rng.randrange(len(tokens) + 1), word)
    text = " ".join(tokens)
    result = vnlint.fix_text(text, only("V"), unsafe=True)
    assert result.converged
    assert not [d for d in vnlint.check_text(result.text, only("V")) if d.fix]
