"""The real `vnlint` command, run as a subprocess."""

import json
import os
import shutil
import sys

import vnlint
from conftest import SEEDS, run_cli

DIRTY = "Hà Nội  \n\n\n\nNgày 5/9\u00a0tới.\n"


def write(path, text, newline="\n"):
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def test_version_and_help():
    assert run_cli("--version").stdout.strip() == f"vnlint {vnlint.__version__}"
    result = run_cli("--help")
    assert result.returncode == 0 and "--fix" in result.stdout and "--output-format" in result.stdout


def test_check_reports_problems_with_positions(tmp_path):
    write(tmp_path / "a.txt", DIRTY)
    result = run_cli("check", "a.txt", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert "a.txt:1:7: W002 [*] Trailing whitespace" in lines
    assert any(line.startswith("a.txt:2:1: W001 [*]") for line in lines)
    assert any(line.startswith("a.txt:5:9: E003 [*]") for line in lines)
    assert lines[-1] == "Found 3 problems (3 fixable with `--fix`)."
    assert result.returncode == 0  # only warnings
    assert run_cli("a.txt", "--warnings-as-errors", cwd=tmp_path).returncode == 1


def test_check_is_the_default_command_and_dot_the_default_path(tmp_path):
    write(tmp_path / "a.txt", DIRTY)
    assert run_cli(cwd=tmp_path).stdout == run_cli("check", ".", cwd=tmp_path).stdout != ""


def test_errors_make_exit_code_1(tmp_path):
    write(tmp_path / "nfd.txt", "Vie\u0302\u0323t Nam\n")
    result = run_cli("nfd.txt", cwd=tmp_path)
    assert result.returncode == 1 and "E001" in result.stdout
    assert run_cli("nfd.txt", "--exit-zero", cwd=tmp_path).returncode == 0


def test_fix_rewrites_and_second_fix_changes_nothing(tmp_path):
    path = write(tmp_path / "a.txt", DIRTY)
    result = run_cli("--fix", "a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == "Hà Nội\n\nNgày 5/9 tới.\n"
    assert "3 fixed, 0 remaining" in result.stdout
    before = os.stat(path)
    again = run_cli("--fix", "a.txt", "--exit-non-zero-on-fix", cwd=tmp_path)
    assert again.returncode == 0
    after = os.stat(path)
    assert (before.st_mtime_ns, before.st_ino) == (after.st_mtime_ns, after.st_ino)


def test_exit_non_zero_on_fix(tmp_path):
    write(tmp_path / "a.txt", DIRTY)
    assert run_cli("--fix", "--exit-non-zero-on-fix", "a.txt", cwd=tmp_path).returncode == 1


def test_show_fixes_and_statistics(tmp_path):
    write(tmp_path / "a.txt", DIRTY + "x \n")
    stats = run_cli("--statistics", "a.txt", cwd=tmp_path).stdout
    assert "2\tW002\t[*] trailing-whitespace" in stats
    shown = run_cli("--fix", "--show-fixes", "a.txt", cwd=tmp_path).stdout
    assert "Fixed 4 problems:" in shown and "2 × W002 (trailing-whitespace)" in shown


def test_quiet_prints_only_diagnostics(tmp_path):
    write(tmp_path / "a.txt", DIRTY)
    out = run_cli("-q", "a.txt", cwd=tmp_path).stdout
    assert "Found" not in out and out.count("\n") == 3
    clean = write(tmp_path / "clean.txt", "Sạch.\n")
    assert run_cli("-q", str(clean)).stdout == ""
    assert "All checks passed!" in run_cli(str(clean)).stdout


def test_diff_previews_without_writing(tmp_path):
    path = write(tmp_path / "a.txt", DIRTY)
    result = run_cli("--diff", "a.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert "--- a/a.txt" in result.stdout and "+Hà Nội\n" in result.stdout and "-Hà Nội  \n" in result.stdout
    assert path.read_text(encoding="utf-8") == DIRTY
    write(tmp_path / "clean.txt", "Sạch.\n")
    assert run_cli("--diff", "clean.txt", cwd=tmp_path).returncode == 0


def test_select_ignore_by_code_prefix_and_name(tmp_path):
    write(tmp_path / "a.txt", DIRTY)

    def found(*args):
        return {line.split()[1] for line in run_cli("-q", "a.txt", *args, cwd=tmp_path).stdout.splitlines()}

    assert found() == {"W001", "W002", "E003"}
    assert found("--select", "W") == {"W001", "W002"}
    assert found("--select", "trailing-whitespace,E003") == {"W002", "E003"}
    assert found("--ignore", "W00") == {"E003"}
    assert found("--select", "E", "--extend-select", "W001") == {"E003", "W001"}
    # The most specific selector wins: ignoring the family but selecting one code keeps it.
    assert found("--select", "W002", "--ignore", "W") == {"W002"}


def test_unknown_selector_is_a_usage_error_with_suggestion(tmp_path):
    result = run_cli("--select", "trailing-whitespac", str(tmp_path))
    assert result.returncode == 2
    assert "unknown rule 'trailing-whitespac' (did you mean 'trailing-whitespace'?)" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_path_is_a_usage_error(tmp_path):
    result = run_cli(str(tmp_path / "nope.txt"))
    assert result.returncode == 2 and "no such file or folder" in result.stderr


def test_stdin_check_and_fix():
    result = run_cli("-", "--stdin-filename", "bai.txt", stdin=DIRTY)
    assert "bai.txt:1:7: W002" in result.stdout
    fixed = run_cli("-", "--fix", stdin=DIRTY)
    assert fixed.stdout == "Hà Nội\n\nNgày 5/9 tới.\n"
    assert "3 fixed" in fixed.stderr


def test_jobs_give_identical_output(tmp_path):
    for index in range(12):
        write(tmp_path / f"f{index:02}.txt", DIRTY * (index + 1))
    one = run_cli("--jobs", "1", "--output-format", "json", ".", cwd=tmp_path)
    many = run_cli("--jobs", "2", "--output-format", "json", ".", cwd=tmp_path)
    assert json.loads(one.stdout) == json.loads(many.stdout) and one.stdout.strip() != "[]"
    assert run_cli("--jobs", "0", ".", cwd=tmp_path).returncode == 2


def test_rule_command_prints_docs_and_lists_rules():
    doc = run_cli("rule", "W002")
    assert doc.returncode == 0
    assert doc.stdout.startswith("# trailing-whitespace (W002)")
    for section in ("## What it does", "## Why it matters", "## Example", "## Fix safety", "## Options"):
        assert section in doc.stdout
    assert run_cli("rule", "trailing-whitespace").stdout == doc.stdout
    listing = run_cli("rule", "--all").stdout
    assert "W002  trailing-whitespace" in listing and "E001" in listing
    missing = run_cli("rule", "W99")
    assert missing.returncode == 2 and "no rule 'W99'" in missing.stderr


def test_seeds_are_reported_with_exit_code_1(seeds_copy):
    result = run_cli(str(seeds_copy))
    assert result.returncode == 1, result.stdout[-500:]
    assert result.stdout.count(":") > 20


def test_fix_on_seeds_is_idempotent(seeds_copy):
    first = run_cli("--fix", str(seeds_copy))
    assert first.returncode in (0, 1), first.stderr
    snapshot = {p.name: p.read_bytes() for p in seeds_copy.iterdir()}
    second = run_cli("--fix", "--exit-non-zero-on-fix", str(seeds_copy))
    assert {p.name: p.read_bytes() for p in seeds_copy.iterdir()} == snapshot
    assert second.returncode == 0, second.stdout  # nothing changed, and no error is left


def test_python_dash_m_and_console_script_agree(tmp_path):
    exe = shutil.which("vnlint", path=os.path.dirname(sys.executable))
    assert exe, "console script vnlint is not installed next to the interpreter"
    write(tmp_path / "a.txt", DIRTY)
    import subprocess

    direct = subprocess.run([exe, "a.txt"], cwd=tmp_path, capture_output=True, text=True, env=dict(os.environ, NO_COLOR="1"))
    assert direct.stdout == run_cli("a.txt", cwd=tmp_path).stdout


def test_diff_and_fix_are_exclusive(tmp_path):
    result = run_cli("--fix", "--diff", str(tmp_path))
    assert result.returncode == 2 and "--diff and --fix cannot be used together" in result.stderr


def test_seed_directory_is_walked_in_sorted_order():
    result = run_cli("-q", "--select", "W002,E003", str(SEEDS))
    files = [line.split(":")[0] for line in result.stdout.splitlines()]
    assert files == sorted(files)
