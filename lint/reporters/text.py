"""The default human format: ``path:line:col: CODE [*] message`` and a summary."""

from __future__ import annotations

from typing import List

from . import Report, by_code, display_path

BOLD, RED, YELLOW, CYAN, GREEN, RESET = "\033[1m", "\033[31m", "\033[33m", "\033[36m", "\033[32m", "\033[0m"


def render(report: Report) -> str:
    paint = (lambda text, *styles: "".join(styles) + text + RESET) if report.color else (lambda text, *styles: text)
    lines: List[str] = []
    for d in report.diagnostics:
        marker = " [*]" if report.fixable(d) else ""
        code = paint(d.code, RED if d.severity == "error" else YELLOW, BOLD)
        where = paint(f"{display_path(d.path)}:{d.start.line}:{d.start.column}:", BOLD)
        lines.append(f"{where} {code}{marker} {d.message}")
    if report.show_fixes and report.fixed:
        lines.append("")
        lines.append(f"Fixed {len(report.fixed)} problem{'s' if len(report.fixed) != 1 else ''}:")
        per_file = {}
        for d in report.fixed:
            per_file.setdefault(d.path, []).append(d)
        for path, fixed in per_file.items():
            lines.append(f"- {display_path(path)}:")
            for code, group in by_code(fixed).items():
                lines.append(f"    {len(group):>3} × {code} ({group[0].name})")
    if report.statistics:
        if lines:
            lines.append("")
        for code, group in sorted(by_code(report.diagnostics).items(), key=lambda item: -len(item[1])):
            fixable = "[*]" if any(report.fixable(d) for d in group) else "   "
            lines.append(f"{len(group):>6}\t{code}\t{fixable} {group[0].name}")
    if not report.quiet:
        summary = _summary(report)
        if summary:
            if lines:
                lines.append("")
            lines.append(paint(summary, GREEN if not report.diagnostics else BOLD))
    return "\n".join(lines) + ("\n" if lines else "")


def _summary(report: Report) -> str:
    remaining = len(report.diagnostics)
    fixed = len(report.fixed)
    if report.fix_mode:
        if not remaining and not fixed:
            return "All checks passed!"
        text = f"Found {remaining + fixed} problem{'s' if remaining + fixed != 1 else ''} ({fixed} fixed, {remaining} remaining)."
    else:
        if not remaining:
            return "All checks passed!"
        fixable = sum(1 for d in report.diagnostics if report.fixable(d))
        text = f"Found {remaining} problem{'s' if remaining != 1 else ''}"
        text += f" ({fixable} fixable with `--fix`)." if fixable else "."
    if report.unsafe_hidden:
        text += f"\n({report.unsafe_hidden} hidden fix{'es' if report.unsafe_hidden != 1 else ''} can be enabled with the `--unsafe-fixes` option.)"
    return text
