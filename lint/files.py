"""Files: finding them, reading them safely, and writing fixes atomically.

Reading never raises: a file that cannot become a Document yields a
SourceProblem that the engine reports as a diagnostic or a notice.
"""

from __future__ import annotations

import fnmatch
import os
import stat
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

from .config import Config

BINARY_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class SourceText:
    """A decoded file: the text rules see ("\\n" line breaks) and how to write it back."""

    path: str
    text: str
    newline: str  # "\n" or "\r\n"

    def to_bytes(self, text: str) -> bytes:
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return text.encode("utf-8")


@dataclass(frozen=True)
class SourceProblem:
    """Why a file is not linted: kind is "binary" (a notice), "io" or "utf8" (diagnostics)."""

    path: str
    kind: str
    message: str
    line: int = 1
    column: int = 1


def decode_source(path: str, data: bytes):
    """Turn bytes into SourceText, or a SourceProblem for binary or invalid UTF-8 data."""
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return SourceProblem(path, "binary", "binary file (contains NUL bytes); skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = data[: error.start].decode("utf-8", errors="replace")
        line = prefix.count("\n") + 1
        column = len(prefix) - (prefix.rfind("\n") + 1) + 1
        bad = data[error.start : error.end].hex(" ")
        return SourceProblem(
            path, "utf8",
            f"not valid UTF-8: byte(s) {bad} at byte offset {error.start} ({error.reason}); "
            "the file was not checked and will not be rewritten",
            line, column,
        )
    # Only a file whose every line break is CRLF is converted; mixed files stay as they are.
    crlf = text.count("\r\n")
    if crlf and crlf == text.count("\n"):
        return SourceText(path, text.replace("\r\n", "\n"), "\r\n")
    return SourceText(path, text, "\n")


def read_source(path: str):
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return SourceProblem(path, "io", f"cannot read file: {error.strerror or error}")
    return decode_source(path, data)


def write_atomically(path: str, data: bytes) -> None:
    """Replace a file's content all at once, keeping its mode; on failure the original is untouched."""
    target = Path(path)
    mode = stat.S_IMODE(os.stat(target).st_mode)
    handle, temp_path = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".vnlint-tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_path, mode)
        os.replace(temp_path, target)
    except BaseException:
        try:
            os.unlink(temp_path)
        except OSError:
            pass
        raise


# -- discovery -----------------------------------------------------------------

def _matches(patterns: Iterable[str], relative: str, name: str) -> bool:
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(relative, pattern):
            return True
        if "/" in pattern and fnmatch.fnmatch(relative, pattern + "/*"):
            return True
    return False


class GitIgnore:
    """The .gitignore files met while walking down a tree, applied to the paths below them."""

    def __init__(self) -> None:
        self._specs: Dict[str, object] = {}

    def load(self, directory: str) -> None:
        path = os.path.join(directory, ".gitignore")
        if directory in self._specs or not os.path.isfile(path):
            return
        try:
            import pathspec

            with open(path, encoding="utf-8", errors="replace") as handle:
                self._specs[directory] = pathspec.PathSpec.from_lines("gitwildmatch", handle)
        except OSError:
            pass

    def ignored(self, path: str, is_dir: bool) -> bool:
        for directory, spec in self._specs.items():
            try:
                relative = os.path.relpath(path, directory)
            except ValueError:
                continue
            if relative.startswith(".."):
                continue
            if spec.match_file(relative + ("/" if is_dir else "")):
                return True
        return False


def _git_root(start: str) -> Optional[str]:
    for folder in [Path(start).resolve(), *Path(start).resolve().parents]:
        if (folder / ".git").exists():
            return str(folder)
    return None


def discover_files(
    paths: List[str], config_for, explicit_config: Optional[Config] = None, force_exclude: bool = False
) -> Iterator[Tuple[str, Config]]:
    """Yield (file, config) for every file to lint under the given paths.

    ``config_for(directory)`` returns the nearest config. A file named on the
    command line is always linted; files found by walking a folder must match
    ``include`` and not ``exclude``, ``extend-exclude`` or a .gitignore.
    With ``force_exclude`` (for pre-commit, which names files itself) the
    excludes apply to named files too.
    """
    seen = set()
    for given in paths:
        if os.path.isfile(given) or not os.path.exists(given):
            config = explicit_config or config_for(os.path.dirname(os.path.abspath(given)) or ".")
            if force_exclude and _excluded_anywhere(given, config):
                continue
            key = os.path.abspath(given)
            if key not in seen:
                seen.add(key)
                yield given, config
            continue
        gitignore = GitIgnore()
        root_config = explicit_config or config_for(given)
        if root_config.respect_gitignore:
            root = _git_root(given)
            if root:
                # .gitignore files above the starting folder apply too.
                chain = [Path(given).resolve(), *Path(given).resolve().parents]
                for folder in reversed(chain):
                    if str(folder).startswith(root):
                        gitignore.load(str(folder))
        for directory, subdirs, files in os.walk(given):
            config = explicit_config or config_for(directory)
            if config.respect_gitignore:
                gitignore.load(directory)
            base = config.root
            kept = []
            for sub in sorted(subdirs):
                full = os.path.join(directory, sub)
                relative = _relative_to(full, base)
                if _matches(config.exclude + config.extend_exclude, relative, sub):
                    continue
                if config.respect_gitignore and gitignore.ignored(full, True):
                    continue
                kept.append(sub)
            subdirs[:] = kept
            for name in sorted(files):
                full = os.path.join(directory, name)
                relative = _relative_to(full, base)
                if not _matches(config.include, relative, name):
                    continue
                if _matches(config.exclude + config.extend_exclude, relative, name):
                    continue
                if config.respect_gitignore and gitignore.ignored(full, False):
                    continue
                key = os.path.abspath(full)
                if key not in seen:
                    seen.add(key)
                    yield full, config


def _excluded_anywhere(path: str, config: Config) -> bool:
    relative = _relative_to(path, config.root)
    parts = relative.split("/")
    patterns = config.exclude + config.extend_exclude
    return any(_matches(patterns, "/".join(parts[: i + 1]), parts[i]) for i in range(len(parts)))


@lru_cache(maxsize=256)
def _resolved(root: str) -> str:
    return str(Path(root).resolve())


def _relative_to(path: str, root: str) -> str:
    relative = os.path.relpath(os.path.abspath(path), _resolved(root))
    return Path(path).as_posix() if relative.startswith("..") else relative.replace(os.sep, "/")
