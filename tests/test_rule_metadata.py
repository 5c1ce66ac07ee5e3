"""Every registered rule is complete: code, name, docs with all sections, a test file, a working `vnlint rule`."""

import pytest

from conftest import REPO, run_cli
from vnlint.registry import builtin_rules, default_registry
from vnlint.rule import DOC_SECTIONS

RULES = list(default_registry())
FAMILY_MODULES = {"E": "encoding", "S": "segmentation", "W": "whitespace", "V": "orthography",
                  "B": "boilerplate", "D": "duplicates", "T": "trailers", "L": "language"}


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_metadata_and_documentation(rule):
    assert not list(rule.problems_with_metadata())
    doc = rule.documentation()
    for section in DOC_SECTIONS + ("Options",):
        assert f"## {section}" in doc
    assert rule.default_severity in ("error", "warning")
    example = doc.split("## Example", 1)[1].split("## Fix safety", 1)[0]
    assert len(example.strip()) > 10, "the example section is empty"


def test_codes_and_names_are_unique():
    assert len({r.code for r in RULES}) == len(RULES) == len({r.name for r in RULES})


def test_each_builtin_family_module_has_a_test_file():
    for rule in builtin_rules():
        module = rule.__module__.rsplit(".", 1)[-1]
        assert module == FAMILY_MODULES[rule.code[0]], f"{rule.code} lives in {module}, not its family module"
        assert any((REPO / "tests" / "rules").glob(f"test_{module}*.py")), f"no tests/rules/test_{module}*.py"


def test_vnlint_rule_prints_every_rule():
    listing = run_cli("rule", "--all").stdout
    for rule in RULES:
        assert rule.code in listing and rule.name in listing
