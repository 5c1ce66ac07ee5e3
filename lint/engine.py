"""Runs rules over a Document and drives the fix loop.

The fix loop follows sqlfluff: lint, apply every non-overlapping applicable fix,
lint again, and stop when nothing fixable remains. Passes are bounded and a text
seen before means a cycle; a loop that does not converge gives back the original
text, so a file is never left half fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, List, Sequence

from .diagnostic import Diagnostic, Fix
from .document import Document
from .rule import Rule, RuleOptions

MAX_FIX_PASSES = 10


@dataclass(frozen=True)
class ActiveRule:
    """A rule instance with its resolved options and severity for one run."""

    rule: Rule
    options: RuleOptions
    severity: str


@dataclass
class FixResult:
    """What ``--fix`` did to one text."""

    text: str
    original: str
    fixed: List[Diagnostic] = field(default_factory=list)
    remaining: List[Diagnostic] = field(default_factory=list)
    converged: bool = True
    passes: int = 0

    @property
    def changed(self) -> bool:
        return self.text != self.original


class RuleCrash(Exception):
    """A rule raised; carries the rule code so the CLI can name it."""

    def __init__(self, code: str, error: BaseException) -> None:
        super().__init__(f"rule {code} crashed: {type(error).__name__}: {error}")
        self.code = code
        self.error = error


def check_document(document: Document, rules: Sequence[ActiveRule]) -> List[Diagnostic]:
    diagnostics: List[Diagnostic] = []
    extend = diagnostics.extend  # this loop runs once per rule and document: keep it lean
    for active in rules:
        rule = active.rule
        try:
            if active.severity == rule.default_severity:
                extend(rule.check(document, active.options))
            else:
                extend([found.with_changes(severity=active.severity) for found in rule.check(document, active.options)])
        except Exception as error:
            raise RuleCrash(rule.code, error) from error
    if not diagnostics:
        return diagnostics
    for index, diagnostic in enumerate(diagnostics):
        fix = diagnostic.fix
        if fix is not None and not fix.positions:
            positions = tuple((document.position(e.start), document.position(e.end)) for e in fix.edits)
            diagnostics[index] = diagnostic.with_changes(fix=replace(fix, positions=positions))
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics


def apply_fixes(text: str, fixes: Sequence[Fix]) -> str:
    """Apply non-overlapping fixes (caller guarantees it) to text in one pass."""
    edits = sorted((edit for fix in fixes for edit in fix.edits), key=lambda e: (e.start, e.end))
    pieces, cursor = [], 0
    for edit in edits:
        pieces.append(text[cursor:edit.start])
        pieces.append(edit.content)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def select_non_overlapping(diagnostics: Sequence[Diagnostic]) -> List[Diagnostic]:
    """Greedy choice in document order; a fix that overlaps an earlier choice waits a pass."""
    chosen: List[Diagnostic] = []
    widest = 0  # widest chosen fix so far: bounds how far back an overlap can start
    for diagnostic in sorted(diagnostics, key=lambda d: (d.fix.start, d.fix.end)):
        fix = diagnostic.fix
        conflict = False
        for other in reversed(chosen):
            if other.fix.start < fix.start - widest:
                break
            if fix.overlaps(other.fix):
                conflict = True
                break
        if not conflict:
            chosen.append(diagnostic)
            widest = max(widest, fix.end - fix.start)
    return chosen


def fix_document(
    document: Document,
    rules: Sequence[ActiveRule],
    can_fix: Callable[[Diagnostic], bool],
) -> FixResult:
    original = document.text
    text = original
    seen = {hash(text)}
    fixed: List[Diagnostic] = []
    path = document.path
    for passes in range(1, MAX_FIX_PASSES + 1):
        diagnostics = check_document(Document(text, path), rules)
        applicable = [d for d in diagnostics if d.fix is not None and can_fix(d)]
        if not applicable:
            kept = keep_final_newline(original, text)
            if kept != text:
                diagnostics = check_document(Document(kept, path), rules)
            return FixResult(kept, original, fixed, diagnostics, True, passes)
        chosen = select_non_overlapping(applicable)
        text = apply_fixes(text, [d.fix for d in chosen])
        fixed.extend(chosen)
        if hash(text) in seen:
            break  # a cycle: some fix undoes another
        seen.add(hash(text))
    # Not converged: keep the original text and report its problems as not fixed.
    remaining = check_document(Document(original, path), rules)
    return FixResult(original, original, [], remaining, False, passes)


def keep_final_newline(original: str, text: str) -> str:
    """A file that ended with a newline still does after fixing, and one that did not still does not."""
    if not text or text == original:
        return text
    if original.endswith("\n") and not text.endswith("\n"):
        return text + "\n"
    if not original.endswith("\n") and text.endswith("\n"):
        return text.rstrip("\n")
    return text
