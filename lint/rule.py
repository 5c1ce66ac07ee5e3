"""The base class every rule derives from, and typed rule options.

A rule is a class with its metadata at the top and one method, ``check``,
that reads a Document and yields Diagnostics. It never reads or writes files.
Copy a sibling rule in ``vnlint.rules`` to start a new one.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Dict, Iterable, Iterator, Optional, Sequence, Tuple

from .diagnostic import APPLICABILITIES, SEVERITIES, Diagnostic, Edit, Fix
from .document import Document

FAMILIES = {
    "E": "encoding and Unicode",
    "S": "word-segmentation artifacts",
    "W": "whitespace and glued text",
    "V": "Vietnamese orthography",
    "B": "boilerplate and site chrome",
    "D": "duplicates",
    "T": "trailers and off-topic tails",
    "L": "language",
}
CODE_PATTERN = re.compile(r"^[EBSWVDTL]\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Fix safety")


@dataclass(frozen=True)
class Option:
    """One typed, validated rule option, set in ``[rules.<rule-name>]``."""

    name: str  # kebab-case, as written in TOML
    type: type
    default: Any
    help: str
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    choices: Optional[Tuple[Any, ...]] = None
    # Extra check of a well-typed value: returns a problem in the user's terms, or None.
    validator: Optional[Callable[[Any], Optional[str]]] = None

    @property
    def attribute(self) -> str:
        return self.name.replace("-", "_")

    def validate(self, value: Any) -> Any:
        """Return the value converted to the option's type, or raise ValueError in user terms."""
        expected = self.type
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if expected in (tuple, list):
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"must be a list of strings, got {_describe(value)}")
            value = tuple(value)
        elif not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            raise ValueError(f"must be {_type_name(expected)}, got {_describe(value)}")
        if self.choices is not None and expected in (tuple, list):
            unknown = [item for item in value if item not in self.choices]
            if unknown:
                allowed = ", ".join(repr(c) for c in self.choices)
                raise ValueError(f"items must be among {allowed}, got {unknown[0]!r}")
        elif self.choices is not None and value not in self.choices:
            allowed = ", ".join(repr(c) for c in self.choices)
            raise ValueError(f"must be one of {allowed}, got {value!r}")
        if self.minimum is not None and self.maximum is not None and not self.minimum <= value <= self.maximum:
            raise ValueError(f"must be {_number(self.minimum)}–{_number(self.maximum)}, got {value!r}")
        if self.validator is not None:
            problem = self.validator(value)
            if problem:
                raise ValueError(problem)
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"must be at least {_number(self.minimum)}, got {value!r}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"must be at most {_number(self.maximum)}, got {value!r}")
        return value


class RuleOptions:
    """Read-only, picklable option values; read them as attributes (``options.tone_style``).

    Values live in the instance ``__dict__`` so that reading one is a plain attribute
    lookup: rules read options in their inner loops.
    """

    def __init__(self, values: Dict[str, Any]) -> None:
        self.__dict__.update(values)

    def __setattr__(self, key, value):
        raise AttributeError("rule options are read-only")

    def __eq__(self, other):
        return isinstance(other, RuleOptions) and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(tuple(sorted((k, repr(v)) for k, v in self.__dict__.items())))

    def as_dict(self) -> Dict[str, Any]:
        return dict(self.__dict__)

    def __repr__(self) -> str:
        return f"RuleOptions({self.__dict__!r})"


class Rule:
    """Base class for rules. Subclasses set the metadata below and implement ``check``.

    The class docstring is the rule's documentation, with the sections
    ``## What it does``, ``## Why it matters``, ``## Example``, ``## Fix safety``
    and, when the rule has options, ``## Options`` (generated from ``options``).
    """

    code: ClassVar[str] = ""  # family letter + three digits, e.g. "W002"
    name: ClassVar[str] = ""  # kebab-case, e.g. "trailing-whitespace"
    summary: ClassVar[str] = ""  # one line, used in listings and SARIF
    default_enabled: ClassVar[bool] = True
    default_severity: ClassVar[str] = "warning"
    fix_safety: ClassVar[str] = "none"  # "safe", "unsafe", "sometimes" or "none"
    options: ClassVar[Sequence[Option]] = ()

    def check(self, document: Document, options: RuleOptions) -> Iterable[Diagnostic]:
        raise NotImplementedError

    # -- helpers for subclasses ------------------------------------------------

    def diagnostic(
        self,
        document: Document,
        start: int,
        end: int,
        message: str,
        *,
        edits: Optional[Sequence[Edit]] = None,
        applicability: Optional[str] = None,
        fix_message: str = "",
    ) -> Diagnostic:
        """Build a Diagnostic for text[start:end]; pass ``edits`` to make it fixable."""
        fix = None
        if edits:
            fix = Fix(tuple(edits), applicability or ("unsafe" if self.fix_safety == "unsafe" else "safe"), fix_message)
        return Diagnostic(
            code=self.code,
            name=self.name,
            message=message,
            severity=self.default_severity,
            start_offset=start,
            end_offset=end,
            start=document.position(start),
            end=document.position(end),
            fix=fix,
            path=document.path,
        )

    def delete_lines(self, document: Document, first_line: int, last_line: int) -> Edit:
        """An edit removing whole lines first_line..last_line (1-based) with their line breaks."""
        starts = document.line_starts
        start = starts[first_line - 1]
        end = starts[last_line] if last_line < len(starts) else len(document.text)
        if end == len(document.text) and not document.text.endswith("\n") and start > 0:
            # Deleting the last line of a file without a final newline: take the
            # preceding break instead, so the file still ends without one.
            start -= 1
        return Edit(start, end, "")

    @classmethod
    def default_options(cls) -> RuleOptions:
        return RuleOptions({option.attribute: option.default for option in cls.options})

    @classmethod
    def documentation(cls) -> str:
        """The rule's docs as Markdown: the docstring plus a generated options section."""
        body = textwrap.dedent(cls.__doc__ or "").strip()
        header = f"# {cls.name} ({cls.code})\n\n{cls.summary}\n\n"
        facts = (
            f"Family: {cls.code[:1]} ({FAMILIES.get(cls.code[:1], 'unknown')}) · "
            f"default: {'on' if cls.default_enabled else 'off (opt-in)'} · "
            f"severity: {cls.default_severity} · fix: {cls.fix_safety}\n\n"
        )
        text = header + facts + body
        if cls.options and "## Options" not in body:
            rows = [f"- `{o.name}` ({_type_name(o.type)}, default `{o.default!r}`): {o.help}" for o in cls.options]
            text += "\n\n## Options\n\n" + "\n".join(rows)
        elif not cls.options and "## Options" not in body:
            text += "\n\n## Options\n\nNone."
        return text + "\n"

    @classmethod
    def problems_with_metadata(cls) -> Iterator[str]:
        """Why this rule class cannot be registered, if anything (used by the registry and tests)."""
        if not CODE_PATTERN.match(cls.code or ""):
            yield f"code {cls.code!r} must be a family letter ({''.join(FAMILIES)}) and three digits"
        if not NAME_PATTERN.match(cls.name or ""):
            yield f"name {cls.name!r} must be kebab-case"
        if not cls.summary:
            yield "summary is empty"
        if cls.default_severity not in SEVERITIES:
            yield f"default_severity must be one of {SEVERITIES}"
        if cls.fix_safety not in APPLICABILITIES + ("sometimes", "none"):
            yield "fix_safety must be safe, unsafe, sometimes or none"
        doc = cls.__doc__ or ""
        for section in DOC_SECTIONS:
            if f"## {section}" not in doc:
                yield f"docstring lacks a '## {section}' section"


def _type_name(kind: type) -> str:
    return {int: "an integer", float: "a number", bool: "true or false", str: "a string",
            tuple: "a list of strings", list: "a list of strings"}.get(kind, kind.__name__)


def _describe(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
