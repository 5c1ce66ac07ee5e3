"""GitLab Code Quality report (a JSON array of issues with fingerprints)."""

from __future__ import annotations

import hashlib
import json

from . import Report, display_path


def render(report: Report) -> str:
    issues, seen = [], {}
    for d in report.diagnostics:
        path = display_path(d.path)
        # The fingerprint must be stable across runs and unique per issue, like ruff's.
        base = f"{path}:{d.code}:{d.message}"
        seen[base] = seen.get(base, 0) + 1
        fingerprint = hashlib.sha1(f"{base}:{seen[base]}".encode()).hexdigest()
        issues.append({
            "description": f"{d.code} {d.message}",
            "check_name": d.code,
            "fingerprint": fingerprint,
            "severity": "major" if d.severity == "error" else "minor",
            "location": {
                "path": path,
                "positions": {
                    "begin": {"line": d.start.line, "column": d.start.column},
                    "end": {"line": d.end.line, "column": d.end.column},
                },
            },
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
