"""Declarative rules from ``[[patterns]]`` in the config: a corpus owner's site boilerplate without Python.

User regexes run through the ``regex`` package, whose matching takes a timeout,
so a catastrophic pattern costs at most ``pattern-timeout`` seconds per file.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from .diagnostic import Diagnostic, Edit
from .document import Document
from .rule import Rule, RuleOptions


@lru_cache(maxsize=256)
def compile_user_regex(pattern: str, ignore_case: bool = False):
    import regex  # imported lazily: only configs with [[patterns]] pay for it

    flags = regex.MULTILINE | regex.VERSION0 | (regex.IGNORECASE if ignore_case else 0)
    return regex.compile(pattern, flags)


def pattern_rule_class(spec, timeout: float) -> type:
    """Build a Rule subclass from a PatternSpec (see lint.config.PatternSpec)."""
    fix_text = (
        "Deletes every line the match touches." if spec.fix == "delete-line"
        else f"Replaces the match with `{spec.replacement}`." if spec.replacement is not None
        else "None: report only."
    )
    doc = f"""
    ## What it does
    Reports text matching the configured regular expression `{spec.regex}`.

    ## Why it matters
    Declared in the project's config as site-specific boilerplate: {spec.message}

    ## Example
    Any line matched by `{spec.regex}`.

    ## Fix safety
    {fix_text} Applicability: {spec.applicability if (spec.fix or spec.replacement is not None) else 'none'}.
    """

    class PatternRule(Rule):
        __doc__ = doc
        code = spec.code
        name = spec.name
        summary = spec.message
        default_severity = spec.severity
        fix_safety = spec.applicability if (spec.fix or spec.replacement is not None) else "none"

        def check(self, document: Document, options: RuleOptions) -> Iterator[Diagnostic]:
            compiled = compile_user_regex(spec.regex, spec.ignore_case)
            try:
                matches = list(compiled.finditer(document.text, timeout=timeout))
            except TimeoutError:
                yield self.diagnostic(
                    document, 0, 0,
                    f"pattern {spec.name} timed out after {timeout:g} s on this file and was skipped; simplify its regex",
                )
                return
            deleted_through = -1
            for match in matches:
                start, end = match.span()
                edits = None
                if spec.fix == "delete-line":
                    first = document.position(start).line
                    last = document.position(max(start, end - 1)).line if end > start else first
                    if first <= deleted_through:
                        continue  # one diagnostic per deleted line range
                    deleted_through = last
                    edits = [self.delete_lines(document, first, last)]
                elif spec.replacement is not None:
                    edits = [Edit(start, end, match.expand(spec.replacement))]
                yield self.diagnostic(document, start, end, spec.message, edits=edits, applicability=spec.applicability)

    PatternRule.__name__ = PatternRule.__qualname__ = "Pattern_" + spec.code
    PatternRule.__module__ = __name__
    return PatternRule
