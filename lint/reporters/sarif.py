"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards."""

from __future__ import annotations

import json
from pathlib import Path

from . import Report, display_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    shown = display_path(path)
    return Path(shown).as_posix() if not Path(shown).is_absolute() else Path(shown).as_uri()


def render(report: Report) -> str:
    rule_codes = sorted(report.rules)
    index = {code: i for i, code in enumerate(rule_codes)}
    rules = []
    for code in rule_codes:
        info = report.rules[code]
        rules.append({
            "id": code,
            "name": info.name,
            "shortDescription": {"text": info.summary},
            "fullDescription": {"text": info.summary},
            "help": {"text": info.documentation, "markdown": info.documentation},
            "defaultConfiguration": {"level": "error" if info.severity == "error" else "warning"},
            "properties": {"family": code[0]},
        })
    results = []
    for d in report.diagnostics:
        result = {
            "ruleId": d.code,
            "level": "error" if d.severity == "error" else "warning",
            "message": {"text": d.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(d.path)},
                    "region": {
                        "startLine": d.start.line,
                        "startColumn": d.start.column,
                        "endLine": max(d.end.line, d.start.line),
                        "endColumn": d.end.column if d.end.line > d.start.line else max(d.end.column, d.start.column),
                    },
                },
            }],
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        if d.fix is not None:
            result["fixes"] = [{
                "description": {"text": d.fix.message or f"{d.fix.applicability} fix"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(d.path)},
                    "replacements": [
                        {
                            "deletedRegion": {
                                "startLine": start.line, "startColumn": start.column,
                                "endLine": end.line, "endColumn": end.column,
                            },
                            "insertedContent": {"text": edit.content},
                        }
                        for edit, (start, end) in zip(d.fix.edits, d.fix.positions)
                    ],
                }],
            }]
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "vnlint",
                "version": report.version,
                "informationUri": "https://pypi.org/project/vnlint/",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
