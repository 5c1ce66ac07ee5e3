"""The README shows the two commands and a rule table that matches the registry."""

import re

from conftest import REPO
from vnlint.docs import END, START, rules_table
from vnlint.registry import default_registry

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_rule_table_matches_registry():
    table = README[README.index(START) + len(START) : README.index(END)].strip()
    assert table == rules_table(), "README rule table is stale: run `python -m vnlint.docs --write README.md`"
    for rule in default_registry():
        assert f"| {rule.code} | `{rule.name}` |" in table


def test_the_two_commands_are_shown_and_ci_runs_the_test_command():
    run_command = "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/vnlint seeds/"
    test_command = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test,oracle]' && .venv/bin/python -m pytest"
    assert run_command in README and test_command in README
    assert test_command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_every_config_key_is_documented():
    from vnlint.config import _KNOWN_KEYS

    for key in _KNOWN_KEYS:
        shown = "[rules.NAME]" if key == "rules" else key
        assert re.search(rf"`{re.escape(shown)}`", README), f"config key {key} is not in the README reference"


def test_readme_config_example_loads(tmp_path):
    # The example must be a valid config, less its plugins line (those modules are the reader's own).
    import vnlint

    block = README[README.index("```toml\n# vnlint.toml") + len("```toml\n"):]
    block = block[: block.index("```")]
    path = tmp_path / "vnlint.toml"
    path.write_text("\n".join(line for line in block.splitlines() if not line.startswith("plugins")), encoding="utf-8")
    config = vnlint.load_config(path)
    assert config.extend_select == ("B108",) and dict(config.rule_settings)["near-duplicate"]
