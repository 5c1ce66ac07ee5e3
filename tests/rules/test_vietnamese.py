"""Unit tests for the shared Vietnamese helpers (vnlint.rules.vietnamese)."""

from __future__ import annotations

import itertools
import unicodedata

import pytest

from conftest import seed_text
from vnlint.rules.vietnamese import (
    TONE_ACUTE,
    TONE_DOT,
    TONE_GRAVE,
    TONE_HOOK,
    TONE_NONE,
    TONE_TILDE,
    VIETNAMESE_ONLY_LETTERS,
    WORD,
    all_syllables,
    apply_tone,
    has_vietnamese_letters,
    is_vietnamese_syllable,
    split_tone,
    tone_style,
)

ALL_TONES = (TONE_NONE, TONE_ACUTE, TONE_GRAVE, TONE_HOOK, TONE_TILDE, TONE_DOT)
STOP_TONES = (TONE_ACUTE, TONE_DOT)

# Written independently of the module's tables: which rhymes each onset class takes.
FRONT_RHYMES_OPEN = "i e ê ia iu eo êu".split()
FRONT_RHYMES_CLOSED = "im in inh em en eng êm ên ênh iêm iên iêng iêu".split()
FRONT_RHYMES_STOP = "ich ip it ec ep et êch êp êt iêc iêp iêt".split()
BACK_RHYMES_OPEN = ("a ai ao au ay ây âu o oi ô ôi ơ ơi u ui ư ưi ưu ua uôi ưa ươi ươu "
                    "am an ang anh ăm ăn ăng âm ân âng om on ong oong ôm ôn ông ơm ơn "
                    "um un ung ưm ưng uôm uôn uông ươm ươn ương").split()
BACK_RHYMES_STOP = "ac ach ap at ăc ăp ăt âc âp ât oc op ot ooc ôc ôp ôt ơp ơt uc up ut ưc ưt uôc uôt ươc ươp ươt".split()
MEDIAL_OPEN = "oa oai oay oao oe oeo uê uy uya uyu uơ uây".split()
MEDIAL_CLOSED = "oan oang oanh oam oăm oăn oăng oen uân uâng uyên uênh uynh".split()
MEDIAL_STOP = "oac oach oat oap oăc oăt oet uât uêch uyt uych uyêt".split()
PLAIN_ONSETS = "b ch d đ h kh l m n nh ph r s t th tr v x".split()


def toned_forms(base: str, stop: bool):
    for tone in STOP_TONES if stop else ALL_TONES:
        yield apply_tone(base, tone)
        yield apply_tone(base, tone, style="modern")


def generated_valid():
    for onset in PLAIN_ONSETS + ["", "g", "c", "ng", "gi"]:
        front_ok = onset in PLAIN_ONSETS + [""]
        for rhyme in BACK_RHYMES_OPEN + (FRONT_RHYMES_OPEN + FRONT_RHYMES_CLOSED if front_ok else []):
            if onset == "" and rhyme.startswith("iê"):
                rhyme = "y" + rhyme[1:]
            if onset == "gi" and rhyme in ("i", "ia"):
                continue
            yield from toned_forms(onset + rhyme, stop=False)
        for rhyme in BACK_RHYMES_STOP + (FRONT_RHYMES_STOP if front_ok else []):
            if onset == "" and rhyme.startswith("iê"):
                rhyme = "y" + rhyme[1:]  # yết; there is no yếc or yếp
                if rhyme != "yêt":
                    continue
            yield from toned_forms(onset + rhyme, stop=True)
    for onset in ("k", "gh", "ngh"):
        for rhyme in FRONT_RHYMES_OPEN + FRONT_RHYMES_CLOSED:
            yield from toned_forms(onset + rhyme, stop=False)
        for rhyme in FRONT_RHYMES_STOP:
            yield from toned_forms(onset + rhyme, stop=True)
    for onset in PLAIN_ONSETS + ["", "g", "ng"]:
        for rhyme in MEDIAL_OPEN + MEDIAL_CLOSED:
            yield from toned_forms(onset + rhyme, stop=False)
        for rhyme in MEDIAL_STOP:
            yield from toned_forms(onset + rhyme, stop=True)
    for rhyme in MEDIAL_OPEN + MEDIAL_CLOSED:
        if rhyme != "uya":
            yield from toned_forms("qu" + rhyme[1:], stop=False)
    for rhyme in MEDIAL_STOP:
        yield from toned_forms("qu" + rhyme[1:], stop=True)


def test_every_generated_syllable_is_valid():
    words = set(generated_valid())
    assert len(words) > 10_000
    failures = sorted(w for w in words if not is_vietnamese_syllable(w))
    assert not failures, failures[:50]
    # Upper case and title case are the same syllables.
    sample = sorted(words)[::7]
    assert all(is_vietnamese_syllable(w.upper()) and is_vietnamese_syllable(w.title()) for w in sample)


def test_generated_syllables_with_a_moved_tone_are_invalid():
    moved = []
    for word in set(generated_valid()):
        base, tone = split_tone(word)
        if tone == TONE_NONE:
            continue
        for index, char in enumerate(base):
            candidate = base[:index] + apply_tone(char, tone) + base[index + 1:]
            if candidate != word and char in "aăâeêioôơuưy" and is_vietnamese_syllable(candidate):
                moved.append((word, candidate))
    # The only valid alternatives are the two placements of open oa, oe, uy.
    assert all(tone_style(a) and tone_style(b) and tone_style(a) != tone_style(b) for a, b in moved), moved[:20]


REAL_WORDS = """
    Việt Nam Hà Nội Tổng Bí thư Chủ tịch nước Tô Lâm Trung Quốc Tập Cận Bình nghiêng nghiệp
    người được đường giường giữa già gì gìn giếng gieo giục quý quí quốc quyết quyền quả qua
    hòa hoà thủy thuỷ ủy uỷ Ủy Uỷ UỶ ỦY khỏe khoẻ hòe hoè thuở huệ khuya khuỷu ngoài xoáy
    ngoằn ngoèo hoặc hoạch toán tuyết nguyễn Nguyễn truyền chuyện khuyến huỳnh quỳnh quýt
    buýt xoong soóc kìa mía múa của mưa lửa cửa yêu yên yết yếm y ý ỉa kỹ ký mỹ lý tỷ
    uyên uể oải oà ếch sách xiếc việc tiếng đẹp lớp bếp họp hộp kịp cướp ướt ước
    ăn ấm ốc ở ừ ư ạ ơi ôi ai ao âu ầu ấy thúy NGHIÊNG Nghiêng nGhIêNg
""".split()

INVALID = """
    đìều đươc nguời tóan hoàà ngì ce ci cy gê gha ka kô ngha nghô gìa qúa qưa
    iên tyên bac bàc bảc bãc tiêp tiềp sach sàch đườc nguyểễn Quôc
    hóan họan hóang qúy quyêt qùa ngừơi aaa bcd Hanoi Washington f j w z fa quyễên ưo uo
    vn2 Hà_Nội
""".split() + ["", "Hà Nội"]


@pytest.mark.parametrize("word", REAL_WORDS)
def test_real_words_are_valid(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", INVALID)
def test_invalid_words(word):
    assert not is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["ke", "kê", "ki", "ghe", "ghi", "nghe", "nghỉ", "ca", "ga", "nga", "gà"])
def test_velar_spelling_valid(word):
    assert is_vietnamese_syllable(word)


def test_velar_spelling_invalid():
    bad = [onset + rhyme for onset, rhyme in itertools.product(("c", "g", "ng"), ("e", "ê", "y", "em", "êu"))]
    bad += [onset + rhyme for onset, rhyme in itertools.product(("k", "gh", "ngh"), ("a", "o", "ô", "u", "ư", "ơ", "ua"))]
    assert [w for w in bad if is_vietnamese_syllable(w)] == []


def test_stop_codas_take_only_sac_or_nang():
    for base in ("bac", "sach", "hop", "tot", "thuyêt", "nghiêp"):
        valid = {tone for tone in ALL_TONES if is_vietnamese_syllable(apply_tone(base, tone))}
        assert valid == {TONE_ACUTE, TONE_DOT}, base


def test_two_tone_marks_are_invalid():
    assert not is_vietnamese_syllable("hoàà")
    assert not is_vietnamese_syllable("đìều")
    assert not is_vietnamese_syllable("ngưởì")


def test_split_tone_keeps_case():
    assert split_tone("Ủy") == ("Uy", TONE_HOOK)
    assert split_tone("NGƯỜI") == ("NGƯƠI", TONE_GRAVE)
    assert split_tone("được") == ("đươc", TONE_DOT)
    assert split_tone("Nam") == ("Nam", TONE_NONE)
    assert split_tone("đìều") == ("điêu", TONE_GRAVE)


def test_apply_tone_styles():
    assert apply_tone("hoa", TONE_GRAVE) == "hòa"
    assert apply_tone("hoa", TONE_GRAVE, style="modern") == "hoà"
    assert apply_tone("UY", TONE_HOOK) == "ỦY"
    assert apply_tone("UY", TONE_HOOK, style="modern") == "UỶ"
    assert apply_tone("Thuy", TONE_HOOK, style="modern") == "Thuỷ"
    assert apply_tone("quy", TONE_ACUTE) == apply_tone("quy", TONE_ACUTE, style="modern") == "quý"
    assert apply_tone("toan", TONE_ACUTE) == apply_tone("toan", TONE_ACUTE, style="modern") == "toán"
    assert apply_tone("ngươi", TONE_GRAVE) == "người"
    assert apply_tone("gia", TONE_GRAVE) == "già"
    assert apply_tone("gi", TONE_GRAVE) == "gì"
    assert apply_tone("giưa", TONE_TILDE) == "giữa"
    assert apply_tone("khuyu", TONE_HOOK) == "khuỷu"
    assert apply_tone("ngoai", TONE_GRAVE) == "ngoài"
    assert apply_tone("hòa", TONE_ACUTE, style="modern") == "hoá"  # an existing tone is replaced
    assert apply_tone("hoa", TONE_NONE) == "hoa"
    assert apply_tone("TTXVN", TONE_ACUTE) == "TTXVN"  # no vowel, nothing to mark


def test_tone_style():
    assert tone_style("hòa") == tone_style("Ủy") == tone_style("khỏe") == "traditional"
    assert tone_style("hoà") == tone_style("Uỷ") == tone_style("khoẻ") == "modern"
    for word in ("toán", "quý", "hoa", "hoàng", "người", "tóan", "ngoài"):
        assert tone_style(word) is None, word


def test_vietnamese_only_letters():
    for char in "ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặýỳỷỹỵÝỲỶỸỴ":
        assert char in VIETNAMESE_ONLY_LETTERS, char
    for char in "aAdDyYfçñöü":
        assert char not in VIETNAMESE_ONLY_LETTERS, char
    assert all(unicodedata.is_normalized("NFC", c) and len(c) == 1 for c in VIETNAMESE_ONLY_LETTERS)
    assert len(VIETNAMESE_ONLY_LETTERS) == 2 * (7 + 12 * 5)


def test_has_vietnamese_letters():
    assert has_vietnamese_letters("Hà Nội")
    assert has_vietnamese_letters("ĐÀ NẴNG")
    assert not has_vietnamese_letters("Ha Noi, thanhnien.vn, USD 100")
    assert not has_vietnamese_letters("Straße, garçon")
    assert not has_vietnamese_letters("")


def test_word_pattern():
    text = "Tổng_Bí_thư Tô Lâm, ngày 5/9: “Việt Nam – Trung Quốc” user@thanhnien.vn José Ủy"
    assert WORD.findall(text) == ["Tổng", "Bí", "thư", "Tô", "Lâm", "ngày", "Việt", "Nam", "Trung", "Quốc",
                                  "user", "thanhnien", "vn", "José", "Ủy"]


@pytest.mark.parametrize("word", [
    "quên", "quạu", "quều", "tuýp", "khuýp", "quỵu", "đìu", "Vy", "lí", "kĩ", "yến", "uyển", "hoằng", "giặc",
    "tuần", "huế", "thuế", "quơ", "hoài", "đước",
])
def test_more_valid_words(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", [
    "muá", "miá", "quí̉", "nghu", "kuy", "cì", "ge", "nge", "bảt", "hòc", "yiên", "iêu", "việtt", "ă", "â",
    "đăk", "lắk", "krông", "păh", "quo", "qu", "q", "fa", "jắc", "wá", "zì", "hoă", "ha-ha", "ha1",
])
def test_more_invalid_words(word):
    assert not is_vietnamese_syllable(word)


def test_apply_tone_rejects_unknown_style():
    with pytest.raises(ValueError):
        apply_tone("hoa", TONE_GRAVE, "new")


def test_word_pattern_keeps_decomposed_words_whole():
    assert WORD.fullmatch("Vie\u0302\u0323t")
    assert WORD.findall("TP.HCM 9.2022 e-mail@thanhnien.vn") == ["TP", "HCM", "e", "mail", "thanhnien", "vn"]


def test_every_three_letter_combination_is_handled():
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy" + "áàảãạ"
    valid = {word for word in map("".join, itertools.product(letters, repeat=3)) if is_vietnamese_syllable(word)}
    assert 300 < len(valid) < 3000
    assert valid <= all_syllables()


def test_all_syllables_are_the_valid_words():
    syllables = all_syllables()
    assert all(is_vietnamese_syllable(word) and word == word.lower() for word in syllables)
    assert set(generated_valid()) <= syllables
    assert {"hòa", "hoà", "quý", "gì", "giữa", "nghiêng", "khuỷu", "yết", "uyển", "oà"} <= syllables
    assert not {"tóan", "đươc", "đìều", "ce", "kông"} & syllables


@pytest.mark.parametrize("seed", ["000", "001", "002"])
def test_seed_words_with_vietnamese_letters_are_valid(seed):
    words = {w for w in WORD.findall(seed_text(seed)) if has_vietnamese_letters(w)}
    assert words and all(is_vietnamese_syllable(w) for w in words), sorted(w for w in words if not is_vietnamese_syllable(w))


def test_seed_003_and_004_reject_only_names_typos_and_glued_words():
    rejected = set()
    for seed in ("003", "004"):
        rejected |= {w for w in WORD.findall(seed_text(seed)) if has_vietnamese_letters(w) and not is_vietnamese_syllable(w)}
    assert rejected == {"đìều", "Đắk", "Lắk", "Đuma", "nhiệmỦy"}


# -- properties ---------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

GENERATED = sorted(set(generated_valid()))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(GENERATED), st.sampled_from(ALL_TONES), st.sampled_from(["traditional", "modern"]))
def test_split_and_apply_tone_round_trip(word, tone, style):
    base, _ = split_tone(word)
    toned = apply_tone(base, tone, style)
    assert split_tone(toned) == (base, tone)
    assert apply_tone(toned, tone, style) == toned
    assert apply_tone(toned.upper(), tone, style) == toned.upper()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(VIETNAMESE_ONLY_LETTERS) + list("abcdeghiklmnopqrstuvxyQ_- ")), max_size=9))
def test_validator_and_helpers_never_raise(text):
    result = is_vietnamese_syllable(text)
    assert result == is_vietnamese_syllable(text.upper())
    if result:
        assert WORD.fullmatch(text) and tone_style(text) in (None, "traditional", "modern")
    split_tone(text)
    has_vietnamese_letters(text)
