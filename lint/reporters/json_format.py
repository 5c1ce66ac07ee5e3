"""Ruff's JSON shape: a list of diagnostics with 1-based rows and code-point columns."""

from __future__ import annotations

import json
import os

from . import Report


def _location(position) -> dict:
    return {"row": position.line, "column": position.column}


def diagnostic_to_dict(d, report: Report) -> dict:
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability,
            "message": d.fix.message or None,
            "edits": [
                {"content": edit.content, "location": _location(start), "end_location": _location(end)}
                for edit, (start, end) in zip(d.fix.edits, d.fix.positions)
            ],
        }
    info = report.rules.get(d.code)
    return {
        "code": d.code,
        "name": d.name,
        "message": d.message,
        "severity": d.severity,
        "filename": os.path.abspath(d.path) if not d.path.startswith("<") and d.path != "-" else d.path,
        "location": _location(d.start),
        "end_location": _location(d.end),
        "fix": fix,
        "summary": info.summary if info else None,
    }


def render(report: Report) -> str:
    return json.dumps([diagnostic_to_dict(d, report) for d in report.diagnostics], ensure_ascii=False, indent=2) + "\n"
