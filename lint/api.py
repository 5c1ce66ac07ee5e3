"""The Python API for data pipelines: pure functions over text, with a picklable config."""

from __future__ import annotations

from typing import List, Optional

from .config import Config, active_rules, fix_policy, ignores_for_path
from .diagnostic import Diagnostic
from .document import Document
from .engine import FixResult, check_document, fix_document

DEFAULT_CONFIG = Config()


def check_text(text: str, config: Optional[Config] = None, *, path: str = "<string>") -> List[Diagnostic]:
    """Lint one text and return its diagnostics, sorted by position.

    ``path`` only names the text in diagnostics and selects per-file-ignores.
    """
    config = config or DEFAULT_CONFIG
    rules = active_rules(config, ignores_for_path(config, path))
    return check_document(Document(text, path), rules)


def fix_text(text: str, config: Optional[Config] = None, unsafe: bool = False, *, path: str = "<string>") -> FixResult:
    """Apply every applicable fix until none remains; return the new text, what was fixed and what remains.

    ``unsafe=True`` also applies unsafe fixes (like ``--unsafe-fixes``).
    """
    config = config or DEFAULT_CONFIG
    if unsafe and not config.unsafe_fixes:
        config = config.with_overrides(unsafe_fixes=True)
    rules = active_rules(config, ignores_for_path(config, path))
    return fix_document(Document(text, path), rules, fix_policy(config))
