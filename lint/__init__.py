"""vnlint: a data-quality linter for scraped Vietnamese news text."""

from __future__ import annotations

__version__ = "0.1.0"

from .api import check_text, fix_text  # noqa: E402
from .config import Config, ConfigError, config_from_dict, load_config  # noqa: E402
from .diagnostic import Diagnostic, Edit, Fix  # noqa: E402
from .document import Document, Position  # noqa: E402
from .engine import FixResult  # noqa: E402
from .rule import Option, Rule, RuleOptions  # noqa: E402

__all__ = [
    "__version__", "check_text", "fix_text", "load_config", "config_from_dict", "Config", "ConfigError",
    "Diagnostic", "Edit", "Fix", "Document", "Position", "FixResult", "Option", "Rule", "RuleOptions",
]
