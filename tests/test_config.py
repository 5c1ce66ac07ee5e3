"""Config discovery, validation errors (exit 2, named file and key, suggestion) and every key's effect."""

import textwrap

import pytest

import vnlint
from conftest import run_cli
from vnlint.config import ConfigError, config_from_dict

DIRTY = "Hà Nội  \n\n\n\nNgày 5/9\u00a0tới.\n"


def setup(tmp_path, config_text, name="vnlint.toml", text=DIRTY):
    (tmp_path / name).write_text(textwrap.dedent(config_text), encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    return tmp_path


def codes_in(result):
    return sorted({line.split()[1] for line in result.stdout.splitlines() if ": " in line and line.count(":") >= 3})


@pytest.mark.parametrize(
    "config_text, expected",
    [
        ('selct = ["W"]\n', "vnlint.toml: unknown key 'selct' (did you mean 'select'?)"),
        ('select = ["W9"]\n', "vnlint.toml: select selects unknown rule 'W9'"),
        ('select = ["trailing-whitespce"]\n', "(did you mean 'trailing-whitespace'?)"),
        ('select = "W"\n', "vnlint.toml: select must be a list of strings, got string 'W'"),
        ("respect-gitignore = 1\n", "vnlint.toml: respect-gitignore must be true or false, got integer 1"),
        ("[rules.trailing-whitespace]\nseverity = \"fatal\"\n", '[rules.trailing-whitespace] severity must be "error" or "warning"'),
        ("[rules.trailing-whitespac]\n", "unknown rule 'trailing-whitespac' (did you mean 'trailing-whitespace'?)"),
        ("[rules.trailing-whitespace]\nthreshold = 3\n", "[rules.trailing-whitespace] unknown option 'threshold'"),
        ("select = [\n", "vnlint.toml: invalid TOML"),
        ('per-file-ignores = {"*.txt" = "W"}\n', 'per-file-ignores."*.txt" must be a list of strings'),
        ("[[patterns]]\ncode = \"B9\"\nname = \"x\"\nregex = \"x\"\nmessage = \"m\"\n", "patterns[0].code must be a family letter"),
        ("[[patterns]]\ncode = \"B901\"\nname = \"x\"\nregex = \"(\"\nmessage = \"m\"\n", "patterns[0].regex is not a valid regular expression"),
        ("[[patterns]]\ncode = \"B901\"\nname = \"x\"\nregex = \"x\"\nmessage = \"m\"\nfix = \"delete\"\n", 'patterns[0].fix must be "delete-line"'),
        ("[[patterns]]\ncode = \"W002\"\nname = \"x\"\nregex = \"x\"\nmessage = \"m\"\n", "defined twice"),
        ('plugins = ["no_such_plugin_module"]\n', "plugin 'no_such_plugin_module'"),
        ("pattern-timeout = 0\n", "pattern-timeout must be a number of seconds"),
    ],
)
def test_config_errors_exit_2_naming_file_key_and_fix(tmp_path, config_text, expected):
    setup(tmp_path, config_text)
    result = run_cli("a.txt", cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_out_of_range_option_message():
    from vnlint.rule import Option

    option = Option("threshold", int, 90, "similarity", minimum=0, maximum=100)
    with pytest.raises(ValueError, match="must be 0–100, got 120"):
        option.validate(120)
    with pytest.raises(ValueError, match="must be an integer, got str '9'"):
        option.validate("9")
    with pytest.raises(ValueError, match="must be an integer, got bool True"):
        option.validate(True)
    assert Option("style", str, "a", "", choices=("a", "b")).validate("b") == "b"
    with pytest.raises(ValueError, match="must be one of 'a', 'b'"):
        Option("style", str, "a", "", choices=("a", "b")).validate("c")


def test_pyproject_tool_table_and_nearest_config_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.vnlint]\nselect = ["W002"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "vnlint.toml").write_text('select = ["E003"]\n', encoding="utf-8")
    (sub / "b.txt").write_text(DIRTY, encoding="utf-8")
    result = run_cli("-q", ".", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines if line.startswith("a.txt")] == ["W002"]
    assert [line.split()[1] for line in lines if line.startswith("sub/b.txt")] == ["E003"]


def test_pyproject_errors_use_the_tool_prefix(tmp_path):
    setup(tmp_path, '[tool.vnlint]\nselct = ["W"]\n', name="pyproject.toml")
    result = run_cli("a.txt", cwd=tmp_path)
    assert "pyproject.toml: unknown key 'tool.vnlint.selct' (did you mean 'select'?)" in result.stderr


def test_pyproject_without_vnlint_table_is_not_a_config(tmp_path):
    setup(tmp_path, "[tool.black]\nline-length = 80\n", name="pyproject.toml")
    assert run_cli("a.txt", cwd=tmp_path).returncode == 0


def test_config_flag_and_isolated(tmp_path):
    setup(tmp_path, 'select = ["W002"]\n')
    (tmp_path / "other.toml").write_text('select = ["E003"]\n', encoding="utf-8")
    assert codes_in(run_cli("a.txt", cwd=tmp_path)) == ["W002"]
    assert codes_in(run_cli("a.txt", "--config", "other.toml", cwd=tmp_path)) == ["E003"]
    assert codes_in(run_cli("a.txt", "--isolated", cwd=tmp_path)) == ["E003", "W001", "W002"]
    missing = run_cli("a.txt", "--config", "missing.toml", cwd=tmp_path)
    assert missing.returncode == 2 and "missing.toml: config file not found" in missing.stderr


def test_rule_severity_is_configurable(tmp_path):
    setup(tmp_path, '[rules.W002]\nseverity = "error"\n')
    result = run_cli("a.txt", cwd=tmp_path)
    assert result.returncode == 1
    setup(tmp_path, '[rules.not-nfc]\nseverity = "warning"\n', text="Vie\u0302\u0323t\n")
    assert run_cli("a.txt", cwd=tmp_path).returncode == 0


def test_per_file_ignores(tmp_path):
    setup(tmp_path, 'per-file-ignores = {"a.txt" = ["W"]}\n')
    (tmp_path / "b.txt").write_text(DIRTY, encoding="utf-8")
    lines = run_cli("-q", ".", cwd=tmp_path).stdout.splitlines()
    assert {line.split()[1] for line in lines if line.startswith("a.txt")} == {"E003"}
    assert {line.split()[1] for line in lines if line.startswith("b.txt")} == {"E003", "W001", "W002"}


def test_include_exclude_and_gitignore(tmp_path):
    setup(tmp_path, 'include = ["*.txt", "*.md"]\nextend-exclude = ["skip"]\n')
    (tmp_path / "notes.md").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "data.csv").write_text(DIRTY, encoding="utf-8")
    for folder in ("skip", "ignored", "kept", "node_modules"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("ignored/\n", encoding="utf-8")
    files = {line.split(":")[0] for line in run_cli("-q", ".", cwd=tmp_path).stdout.splitlines()}
    assert files == {"a.txt", "notes.md", "kept/x.txt"}
    (tmp_path / "vnlint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    files = {line.split(":")[0] for line in run_cli("-q", ".", cwd=tmp_path).stdout.splitlines()}
    assert "ignored/x.txt" in files and "node_modules/x.txt" not in files
    # A file named on the command line is linted even when excluded, unless --force-exclude.
    assert run_cli("-q", "skip/x.txt", cwd=tmp_path).stdout
    (tmp_path / "vnlint.toml").write_text('extend-exclude = ["skip"]\n', encoding="utf-8")
    assert run_cli("-q", "--force-exclude", "skip/x.txt", cwd=tmp_path).stdout == ""


def test_fixable_unfixable_and_applicability_overrides(tmp_path):
    setup(tmp_path, 'unfixable = ["W002"]\n')
    run_cli("--fix", "a.txt", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Hà Nội  \n\nNgày 5/9 tới.\n"
    setup(tmp_path, 'extend-unsafe-fixes = ["E003"]\n')
    result = run_cli("--fix", "a.txt", cwd=tmp_path)
    assert "\u00a0" in (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert "hidden fix can be enabled with the `--unsafe-fixes` option" in result.stdout
    run_cli("--fix", "--unsafe-fixes", "a.txt", cwd=tmp_path)
    assert "\u00a0" not in (tmp_path / "a.txt").read_text(encoding="utf-8")


def test_unsafe_fixes_key_and_extend_safe_fixes(tmp_path):
    pattern = '[[patterns]]\ncode = "B901"\nname = "foo-line"\nregex = "^FOO.*$"\nmessage = "foo"\nfix = "delete-line"\napplicability = "unsafe"\n'
    setup(tmp_path, pattern, text="FOO bar\nGiữ lại.\n")
    run_cli("--fix", "a.txt", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "FOO bar\nGiữ lại.\n"
    setup(tmp_path, "unsafe-fixes = true\n" + pattern, text="FOO bar\nGiữ lại.\n")
    run_cli("--fix", "a.txt", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Giữ lại.\n"
    setup(tmp_path, 'extend-safe-fixes = ["B901"]\n' + pattern, text="FOO bar\nGiữ lại.\n")
    run_cli("--fix", "a.txt", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Giữ lại.\n"


def test_declarative_patterns_delete_and_replace(tmp_path):
    setup(tmp_path, '''
        [[patterns]]
        code = "B901"
        name = "baomoi-footer"
        regex = '^Xem thêm tại baomoi\\.com.*$'
        message = "baomoi.com footer"
        fix = "delete-line"

        [[patterns]]
        code = "W901"
        name = "dash-spacing"
        regex = '(\\w)--(\\w)'
        message = "double hyphen"
        replacement = '\\1 – \\2'
        ''', text="Giá vàng tăng--giảm.\nXem thêm tại baomoi.com nhé\n")
    result = run_cli("a.txt", "--select", "B901,W901", cwd=tmp_path)
    assert "a.txt:2:1: B901 [*] baomoi.com footer" in result.stdout
    assert "a.txt:1:13: W901 [*] double hyphen" in result.stdout
    run_cli("--fix", "a.txt", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Giá vàng tăng – giảm.\n"
    assert "baomoi-footer (B901)" in run_cli("rule", "B901", "--config", "vnlint.toml", cwd=tmp_path).stdout


def test_catastrophic_pattern_times_out_instead_of_hanging(tmp_path):
    setup(tmp_path, '''
        pattern-timeout = 0.2
        [[patterns]]
        code = "B902"
        name = "evil"
        regex = '(a|aa)+$'
        message = "evil"
        ''', text="a" * 40 + "b\n")
    result = run_cli("a.txt", "--select", "B902", cwd=tmp_path)
    assert "timed out after 0.2 s" in result.stdout


def test_local_plugin_module(tmp_path):
    (tmp_path / "my_rules.py").write_text(textwrap.dedent('''
        from vnlint import Rule, Edit

        class NoFoo(Rule):
            """
            ## What it does
            Flags FOO.
            ## Why it matters
            Test.
            ## Example
            FOO -> nothing
            ## Fix safety
            Safe.
            """
            code = "B950"
            name = "no-foo"
            summary = "No FOO"
            default_severity = "error"
            fix_safety = "safe"

            def check(self, document, options):
                start = document.text.find("FOO")
                if start >= 0:
                    yield self.diagnostic(document, start, start + 3, "FOO found", edits=[Edit(start, start + 3, "")])
        '''), encoding="utf-8")
    setup(tmp_path, 'plugins = ["my_rules"]\n', text="xFOOy\n")
    result = run_cli("a.txt", cwd=tmp_path)
    assert "a.txt:1:2: B950 [*] FOO found" in result.stdout and result.returncode == 1
    setup(tmp_path, 'plugins = ["my_rules.py"]\n', text="xFOOy\n")
    assert run_cli("--fix", "a.txt", cwd=tmp_path).returncode == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "xy\n"


def test_entry_point_plugins(tmp_path):
    package = tmp_path / "site"
    package.mkdir()
    (package / "third_party_rules.py").write_text(textwrap.dedent('''
        from vnlint import Rule

        class Shout(Rule):
            """
            ## What it does
            Flags ALARM.
            ## Why it matters
            Test.
            ## Example
            ALARM
            ## Fix safety
            None.
            """
            code = "L950"
            name = "alarm"
            summary = "ALARM"

            def check(self, document, options):
                index = document.text.find("ALARM")
                if index >= 0:
                    yield self.diagnostic(document, index, index + 5, "ALARM")
        '''), encoding="utf-8")
    dist = package / "third_party_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: third-party-rules\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[vnlint.rules]\nalarm = third_party_rules:Shout\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("ALARM\n", encoding="utf-8")
    result = run_cli("a.txt", cwd=tmp_path, env_extra={"PYTHONPATH": str(package)})
    assert "a.txt:1:1: L950 ALARM" in result.stdout


def test_config_from_dict_is_validated_in_the_api():
    with pytest.raises(ConfigError, match="unknown key 'selekt'"):
        config_from_dict({"selekt": []})
    config = config_from_dict({"select": ["W002"]})
    assert [d.code for d in vnlint.check_text("a \n", config)] == ["W002"]


def test_a_crashing_rule_is_an_internal_error_with_traceback_only_when_verbose(tmp_path):
    (tmp_path / "crashy.py").write_text(textwrap.dedent('''
        from vnlint import Rule

        class Crash(Rule):
            """
            ## What it does
            Crashes.
            ## Why it matters
            Test.
            ## Example
            any text
            ## Fix safety
            None.
            """
            code = "L951"
            name = "crash"
            summary = "Crash"

            def check(self, document, options):
                raise ZeroDivisionError("boom")
        '''), encoding="utf-8")
    setup(tmp_path, 'plugins = ["crashy.py"]\n', text="x\n")
    (tmp_path / "b.txt").write_text("y  \n", encoding="utf-8")
    result = run_cli(".", "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 2
    assert "a.txt: internal error: rule L951 crashed: ZeroDivisionError: boom (run with --verbose for a traceback)" in result.stderr
    assert "Traceback" not in result.stderr
    verbose = run_cli(".", "--verbose", cwd=tmp_path)
    assert "Traceback (most recent call last)" in verbose.stderr and verbose.returncode == 2


def test_list_option_items_are_checked_against_their_choices(tmp_path):
    setup(tmp_path, '[rules.legacy-encoding]\nencodings = ["tcvn3", "viqr"]\n')
    result = run_cli("a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "[rules.legacy-encoding] encodings items must be among 'vni', 'tcvn3', 'cp1258', got 'viqr'" in result.stderr


def test_invalid_extra_pattern_is_a_config_error_not_a_crash(tmp_path):
    setup(tmp_path, '[rules.navigation-line]\nextra-patterns = ["((x"]\n')
    result = run_cli("a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "[rules.navigation-line] extra-patterns has an invalid regular expression '((x'" in result.stderr
    assert "internal error" not in result.stderr


def test_fix_markers_follow_each_files_own_config(tmp_path):
    (tmp_path / "a.txt").write_text("x  \n", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "vnlint.toml").write_text('unfixable = ["W002"]\n', encoding="utf-8")
    (sub / "b.txt").write_text("y  \n", encoding="utf-8")
    lines = run_cli("-q", ".", cwd=tmp_path).stdout.splitlines()
    assert "a.txt:1:2: W002 [*] Trailing whitespace" in lines
    assert "sub/b.txt:1:2: W002 Trailing whitespace" in lines
