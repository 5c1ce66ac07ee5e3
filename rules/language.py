"""L: language.

A Vietnamese corpus should hold Vietnamese. Letters with Vietnamese
diacritics decide almost every line at the cost of a regex search; only the
few lines that look foreign to a cheap word test are handed to langdetect,
which is imported, and its profiles loaded, on the first such line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, List, NamedTuple, Optional, Sequence, Tuple

from vnlint.diagnostic import Diagnostic
from vnlint.document import Document, Line
from vnlint.rule import Option, Rule, RuleOptions
from vnlint.rules.vietnamese import VIETNAMESE_ONLY_LETTERS, WORD, is_vietnamese_syllable

# Letters that only Vietnamese writes: ơ, ư, and everything in the Latin Extended
# Additional block (ạ, ả, ấ, ề, ệ, ọ, ụ, ỹ ...), plus ă, đ, ĩ, ũ. Not the Latin-1
# accents (à á â è é ê ì í ò ó ô õ ù ú ý), which French, Spanish and Portuguese share.
_DISTINCTIVE = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")
# Letters of other scripts (CJK, Cyrillic, Thai, Khmer, Lao, Arabic ...): not Latin, not digits.
_OTHER_SCRIPT = re.compile("[^\\W\\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]")
# Legacy-encoded Vietnamese (VNI, TCVN3, cp1252 mojibake) read as Unicode is full of
# Latin letters that Vietnamese never uses (ñ ø Ë Ç Þ) and of symbols glued inside
# words ("th¾ng", "ng\u00adîc", "Viá»‡t"); langdetect calls such lines English or
# Norwegian. Two of these leave the line to the encoding rules (E1xx). (Not the no-break
# space or the soft hyphen: they are E002/E003's, inside otherwise sound text.)
_NON_VIETNAMESE_LATIN = "".join(
    c for c in map(chr, range(0xC0, 0x250)) if c.isalpha() and c not in VIETNAMESE_ONLY_LETTERS)
_LEGACY_SIGNS = re.compile(
    f"[{_NON_VIETNAMESE_LATIN}]|(?<=[^\\W\\d_])[\u0080-\u009f\u00a1-\u00ac\u00ae-\u00bf\u2020\u2021\u2030\u0192](?=[^\\W\\d_])")
# Tokens that are no language: links, e-mail addresses, domains, @handles and #hashtags.
_NOT_LANGUAGE = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[@#]\w+"
    r"|\b[\w-]+(?:\.[\w-]+)+\b"
)
# Words that read the same in every language of the news: units, "vs", "ok".
_NEUTRAL_WORDS = frozenset("vs ok km kg cm mm kw mw gb mb tv pr ad".split())
# Well-formed Vietnamese syllables that are hardly ever Vietnamese words, but are
# English or French function words: "Powered by Techcity", "Share on Facebook".
# (Syllables that are common in both, like to, do, so, in, an, can, stay Vietnamese.)
_FOREIGN_LOOKALIKES = frozenset("by on the he me be go my le de".split())
_SHORT_LINE_WORDS = 6  # below this, a line is judged only when none of its words is Vietnamese
_FOREIGN_SHARE = 0.5  # a candidate has fewer than this share of Vietnamese syllables among its plain words
_MIN_PROBABILITY = 0.9  # langdetect must be at least this sure of a language we do not accept
_MIN_OTHER_SCRIPT = 6  # letters of another script that make a line a candidate on their own

_LANGUAGE_NAMES = {
    "vi": "Vietnamese", "en": "English", "fr": "French", "de": "German", "es": "Spanish", "pt": "Portuguese",
    "it": "Italian", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "zh-cn": "Chinese", "zh-tw": "Chinese",
    "ja": "Japanese", "ko": "Korean", "th": "Thai", "id": "Indonesian", "tl": "Tagalog", "ar": "Arabic",
}


class Evidence(NamedTuple):
    """What the cheap test found in one line."""

    words: int  # words of two letters or more
    vietnamese: int  # plain (lower-case) words that are Vietnamese syllables
    foreign: int  # plain words that are not
    other_script: int  # letters of a non-Latin script
    latin_letters: int  # letters in the words counted above


def line_evidence(text: str) -> Optional[Evidence]:
    """Count the words of a line, or None when the line is not to be judged: two letters
    that only Vietnamese writes make it Vietnamese, and signs of a legacy encoding
    leave it to the encoding rules.

    A "plain" word is lower-case, or the first word of the line: capitalised,
    all-caps and mixed-case words (Ronaldo, USD, iPhone) are names, which say
    nothing about the language of the sentence around them.
    """
    first = _DISTINCTIVE.search(text)
    if first is not None and _DISTINCTIVE.search(text, first.end()) is not None:
        return None  # two letters only Vietnamese writes: Vietnamese, however many brand names surround them
    if not text.isascii():
        legacy = _LEGACY_SIGNS.search(text)
        if legacy is not None and _LEGACY_SIGNS.search(text, legacy.end()) is not None:
            return None  # legacy-encoded Vietnamese, not a foreign language: E1xx reports it
    if "." in text or "@" in text or "#" in text:
        text = _NOT_LANGUAGE.sub(" ", text)
    other_script = 0 if text.isascii() else len(_OTHER_SCRIPT.findall(text))
    words = vietnamese = foreign = latin_letters = 0
    for match in WORD.finditer(text):
        word = match.group()
        if len(word) < 2:
            continue
        words += 1
        latin_letters += len(word)
        if not word[1:].islower() or (words > 1 and not word[0].islower()):
            continue  # a name, an acronym or a brand
        lower = word.lower()
        if lower in _NEUTRAL_WORDS:
            continue
        if lower not in _FOREIGN_LOOKALIKES and is_vietnamese_syllable(lower):
            vietnamese += 1
        else:
            foreign += 1
    return Evidence(words, vietnamese, foreign, other_script, latin_letters)


def is_candidate(evidence: Evidence, min_words: int) -> bool:
    """Whether a line looks foreign enough to be worth asking langdetect."""
    if evidence.other_script >= _MIN_OTHER_SCRIPT and evidence.other_script > evidence.latin_letters:
        return True
    if evidence.words < min_words or evidence.foreign < 2:
        return False
    if evidence.words < _SHORT_LINE_WORDS:
        return evidence.vietnamese == 0
    return evidence.vietnamese < _FOREIGN_SHARE * (evidence.vietnamese + evidence.foreign)


@lru_cache(maxsize=1)
def _detector_factory():
    # Imported and loaded here, once, on the first candidate line: langdetect takes
    # about 0.25 s to read its 55 profiles, which most files never need.
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)  # langdetect samples n-grams at random; a fixed seed makes results repeatable
    return factory


@lru_cache(maxsize=4096)
def detect_language(text: str) -> Tuple[str, float]:
    """langdetect's most probable language for text and its probability, deterministically.

    Cached: the same site chrome ("Powered by …") recurs in thousands of files of a corpus.
    """
    from langdetect.lang_detect_exception import LangDetectException

    detector = _detector_factory().create()
    detector.append(text)
    try:
        best = detector.get_probabilities()
    except LangDetectException:  # no letters langdetect knows
        return "", 0.0
    return (best[0].lang, best[0].prob) if best else ("", 0.0)


class UnexpectedLanguage(Rule):
    """
    ## What it does
    Finds lines that are not written in an accepted language (by default only
    Vietnamese), such as the English "Powered by Techcity" at the top of seed
    003. Consecutive such lines of one paragraph are reported together.

    Each line first gets a cheap test. Two letters that only Vietnamese writes
    (ơ, ư, ă, đ, ạ, ề, ộ …) settle it as Vietnamese. Otherwise its plain words
    (lower-case, or first in the line) are checked against Vietnamese syllable
    structure, while capitalised, all-caps and mixed-case words (Ronaldo, USD,
    iPhone), links, e-mail addresses, domains, @handles and #hashtags count for
    nothing. Only a line with at least two plain words that are not Vietnamese
    syllables, and fewer than half Vietnamese ones, is handed to langdetect
    (with a fixed seed, so results are deterministic); it is flagged when
    langdetect is at least 90% sure of a language that is not accepted. A line
    mostly in another script (Chinese, Russian, Thai …) is always handed over.

    A line with two or more Latin letters that Vietnamese never uses (ñ, ø, Ë,
    Þ …) or symbols glued inside words ("th¾ng", "Viá»‡t") is not judged: it is
    almost always Vietnamese in a legacy encoding (VNI, TCVN3) or mojibake,
    which the encoding rules (E1xx) report; the price is that German or Nordic
    lines are not judged either.

    Short lines are handled explicitly, because langdetect is unreliable on
    them (it calls "Kim Jong Un" Tagalog and "HMS Richmond" German): a line of
    fewer than `min-words` words is never judged, and a line of fewer than six
    words only when none of its plain words is Vietnamese.

    Mixed text is not flagged: "Apple ra mắt iPhone 16 Pro Max tại sự kiện" has
    Vietnamese letters, and "Cristiano Ronaldo ghi bàn cho Al Nassr" has more
    Vietnamese plain words than foreign ones.

    ## Why it matters
    Site chrome ("Powered by …", "All rights reserved"), untranslated wire copy
    and pages in the wrong language end up in Vietnamese corpora and teach a
    model to switch language mid-text.

    ## Example
    ```
    Powered by Techcity

    Mốc son mới trong quan hệ Việt Nam – Trung Quốc
    ```
    reports line 1 ("Line not in an accepted language: langdetect says English
    (en, 100%)") and leaves the Vietnamese title alone. There is no fix: delete
    the line by hand, or let the boilerplate rules remove known site chrome.

    ## Fix safety
    No fix: whether a foreign line is noise or a legitimate quotation needs a
    person.
    """

    code = "L101"
    name = "unexpected-language"
    summary = "Line not written in an accepted language (Vietnamese by default)"
    default_severity = "warning"
    fix_safety = "none"
    options = (
        Option(name="languages", type=tuple, default=("vi",),
               help='Accepted languages, as langdetect codes ("vi", "en", "fr", "zh-cn" …). Lines that the '
                    'Vietnamese-letter test settles are accepted whatever this says.'),
        Option(name="min-words", type=int, default=3, minimum=1,
               help="Lines with fewer words (of two letters or more) are never judged."),
    )

    def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
        accepted = frozenset(code.lower() for code in options.languages)  # langdetect's codes are lower-case
        flagged: List[Tuple[Line, str, float]] = []
        for line in document.lines:
            text = line.text
            if not text or text.isspace():
                continue
            evidence = line_evidence(text)
            if evidence is None or not is_candidate(evidence, options.min_words):
                continue
            language, probability = detect_language(text)
            if language and language not in accepted and probability >= _MIN_PROBABILITY:
                flagged.append((line, language, probability))
        for run in _runs(flagged):
            first, language, probability = run[0]
            last = run[-1][0]
            name = _LANGUAGE_NAMES.get(language, language)
            where = "Line" if len(run) == 1 else f"Lines {first.number}–{last.number}"
            message = (f"{where} not in an accepted language: langdetect says {name} "
                       f"({language}, {probability:.0%})")
            yield self.diagnostic(document, first.start, last.end, message)


def _runs(flagged: Sequence[Tuple[Line, str, float]]) -> List[List[Tuple[Line, str, float]]]:
    """Group flagged lines that follow each other directly and share a language."""
    runs: List[List[Tuple[Line, str, float]]] = []
    for item in flagged:
        if runs and runs[-1][-1][0].number + 1 == item[0].number and runs[-1][-1][1] == item[1]:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs
