"""Every output format, checked for shape; SARIF validated against the 2.1.0 schema."""

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import run_cli

DIRTY = "Hà Nội  \n\n\n\nNgày 5/9\u00a0tới.\n"
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture
def dirty(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Vie\u0302\u0323t Nam\n", encoding="utf-8")
    return tmp_path


def test_json_has_ruffs_shape(dirty):
    result = run_cli("--output-format", "json", ".", cwd=dirty)
    assert result.returncode == 1
    items = json.loads(result.stdout)
    first = items[0]
    assert set(first) >= {"code", "name", "message", "severity", "filename", "location", "end_location", "fix"}
    assert first["filename"] == str(dirty / "a.txt")
    assert first["code"] == "W002" and first["location"] == {"row": 1, "column": 7} and first["end_location"] == {"row": 1, "column": 9}
    assert first["fix"] == {
        "applicability": "safe",
        "message": None,
        "edits": [{"content": "", "location": {"row": 1, "column": 7}, "end_location": {"row": 1, "column": 9}}],
    }
    nfc = [item for item in items if item["code"] == "E001"][0]
    # Columns count code points: "Vie" + 2 combining marks, so "t" would be column 6.
    assert nfc["location"] == {"row": 1, "column": 3} and nfc["end_location"] == {"row": 1, "column": 6}
    assert nfc["severity"] == "error" and nfc["fix"]["edits"][0]["content"] == "ệ"


def test_json_is_empty_list_when_clean(tmp_path):
    (tmp_path / "c.txt").write_text("Sạch.\n", encoding="utf-8")
    result = run_cli("--output-format", "json", "c.txt", cwd=tmp_path)
    assert json.loads(result.stdout) == [] and result.returncode == 0


def test_github_workflow_commands(dirty):
    lines = run_cli("--output-format", "github", ".", cwd=dirty).stdout.splitlines()
    assert "::warning file=a.txt,line=1,endLine=1,col=7,endColumn=9,title=W002::W002 Trailing whitespace" in lines
    assert any(line.startswith("::error file=b.txt,line=1,endLine=1,col=3,endColumn=6,title=E001::E001 ") for line in lines)


def test_gitlab_code_quality(dirty):
    issues = json.loads(run_cli("--output-format", "gitlab", ".", cwd=dirty).stdout)
    assert {issue["check_name"] for issue in issues} == {"W001", "W002", "E003", "E001"}
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    nfc = [issue for issue in issues if issue["check_name"] == "E001"][0]
    assert nfc["severity"] == "major" and nfc["location"]["path"] == "b.txt"
    assert nfc["location"]["positions"]["begin"] == {"line": 1, "column": 3}
    again = json.loads(run_cli("--output-format", "gitlab", ".", cwd=dirty).stdout)
    assert [issue["fingerprint"] for issue in again] == fingerprints


def test_sarif_validates_against_the_schema(dirty):
    result = run_cli("--output-format", "sarif", ".", cwd=dirty)
    log = json.loads(result.stdout)
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["name"] == "vnlint"
    ids = [rule["id"] for rule in rules]
    assert "W002" in ids and "E001" in ids
    assert all("## What it does" in rule["help"]["markdown"] for rule in rules)
    w002 = [r for r in run["results"] if r["ruleId"] == "W002"][0]
    assert ids[w002["ruleIndex"]] == "W002"
    region = w002["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 7, "endLine": 1, "endColumn": 9}
    assert w002["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": ""}


def test_sarif_when_clean_is_valid(tmp_path):
    (tmp_path / "c.txt").write_text("Sạch.\n", encoding="utf-8")
    log = json.loads(run_cli("--output-format", "sarif", "c.txt", cwd=tmp_path).stdout)
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["results"] == []


def test_text_summary_mentions_unsafe_fixes(tmp_path):
    (tmp_path / "vnlint.toml").write_text('extend-unsafe-fixes = ["W002"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("x  \n", encoding="utf-8")
    out = run_cli("a.txt", cwd=tmp_path).stdout
    assert "a.txt:1:2: W002 Trailing whitespace" in out  # no [*]: not fixable by plain --fix
    assert "Found 1 problem." in out and "(1 hidden fix can be enabled with the `--unsafe-fixes` option.)" in out


def test_color_only_when_forced_or_on_a_tty(tmp_path):
    (tmp_path / "a.txt").write_text("x  \n", encoding="utf-8")
    assert "\033[" not in run_cli("a.txt", cwd=tmp_path).stdout
    colored = run_cli("a.txt", cwd=tmp_path, env_extra={"NO_COLOR": "", "FORCE_COLOR": "1"}).stdout
    assert "\033[" in colored
