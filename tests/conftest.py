"""Shared helpers: run the real CLI, and check a rule on a text through the public API."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import List, Optional, Sequence

import pytest

import vnlint
from vnlint.config import config_from_dict

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


def run_cli(*args: str, cwd: Optional[Path] = None, stdin: Optional[str] = None, env_extra=None) -> subprocess.CompletedProcess:
    """Run ``python -m vnlint`` exactly as a user would, and capture its output."""
    env = dict(os.environ, NO_COLOR="1", PYTHONIOENCODING="utf-8")
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "vnlint", *args],
        cwd=cwd, input=stdin, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )


def only(*selectors: str, **rule_options) -> vnlint.Config:
    """A config that selects exactly these rules; rule options as {"rule-name": {...}}."""
    data = {"select": list(selectors)}
    if rule_options:
        data["rules"] = {name.replace("_", "-"): values for name, values in rule_options.items()}
    return config_from_dict(data)


def codes(text: str, *selectors: str, config: Optional[vnlint.Config] = None) -> List[str]:
    """The codes a text raises under the given selectors (or config)."""
    return [d.code for d in vnlint.check_text(text, config or only(*selectors))]


def fixed(text: str, *selectors: str, unsafe: bool = False, config: Optional[vnlint.Config] = None) -> str:
    """The text after ``--fix`` with the given selectors (or config)."""
    result = vnlint.fix_text(text, config or only(*selectors), unsafe=unsafe)
    assert result.converged, "fix loop did not converge"
    return result.text


def assert_clean(texts: Sequence[str], *selectors: str, config=None) -> None:
    """Hard negatives: none of these texts may raise anything under the selectors."""
    for text in texts:
        found = vnlint.check_text(text, config or only(*selectors))
        assert not found, f"false positive on {text!r}: {[(d.code, d.message) for d in found]}"


def seed_text(prefix: str) -> str:
    """A seed file's text by its number, e.g. seed_text("003")."""
    [path] = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    target.mkdir()
    for path in SEEDS.glob("*.txt"):
        (target / path.name).write_bytes(path.read_bytes())
    return target
