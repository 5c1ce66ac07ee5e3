"""Finds rules: built-in families in vnlint.rules, entry points, and config plugins."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import sys
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType
from typing import Dict, Iterable, List, Sequence, Tuple, Type

from .rule import Rule

ENTRY_POINT_GROUP = "vnlint.rules"


class RegistryError(Exception):
    """A rule or plugin could not be loaded; the message says which and why."""


class Registry:
    """An immutable set of rule classes, addressable by code and by name."""

    def __init__(self, rules: Iterable[Type[Rule]]) -> None:
        by_code: Dict[str, Type[Rule]] = {}
        by_name: Dict[str, Type[Rule]] = {}
        for rule in rules:
            problems = list(rule.problems_with_metadata())
            if problems:
                raise RegistryError(f"rule {rule.__module__}.{rule.__qualname__}: " + "; ".join(problems))
            for table, key in ((by_code, rule.code), (by_name, rule.name)):
                if key in table and table[key] is not rule:
                    other = table[key]
                    raise RegistryError(
                        f"rule {key!r} is defined twice: {other.__module__}.{other.__qualname__} "
                        f"and {rule.__module__}.{rule.__qualname__}"
                    )
                table[key] = rule
        self.by_code = dict(sorted(by_code.items()))
        self.by_name = by_name

    def __iter__(self):
        return iter(self.by_code.values())

    def __len__(self) -> int:
        return len(self.by_code)

    def get(self, code_or_name: str) -> Type[Rule]:
        key = code_or_name.strip()
        return self.by_code.get(key.upper()) or self.by_name[key.lower()]

    def with_rules(self, extra: Iterable[Type[Rule]]) -> Registry:
        return Registry(list(self) + list(extra))


def rules_in_module(module: ModuleType) -> List[Type[Rule]]:
    """Rule subclasses defined in a module (imported helpers and bases excluded)."""
    return [
        member
        for _, member in inspect.getmembers(module, inspect.isclass)
        if issubclass(member, Rule) and member.code and member.__module__ == module.__name__
    ]


@lru_cache(maxsize=1)
def builtin_rules() -> Tuple[Type[Rule], ...]:
    from . import rules as package  # vnlint.rules

    found: List[Type[Rule]] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.ispkg:
            continue
        found.extend(rules_in_module(importlib.import_module(f"{package.__name__}.{info.name}")))
    return tuple(found)


@lru_cache(maxsize=1)
def entry_point_rules() -> Tuple[Type[Rule], ...]:
    from importlib.metadata import entry_points

    try:
        points = entry_points(group=ENTRY_POINT_GROUP)
    except TypeError:  # Python 3.9's entry_points() takes no arguments
        points = entry_points().get(ENTRY_POINT_GROUP, [])
    found: List[Type[Rule]] = []
    for point in points:
        try:
            loaded = point.load()
        except Exception as error:  # a broken third-party package must be named, not crash us
            raise RegistryError(f"entry point {point.name!r} ({point.value}): {error}") from error
        found.extend(_rules_from_object(loaded, f"entry point {point.name!r}"))
    return tuple(found)


def plugin_rules(plugins: Sequence[str], base_dir: str) -> Tuple[Type[Rule], ...]:
    """Load local plugin modules named in config: a dotted module name or a .py path."""
    found: List[Type[Rule]] = []
    for plugin in plugins:
        found.extend(_rules_from_object(_load_plugin(plugin, base_dir), f"plugin {plugin!r}"))
    return tuple(found)


@cache
def _load_plugin(plugin: str, base_dir: str) -> ModuleType:
    if plugin.endswith(".py") or "/" in plugin:
        path = Path(base_dir, plugin).resolve()
        if not path.is_file():
            raise RegistryError(f"plugin {plugin!r}: no such file {path}")
        name = "vnlint_plugin_" + path.stem
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as error:
            raise RegistryError(f"plugin {plugin!r}: {type(error).__name__}: {error}") from error
        return module
    added = base_dir not in sys.path
    if added:
        sys.path.insert(0, base_dir)
    try:
        return importlib.import_module(plugin)
    except Exception as error:
        raise RegistryError(f"plugin {plugin!r}: {type(error).__name__}: {error}") from error
    finally:
        if added:
            sys.path.remove(base_dir)


def _rules_from_object(loaded, origin: str) -> List[Type[Rule]]:
    if inspect.isclass(loaded) and issubclass(loaded, Rule):
        return [loaded]
    if isinstance(loaded, ModuleType):
        rules = rules_in_module(loaded)
        if rules:
            return rules
    raise RegistryError(f"{origin} provides no vnlint Rule subclass")


def default_registry() -> Registry:
    from .source_rules import ENGINE_RULES

    return Registry(ENGINE_RULES + builtin_rules() + entry_point_rules())
