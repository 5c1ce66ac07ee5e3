"""Hypothesis: on any text the tool never crashes, fixing is idempotent, and fixes stay in their ranges."""

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnlint
from vnlint.config import active_rules, config_from_dict
from vnlint.document import Document
from vnlint.engine import apply_fixes, check_document

# Vietnamese letters, ASCII, punctuation the rules care about, whitespace and troublemakers.
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
ALPHABET = (
    VIETNAMESE + VIETNAMESE.upper() + "_.,:;!?()“”\"'‘’–-/…%#@0123456789 \n\t"
    + "\u00a0\u200b\u00ad\ufeff\u0301\u0300\u0303\u0309\u0323\ufffd\r"
    + "ÃÂÃ¡Ã´Ä‘á»‡Æ°"  # mojibake fragments
)
texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=300) | st.text(max_size=120)
ALL_RULES = config_from_dict({"select": ["ALL"]})
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_check_never_crashes_and_positions_are_valid(text):
    doc = Document(text)
    for d in vnlint.check_text(text, ALL_RULES):
        assert 0 <= d.start_offset <= d.end_offset <= len(text)
        assert d.start == doc.position(d.start_offset) and d.end == doc.position(d.end_offset)


@SETTINGS
@given(texts)
def test_fix_is_idempotent(text):
    once = vnlint.fix_text(text, ALL_RULES, unsafe=True)
    twice = vnlint.fix_text(once.text, ALL_RULES, unsafe=True)
    assert twice.text == once.text
    safe_once = vnlint.fix_text(text, ALL_RULES)
    assert vnlint.fix_text(safe_once.text, ALL_RULES).text == safe_once.text


@SETTINGS
@given(texts)
def test_fixes_change_nothing_outside_the_lines_they_report(text):
    # A fix may touch only the lines its diagnostic reports, plus the line breaks around
    # them (deleting a last line takes the break before it).
    doc = Document(text)
    for d in check_document(doc, active_rules(ALL_RULES)):
        if d.fix is None:
            continue
        first = doc.line_starts[d.start.line - 1]
        last_line_end = doc.line_starts[d.end.line] - 1 if d.end.line < len(doc.line_starts) else len(text)
        for edit in d.fix.edits:
            assert first - 1 <= edit.start <= edit.end <= last_line_end + 1, (
                f"{d.code} edit {edit} outside lines {d.start.line}-{d.end.line}"
            )
        fixed = apply_fixes(text, [d.fix])
        prefix = max(0, first - 1)
        assert fixed[:prefix] == text[:prefix]
        tail = len(text) - min(len(text), last_line_end + 1)
        if tail:
            assert fixed[-tail:] == text[-tail:]


@SETTINGS
@given(st.text(alphabet=st.sampled_from(VIETNAMESE + " .,\n"), max_size=200))
def test_fixing_clean_nfc_text_never_denormalises(text):
    fixed = vnlint.fix_text(text, ALL_RULES, unsafe=True).text
    assert unicodedata.is_normalized("NFC", fixed)
