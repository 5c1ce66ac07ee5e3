"""Output formats, one module each. A reporter turns results into one string."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable, Dict, List, Sequence

from ..diagnostic import Diagnostic

FORMATS = ("text", "json", "github", "gitlab", "sarif")


@dataclass(frozen=True)
class RuleInfo:
    """What reporters need to know about a rule, without importing rule code."""

    code: str
    name: str
    summary: str
    severity: str
    documentation: str


@dataclass
class Report:
    """Everything a reporter may show about one run."""

    diagnostics: Sequence[Diagnostic]  # remaining problems, sorted
    fixed: Sequence[Diagnostic]
    rules: Dict[str, RuleInfo]
    fix_mode: bool = False
    unsafe_hidden: int = 0  # problems an --unsafe-fixes run would fix
    fixable: Callable[[Diagnostic], bool] = lambda d: False  # would --fix apply this diagnostic's fix?
    show_fixes: bool = False
    statistics: bool = False
    quiet: bool = False
    color: bool = False
    files_checked: int = 0
    version: str = ""


def render(output_format: str, report: Report) -> str:
    module = importlib.import_module(f"{__name__}.{'json_format' if output_format == 'json' else output_format}")
    return module.render(report)


def display_path(path: str) -> str:
    """A path relative to the current folder when it is below it, as linters print them."""
    import os

    if path.startswith("<") or path == "-":
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def by_code(diagnostics: Sequence[Diagnostic]) -> Dict[str, List[Diagnostic]]:
    groups: Dict[str, List[Diagnostic]] = {}
    for diagnostic in diagnostics:
        groups.setdefault(diagnostic.code, []).append(diagnostic)
    return dict(sorted(groups.items()))
