"""The fix loop: non-overlapping edits, repeated passes, convergence, cycles, idempotence."""

import pickle
from typing import Iterator

from vnlint import Edit, Rule, RuleOptions
from vnlint.diagnostic import Diagnostic, Fix
from vnlint.document import Document, Position
from vnlint.engine import MAX_FIX_PASSES, ActiveRule, apply_fixes, fix_document, select_non_overlapping

DOC = """
    ## What it does
    Test rule.
    ## Why it matters
    Test.
    ## Example
    a -> b
    ## Fix safety
    Test.
"""


def make_rule(code, replace_from, replace_to, applicability="safe"):
    class Replace(Rule):
        __doc__ = DOC
        name = f"replace-{code.lower()}"
        summary = "replace"
        fix_safety = applicability

        def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
            start = document.text.find(replace_from)
            while start >= 0:
                end = start + len(replace_from)
                yield self.diagnostic(document, start, end, f"{replace_from} -> {replace_to}",
                                      edits=[Edit(start, end, replace_to)], applicability=applicability)
                start = document.text.find(replace_from, end)

    Replace.code = code
    return ActiveRule(Replace(), RuleOptions({}), "warning")


def always(_):
    return True


def diag(start, end, content=""):
    fix = Fix((Edit(start, end, content),))
    return Diagnostic("W999", "x", "m", "warning", start, end, Position(1, 1), Position(1, 1), fix)


def test_apply_fixes_in_one_pass():
    text = "0123456789"
    fixes = [Fix((Edit(1, 2, "a"),)), Fix((Edit(5, 7, ""), Edit(8, 8, "Z")))]
    assert apply_fixes(text, fixes) == "0a2347Z89"


def test_overlapping_fixes_wait_for_the_next_pass():
    chosen = select_non_overlapping([diag(0, 5), diag(3, 8), diag(5, 6), diag(9, 9, "x"), diag(9, 10)])
    assert [(d.start_offset, d.end_offset) for d in chosen] == [(0, 5), (5, 6), (9, 9)]
    # An insertion at the end of a chosen deletion is ambiguous and waits.
    assert len(select_non_overlapping([diag(0, 5), diag(5, 5, "x")])) == 1


def test_chained_rules_converge_over_passes():
    rules = [make_rule("W901", "aa", "b"), make_rule("W902", "bb", "c")]
    result = fix_document(Document("aaaa aa"), rules, always)
    assert result.converged and result.text == "c b"
    assert result.passes == 3
    again = fix_document(Document(result.text), rules, always)
    assert again.text == result.text and not again.fixed


def test_a_cycle_keeps_the_original_text():
    rules = [make_rule("W901", "x", "y"), make_rule("W902", "y", "x")]
    result = fix_document(Document("x and y"), rules, always)
    assert not result.converged
    assert result.text == "x and y" and not result.fixed
    assert {d.code for d in result.remaining} == {"W901", "W902"}


def test_non_converging_growth_is_bounded():
    rules = [make_rule("W901", "a", "aa")]
    result = fix_document(Document("a"), rules, always)
    assert not result.converged and result.text == "a"
    assert result.passes == MAX_FIX_PASSES


def test_unsafe_fixes_need_permission():
    rules = [make_rule("W901", "x", "y", applicability="unsafe")]
    assert fix_document(Document("x"), rules, lambda d: d.fix.applicability == "safe").text == "x"
    assert fix_document(Document("x"), rules, always).text == "y"


def test_severity_override_applies_to_diagnostics():
    active = make_rule("W901", "x", "y")
    from vnlint.engine import check_document

    errors = check_document(Document("x"), [ActiveRule(active.rule, active.options, "error")])
    assert errors[0].severity == "error"


def test_edit_positions_are_filled_for_reporters():
    from vnlint.engine import check_document

    [d] = check_document(Document("ab\ncx"), [make_rule("W901", "x", "y")])
    assert d.fix.positions == ((Position(2, 2), Position(2, 3)),)


def test_document_lines_paragraphs_positions():
    doc = Document("một\nhai\n\n\nba\n")
    assert [line.text for line in doc.lines] == ["một", "hai", "", "", "ba"]
    assert [(p.first_line, p.last_line, p.text) for p in doc.paragraphs] == [(1, 2, "một\nhai"), (5, 5, "ba")]
    assert doc.position(0) == (1, 1) and doc.position(4) == (2, 1) and doc.position(len(doc.text)) == (6, 1)
    assert doc.offset(Position(5, 2)) == doc.text.index("ba") + 1
    assert [line.text for line in Document("").lines] == [""]
    assert [line.text for line in Document("a\n").lines] == ["a"]


def test_delete_lines_helper_keeps_final_newline_convention():
    rule = make_rule("W901", "x", "y").rule
    doc = Document("một\nhai\nba")
    assert apply_fixes(doc.text, [Fix((rule.delete_lines(doc, 3, 3),))]) == "một\nhai"
    assert apply_fixes(doc.text, [Fix((rule.delete_lines(doc, 1, 1),))]) == "hai\nba"
    doc = Document("một\nhai\n")
    assert apply_fixes(doc.text, [Fix((rule.delete_lines(doc, 2, 2),))]) == "một\n"


def test_config_and_results_pickle():
    import vnlint

    config = vnlint.config_from_dict({"select": ["W"], "rules": {"W002": {"severity": "error"}}})
    assert pickle.loads(pickle.dumps(config)) == config
    result = vnlint.fix_text("x  \n", config)
    assert pickle.loads(pickle.dumps(result.fixed)) == result.fixed


def test_document_memo_computes_once_per_document():
    calls = []
    doc = Document("một\nhai")
    assert doc.memo("test.lines", lambda d: calls.append(1) or len(d.lines)) == 2
    assert doc.memo("test.lines", lambda d: calls.append(1) or -1) == 2
    assert Document("x").memo("test.lines", lambda d: len(d.lines)) == 1
    assert calls == [1]


def test_fixing_keeps_the_presence_or_absence_of_a_final_newline():
    deletes_tail = [make_rule("W901", "\nTRAILER", "")]
    assert fix_document(Document("bài\nTRAILER"), deletes_tail, always).text == "bài"
    eats_newline = [make_rule("W901", "x\n", "x")]
    assert fix_document(Document("a x\n"), eats_newline, always).text == "a x\n"
    adds_newline = [make_rule("W901", "END", "end\n")]
    assert fix_document(Document("the END"), adds_newline, always).text == "the end"
