"""Real `pre-commit try-repo` against a throw-away git repository, with this checkout as the hook repo."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is required")

DIRTY = "Tiêu đề bài báo  \n\n\n\nNội dung\u00a0chính về Vie\u0302\u0323t Nam.\n"  # E001 is an error


def pre_commit(*args, cwd, home):
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), NO_COLOR="1", PRE_COMMIT_COLOR="never")
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", *args, "--color", "never"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def corpus_repo(tmp_path_factory):
    repo = tmp_path_factory.mktemp("corpus")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "bai.txt").write_text(DIRTY, encoding="utf-8")
    (repo / "sach.txt").write_text("Bài báo sạch.\n", encoding="utf-8")
    subprocess.run(git + ["add", "."], cwd=repo, check=True)
    subprocess.run(git + ["commit", "-qm", "corpus"], cwd=repo, check=True)
    return repo, tmp_path_factory.mktemp("pre-commit-home")


def test_check_hook_fails_on_dirty_file_and_fix_hook_fixes_it(corpus_repo):
    repo, home = corpus_repo
    check = pre_commit("try-repo", str(REPO), "vnlint", "--files", "bai.txt", "sach.txt", cwd=repo, home=home)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "bai.txt:1:16: W002" in check.stdout
    assert "sach.txt" not in check.stdout.split("Failed", 1)[-1]

    fix = pre_commit("try-repo", str(REPO), "vnlint-fix", "--files", "bai.txt", "sach.txt", cwd=repo, home=home)
    assert fix.returncode == 1, fix.stdout + fix.stderr  # a fixing hook fails when it changed files
    assert (repo / "bai.txt").read_text(encoding="utf-8") == "Tiêu đề bài báo\n\nNội dung chính về Việt Nam.\n"
    assert (repo / "sach.txt").read_text(encoding="utf-8") == "Bài báo sạch.\n"

    again = pre_commit("try-repo", str(REPO), "vnlint", "--files", "bai.txt", "sach.txt", cwd=repo, home=home)
    assert again.returncode == 0, again.stdout + again.stderr


def test_hook_manifest_declares_both_hooks_serially():
    manifest = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    for hook in ("id: vnlint\n", "id: vnlint-fix\n"):
        assert hook in manifest
    assert manifest.count("require_serial: true") == 2


def test_own_pre_commit_config_targets_expected_outputs():
    config = Path(REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "seeds/expected/" in config


def test_own_pre_commit_config_passes_on_this_repository(tmp_path):
    # The project's own hooks: vnlint on seeds/expected (the reviewed outputs must stay clean)
    # and ruff on the code. They run from this environment, so its bin folder goes on PATH.
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    env_bin = os.path.dirname(sys.executable)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path), PATH=env_bin + os.pathsep + os.environ.get("PATH", ""))
    result = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "vnlint (seeds/expected must stay clean)" in result.stdout and "Passed" in result.stdout
