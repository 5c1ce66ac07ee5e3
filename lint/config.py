"""Configuration: discovery, parsing, validation and rule selection.

A Config is immutable and picklable so it can cross process boundaries. Every
mistake a user can make in a config file becomes a ConfigError whose message
names the file, the key, what was expected and, where it helps, a suggestion.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from .diagnostic import SEVERITIES
from .engine import ActiveRule
from .registry import Registry, RegistryError, default_registry, plugin_rules
from .rule import CODE_PATTERN, FAMILIES, Rule, RuleOptions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python < 3.11 only
    import tomli as tomllib

CONFIG_FILENAMES = ("vnlint.toml", ".vnlint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt",)
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
    ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist", "site-packages",
)


class ConfigError(Exception):
    """A problem in a config file or option that the user can fix."""


@dataclass(frozen=True)
class PatternSpec:
    """A declarative rule from ``[[patterns]]``: a regex, a message and an optional fix."""

    code: str
    name: str
    regex: str
    message: str
    fix: Optional[str] = None  # "delete-line" or None
    replacement: Optional[str] = None
    applicability: str = "safe"
    ignore_case: bool = False
    severity: str = "warning"


@dataclass(frozen=True)
class Config:
    path: Optional[str] = None  # the file this came from; None for built-in defaults
    root: str = "."  # folder that relative globs and plugin paths are resolved against
    select: Optional[Tuple[str, ...]] = None  # None: every rule that is on by default
    extend_select: Tuple[str, ...] = ()
    ignore: Tuple[str, ...] = ()
    per_file_ignores: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    include: Tuple[str, ...] = DEFAULT_INCLUDE
    exclude: Tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: Tuple[str, ...] = ()
    respect_gitignore: bool = True
    fixable: Tuple[str, ...] = ("ALL",)
    unfixable: Tuple[str, ...] = ()
    extend_safe_fixes: Tuple[str, ...] = ()
    extend_unsafe_fixes: Tuple[str, ...] = ()
    unsafe_fixes: bool = False
    plugins: Tuple[str, ...] = ()
    patterns: Tuple[PatternSpec, ...] = ()
    pattern_timeout: float = 1.0
    # rule name -> ((option attribute, value), ...); "severity" is kept here too
    rule_settings: Tuple[Tuple[str, Tuple[Tuple[str, Any], ...]], ...] = field(default=())

    @property
    def label(self) -> str:
        return self.path or "<default config>"

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **changes)


# -- loading -------------------------------------------------------------------

_LIST_KEYS = {
    "select", "extend-select", "ignore", "include", "exclude", "extend-exclude", "fixable",
    "unfixable", "extend-safe-fixes", "extend-unsafe-fixes", "plugins",
}
_BOOL_KEYS = {"respect-gitignore", "unsafe-fixes"}
_KNOWN_KEYS = _LIST_KEYS | _BOOL_KEYS | {"per-file-ignores", "rules", "patterns", "pattern-timeout"}
_PATTERN_KEYS = {"code", "name", "regex", "message", "fix", "replacement", "applicability", "ignore-case", "severity"}


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate a vnlint.toml, .vnlint.toml or pyproject.toml ([tool.vnlint])."""
    path = Path(path)
    label = _shown(path)
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{label}: config file not found") from None
    except OSError as error:
        raise ConfigError(f"{label}: cannot read config: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{label}: invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("vnlint")
        if data is None:
            raise ConfigError(f"{label}: no [tool.vnlint] table")
        prefix = "tool.vnlint."
    else:
        prefix = ""
    return config_from_dict(data, label=label, root=str(path.resolve().parent), key_prefix=prefix)


def _shown(path: Path) -> str:
    """The config's path as messages show it: relative to the current folder when below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def config_from_dict(data: Dict[str, Any], *, label: str = "<config>", root: str = ".", key_prefix: str = "") -> Config:
    """Validate a parsed config table (as TOML would give it) and build a Config."""
    if not isinstance(data, dict):
        raise ConfigError(f"{label}: the vnlint table must be a table, got {type(data).__name__}")

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{label}: {key_prefix}{key} {problem}")

    for key in data:
        if key not in _KNOWN_KEYS:
            raise ConfigError(f"{label}: unknown key '{key_prefix}{key}'{_did_you_mean(key, _KNOWN_KEYS)}")
    values: Dict[str, Any] = {}
    for key in _LIST_KEYS & data.keys():
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise fail(key, f"must be a list of strings, got {_describe(value)}")
        values[key.replace("-", "_")] = tuple(value)
    for key in _BOOL_KEYS & data.keys():
        if not isinstance(data[key], bool):
            raise fail(key, f"must be true or false, got {_describe(data[key])}")
        values[key.replace("-", "_")] = data[key]
    if "pattern-timeout" in data:
        timeout = data["pattern-timeout"]
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 60:
            raise fail("pattern-timeout", f"must be a number of seconds in (0, 60], got {_describe(timeout)}")
        values["pattern_timeout"] = float(timeout)
    if "per-file-ignores" in data:
        table = data["per-file-ignores"]
        if not isinstance(table, dict):
            raise fail("per-file-ignores", f"must be a table of glob = [codes], got {_describe(table)}")
        pairs = []
        for glob, codes in table.items():
            if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                raise fail(f"per-file-ignores.\"{glob}\"", f"must be a list of strings, got {_describe(codes)}")
            pairs.append((glob, tuple(codes)))
        values["per_file_ignores"] = tuple(pairs)
    values["patterns"] = tuple(_parse_pattern(item, index, fail) for index, item in enumerate(_as_list(data.get("patterns", []), fail)))
    config = Config(path=label if label != "<config>" else None, root=root, **values)

    try:
        registry = registry_for(config)
    except RegistryError as error:
        raise ConfigError(f"{label}: {error}") from None
    for key in ("select", "extend-select", "ignore", "fixable", "unfixable", "extend-safe-fixes", "extend-unsafe-fixes"):
        for selector in data.get(key, []):
            problem = selector_problem(selector, registry)
            if problem:
                raise fail(key, problem)
    for glob, codes in values.get("per_file_ignores", ()):
        for selector in codes:
            problem = selector_problem(selector, registry)
            if problem:
                raise fail(f"per-file-ignores.\"{glob}\"", problem)
    if "rules" in data:
        settings = _parse_rule_tables(data["rules"], registry, label, key_prefix)
        config = replace(config, rule_settings=settings)
    return config


def _as_list(value: Any, fail) -> List[Any]:
    if not isinstance(value, list):
        raise fail("patterns", f"must be an array of tables ([[patterns]]), got {_describe(value)}")
    return value


def _parse_pattern(item: Any, index: int, fail) -> PatternSpec:
    where = f"patterns[{index}]"
    if not isinstance(item, dict):
        raise fail(where, f"must be a table, got {_describe(item)}")
    for key in item:
        if key not in _PATTERN_KEYS:
            raise fail(where, f"has unknown key '{key}'{_did_you_mean(key, _PATTERN_KEYS)}")
    for key in ("code", "name", "regex", "message"):
        if not isinstance(item.get(key), str) or not item.get(key):
            raise fail(f"{where}.{key}", f"is required and must be a non-empty string, got {_describe(item.get(key))}")
    if not CODE_PATTERN.match(item["code"]):
        raise fail(f"{where}.code", f"must be a family letter ({''.join(FAMILIES)}) and three digits, got {item['code']!r}")
    fix = item.get("fix")
    if fix is not None and fix != "delete-line":
        raise fail(f"{where}.fix", f"must be \"delete-line\" (or use replacement = \"...\"), got {fix!r}")
    replacement = item.get("replacement")
    if replacement is not None and not isinstance(replacement, str):
        raise fail(f"{where}.replacement", f"must be a string, got {_describe(replacement)}")
    if fix and replacement is not None:
        raise fail(where, "sets both fix = \"delete-line\" and replacement; choose one")
    applicability = item.get("applicability", "safe")
    if applicability not in ("safe", "unsafe"):
        raise fail(f"{where}.applicability", f"must be \"safe\" or \"unsafe\", got {applicability!r}")
    severity = item.get("severity", "warning")
    if severity not in SEVERITIES:
        raise fail(f"{where}.severity", f"must be \"error\" or \"warning\", got {severity!r}")
    ignore_case = item.get("ignore-case", False)
    if not isinstance(ignore_case, bool):
        raise fail(f"{where}.ignore-case", f"must be true or false, got {_describe(ignore_case)}")
    from .patterns import compile_user_regex

    try:
        compile_user_regex(item["regex"], ignore_case)
    except Exception as error:
        raise fail(f"{where}.regex", f"is not a valid regular expression: {error}") from None
    return PatternSpec(item["code"], item["name"], item["regex"], item["message"], fix, replacement, applicability, ignore_case, severity)


def _parse_rule_tables(tables: Any, registry: Registry, label: str, key_prefix: str):
    if not isinstance(tables, dict):
        raise ConfigError(f"{label}: {key_prefix}rules must be a table of [rules.<rule-name>] tables")
    settings = []
    for key, table in tables.items():
        try:
            rule = registry.get(key)
        except KeyError:
            names = list(registry.by_name) + list(registry.by_code)
            raise ConfigError(f"{label}: [{key_prefix}rules.{key}] unknown rule '{key}'{_did_you_mean(key, names)}") from None
        where = f"[{key_prefix}rules.{key}]"
        if not isinstance(table, dict):
            raise ConfigError(f"{label}: {where} must be a table, got {_describe(table)}")
        options = {option.name: option for option in rule.options}
        values = []
        for option_name, value in table.items():
            if option_name == "severity":
                if value not in SEVERITIES:
                    raise ConfigError(f"{label}: {where} severity must be \"error\" or \"warning\", got {value!r}")
                values.append(("severity", value))
                continue
            if option_name not in options:
                known = list(options) + ["severity"]
                raise ConfigError(
                    f"{label}: {where} unknown option '{option_name}'{_did_you_mean(option_name, known)}"
                    + ("" if _did_you_mean(option_name, known) else f" (options: {', '.join(known)})")
                )
            try:
                values.append((options[option_name].attribute, options[option_name].validate(value)))
            except ValueError as error:
                raise ConfigError(f"{label}: {where} {option_name} {error}") from None
        settings.append((rule.name, tuple(values)))
    return tuple(settings)


def _did_you_mean(word: str, candidates: Iterable[str]) -> str:
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    if not matches:
        matches = difflib.get_close_matches(word.lower(), [c.lower() for c in candidates], n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def _describe(value: Any) -> str:
    kind = {str: "string", int: "integer", float: "float", bool: "boolean", list: "array", dict: "table"}.get(type(value), type(value).__name__)
    return f"{kind} {value!r}"


# -- discovery -----------------------------------------------------------------

@lru_cache(maxsize=4096)
def find_config_file(directory: str) -> Optional[str]:
    """The nearest vnlint.toml, .vnlint.toml or pyproject.toml with [tool.vnlint], walking up."""
    current = Path(directory).resolve()
    for folder in [current, *current.parents]:
        for name in CONFIG_FILENAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_vnlint_table(candidate)):
                return str(candidate)
    return None


def _has_vnlint_table(pyproject: Path) -> bool:
    try:
        with open(pyproject, "rb") as handle:
            return "vnlint" in tomllib.load(handle).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False


@lru_cache(maxsize=256)
def cached_load_config(path: str) -> Config:
    return load_config(path)


# -- rule selection ------------------------------------------------------------

@lru_cache(maxsize=64)
def registry_for(config: Config) -> Registry:
    registry = default_registry()
    extra: List[type] = list(plugin_rules(config.plugins, config.root)) if config.plugins else []
    if config.patterns:
        from .patterns import pattern_rule_class

        extra.extend(pattern_rule_class(spec, config.pattern_timeout) for spec in config.patterns)
    return registry.with_rules(extra) if extra else registry


def selector_problem(selector: str, registry: Registry) -> Optional[str]:
    """None when the selector names something; otherwise a message with a suggestion."""
    if _selector_matches_any(selector, registry):
        return None
    names = list(registry.by_name) + list(registry.by_code) + ["ALL"]
    return f"selects unknown rule '{selector}'{_did_you_mean(selector, names)}"


def _selector_matches_any(selector: str, registry: Registry) -> bool:
    return any(_specificity(selector, rule) for rule in registry)


def _specificity(selector: str, rule: type) -> int:
    """How precisely a selector names a rule: 0 not at all, higher is more specific."""
    if selector == "ALL":
        return 1
    if selector.lower() == rule.name or selector.upper() == rule.code:
        return 10
    if rule.code.startswith(selector.upper()) and len(selector) < len(rule.code):
        return 1 + len(selector)
    return 0


def _best(selectors: Iterable[str], rule: type) -> int:
    return max((_specificity(s, rule) for s in selectors), default=0)


def is_selected(rule: type, select: Sequence[str], ignore: Sequence[str], use_defaults: bool) -> bool:
    """Ruff's rule: the most specific selector wins; exact codes and names beat prefixes."""
    chosen: float = _best(select, rule)
    if chosen and not rule.default_enabled and chosen < 10:
        chosen = 0  # opt-in rules come on only when named exactly, never through a prefix or ALL
    if not chosen:
        if not (use_defaults and rule.default_enabled):
            return False
        chosen = 0.5  # on by default: any matching ignore turns it off
    return chosen > _best(ignore, rule)


@lru_cache(maxsize=1024)
def active_rules(config: Config, ignored_here: Tuple[str, ...] = ()) -> Tuple[ActiveRule, ...]:
    """Instantiate the rules a config turns on, with options and severities resolved."""
    registry = registry_for(config)
    settings = {name: dict(values) for name, values in config.rule_settings}
    select = config.select if config.select is not None else ()
    default_on = config.select is None
    result = []
    for rule_class in registry:
        wanted = is_selected(rule_class, select + config.extend_select, config.ignore + ignored_here, default_on)
        if not wanted:
            continue
        values = {option.attribute: option.default for option in rule_class.options}
        rule_values = settings.get(rule_class.name, {})
        severity = rule_values.get("severity", rule_class.default_severity)
        values.update({k: v for k, v in rule_values.items() if k != "severity"})
        result.append(ActiveRule(rule_class(), RuleOptions(values), severity))
    return tuple(result)


def ignores_for_path(config: Config, path: str) -> Tuple[str, ...]:
    if not config.per_file_ignores:
        return ()
    relative = _relative(path, config.root)
    codes: List[str] = []
    for glob, selectors in config.per_file_ignores:
        if fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(os.path.basename(path), glob):
            codes.extend(selectors)
    return tuple(codes)


def _relative(path: str, root: str) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


@lru_cache(maxsize=64)
def _fix_overrides(config: Config) -> Dict[str, Tuple[bool, Optional[str]]]:
    """Per rule code: may it be fixed at all, and the applicability extend-(un)safe-fixes force on it."""
    overrides: Dict[str, Tuple[bool, Optional[str]]] = {}
    for rule in registry_for(config):
        fixable = _best(config.fixable, rule) > _best(config.unfixable, rule)
        safer = _best(config.extend_safe_fixes, rule)
        riskier = _best(config.extend_unsafe_fixes, rule)
        overrides[rule.code] = (fixable, "safe" if safer > riskier else "unsafe" if riskier > safer else None)
    return overrides


def effective_applicability(config: Config, diagnostic) -> Optional[str]:
    """The applicability a fix has after extend-safe-fixes/extend-unsafe-fixes, or None if unfixable."""
    if diagnostic.fix is None:
        return None
    fixable, forced = _fix_overrides(config).get(diagnostic.code, (True, None))
    if not fixable:
        return None
    return forced or diagnostic.fix.applicability


def fix_policy(config: Config):
    """A predicate telling whether --fix applies a diagnostic's fix under this config."""

    def can_fix(diagnostic) -> bool:
        applicability = effective_applicability(config, diagnostic)
        return applicability == "safe" or (applicability == "unsafe" and config.unsafe_fixes)

    return can_fix


__all__ = [
    "Config", "ConfigError", "PatternSpec", "load_config", "config_from_dict", "find_config_file",
    "active_rules", "fix_policy", "ignores_for_path", "registry_for", "Rule",
]
