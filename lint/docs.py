"""Generated documentation: the README's rule table comes from the registry.

``python -m vnlint.docs --write README.md`` refreshes the table between the
markers; a test fails when README and registry disagree.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .registry import default_registry
from .rule import FAMILIES

START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"


def rules_table() -> str:
    rows = ["| Code | Name | Summary | Default | Severity | Fix |", "| --- | --- | --- | --- | --- | --- |"]
    family = None
    for rule in default_registry():
        if rule.code[0] != family:
            family = rule.code[0]
            rows.append(f"| **{family}** | | *{FAMILIES[family]}* | | | |")
        default = "on" if rule.default_enabled else "opt-in"
        rows.append(f"| {rule.code} | `{rule.name}` | {rule.summary} | {default} | {rule.default_severity} | {rule.fix_safety} |")
    return "\n".join(rows)


def replace_table(readme: str) -> str:
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(readme):
        raise SystemExit(f"README has no {START} ... {END} markers")
    return pattern.sub(lambda _: f"{START}\n{rules_table()}\n{END}", readme)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m vnlint.docs")
    parser.add_argument("--write", metavar="README", help="rewrite the rule table in this file")
    args = parser.parse_args()
    if args.write:
        path = Path(args.write)
        path.write_text(replace_table(path.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        sys.stdout.write(rules_table() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
