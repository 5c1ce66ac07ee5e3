"""Golden files: `vnlint --fix` on each raw seed gives the reviewed text in seeds/expected/.

The expected files were read and approved line by line; this test never writes them.
"""

import shutil

import pytest

from conftest import SEEDS, run_cli

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("seed", SEED_FILES, ids=[p.name[:3] for p in SEED_FILES])
def test_fix_output_matches_reviewed_golden_file(seed, tmp_path):
    expected = SEEDS / "expected" / f"{seed.name[:3]}.txt"
    copy = tmp_path / seed.name
    shutil.copyfile(seed, copy)
    result = run_cli("--fix", "--isolated", str(copy))
    assert result.returncode in (0, 1), result.stderr
    assert copy.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")
    again = run_cli("--fix", "--isolated", "--exit-non-zero-on-fix", str(copy))
    assert again.returncode in (0, 1) and copy.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")


def test_expected_outputs_are_clean_under_default_rules():
    result = run_cli("--isolated", str(SEEDS / "expected"))
    assert "All checks passed!" in result.stdout, result.stdout


def test_raw_seeds_are_unchanged_copies():
    # seeds/ holds the five scraped files exactly as delivered; only seeds/expected/ is ours.
    assert len(SEED_FILES) == 5
    assert [p.name for p in SEED_FILES] == [
        "000_c752bfa033a763d1.txt", "001_77af23da59cdd960.txt", "002_a3471fb8c84e8996.txt",
        "003_7c8904df79475a7b.txt", "004_51659fa9cee08a04.txt",
    ]
