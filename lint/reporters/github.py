"""GitHub Actions workflow commands, which show up as annotations on a pull request."""

from __future__ import annotations

from . import Report, display_path


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for d in report.diagnostics:
        level = "error" if d.severity == "error" else "warning"
        properties = ",".join([
            f"file={_escape_property(display_path(d.path))}",
            f"line={d.start.line}",
            f"endLine={d.end.line}",
            f"col={d.start.column}",
            f"endColumn={d.end.column}",
            f"title={_escape_property(d.code)}",
        ])
        lines.append(f"::{level} {properties}::{_escape_data(f'{d.code} {d.message}')}")
    return "\n".join(lines) + ("\n" if lines else "")
