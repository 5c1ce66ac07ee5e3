"""Lints or fixes many files, in parallel when it pays, and collects per-file results.

Data flows one way: bytes -> SourceText -> Document -> rules -> diagnostics
-> (fix loop -> new text) -> atomic write. Workers get only picklable values:
a path, a Config and a mode.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence, Tuple

from .config import Config, active_rules, fix_policy, ignores_for_path
from .diagnostic import Diagnostic
from .document import Document, Position
from .engine import RuleCrash, check_document, fix_document
from .files import SourceProblem, SourceText, decode_source, read_source, write_atomically

CHECK, FIX, DIFF = "check", "fix", "diff"
# A short article with a few typical faults, so that rules load their phrase lists, tables and
# syllable sets before workers fork. No mojibake or foreign line: ftfy and langdetect are
# imported only by workers that meet such text.
WARM_UP_TEXT = (
    "Tin mới nhất\n\nHà_Nội , ngày 5/9 . Ông Nguyễn Văn A nói.Hai bên hợp tác tốt  hơn, thuỷ lợi và thủy sản.\n\n"
    "Xem thêm: Giá vàng hôm nay\n\nHuyền Lê\n"
)
PROBLEM_CODES = {"io": ("E901", "unreadable-file"), "utf8": ("E902", "invalid-utf8")}


@dataclass
class FileResult:
    path: str
    diagnostics: List[Diagnostic] = field(default_factory=list)  # what remains
    fixed: List[Diagnostic] = field(default_factory=list)
    original: Optional[str] = None  # kept only in diff mode and for stdin
    new_text: Optional[str] = None  # the fixed text, kept only when it was not written (diff, stdin)
    changed: bool = False  # the fix changed the text
    notice: Optional[str] = None  # e.g. a skipped binary file
    error: Optional[str] = None  # an internal or write error (exit code 2)
    converged: bool = True
    size: int = 0


def problem_diagnostic(problem: SourceProblem) -> Diagnostic:
    code, name = PROBLEM_CODES[problem.kind]
    position = Position(problem.line, problem.column)
    return Diagnostic(code, name, problem.message, "error", 0, 0, position, position, None, problem.path)


def _engine_code_enabled(config: Config, code: str, path: str) -> bool:
    return any(active.rule.code == code for active in active_rules(config, ignores_for_path(config, path)))


def process_source(path: str, source, config: Config, mode: str, verbose: bool = False, write: bool = True) -> FileResult:
    """Lint or fix one decoded source; never raises."""
    if isinstance(source, SourceProblem):
        if source.kind == "binary":
            return FileResult(path, notice=source.message)
        diagnostics = [problem_diagnostic(source)] if _engine_code_enabled(config, PROBLEM_CODES[source.kind][0], path) else []
        return FileResult(path, diagnostics)
    try:
        rules = active_rules(config, ignores_for_path(config, path))
        document = Document(source.text, path)
        result = FileResult(path, size=len(source.text))
        if mode == CHECK:
            result.diagnostics = check_document(document, rules)
            return result
        outcome = fix_document(document, rules, fix_policy(config))
        result.diagnostics, result.fixed, result.converged = outcome.remaining, outcome.fixed, outcome.converged
        if outcome.changed:
            result.changed = True
            if mode == DIFF or not write:
                result.original, result.new_text = source.text, outcome.text
            else:
                write_atomically(path, source.to_bytes(outcome.text))
        return result
    except RuleCrash as crash:
        detail = "".join(traceback.format_exception(type(crash.error), crash.error, crash.error.__traceback__)) if verbose else ""
        return FileResult(path, error=f"{path}: internal error: {crash}" + (f"\n{detail}" if detail else "") + ("" if verbose else " (run with --verbose for a traceback)"))
    except OSError as error:
        return FileResult(path, error=f"{path}: could not write the fixed file: {error.strerror or error}; the original is unchanged")
    except Exception as error:  # a bug in vnlint must not lose a file or hide the others
        detail = traceback.format_exc() if verbose else " (run with --verbose for a traceback)"
        return FileResult(path, error=f"{path}: internal error: {type(error).__name__}: {error}{detail}")


def process_file(task: Tuple[str, Config, str, bool]) -> FileResult:
    path, config, mode, verbose = task
    return process_source(path, read_source(path), config, mode, verbose)


def process_stdin(data: bytes, path: str, config: Config, mode: str, verbose: bool = False) -> FileResult:
    source = decode_source(path, data)
    result = process_source(path, source, config, mode, verbose, write=False)
    if isinstance(source, SourceText):
        result.original = source.text
    return result


def run_files(
    tasks: Sequence[Tuple[str, Config]],
    mode: str,
    jobs: int,
    verbose: bool = False,
    progress: Optional[Callable[[int, int], None]] = None,
) -> List[FileResult]:
    items = [(path, config, mode, verbose) for path, config in tasks]
    total = len(items)
    if jobs <= 1 or total < 4:
        results = []
        for index, item in enumerate(items, 1):
            results.append(process_file(item))
            if progress:
                progress(index, total)
        return results
    # Warm the caches in the parent so forked workers inherit imported rules and the
    # data they load on first use (tables, phrase lists, syllable sets) instead of each
    # loading them again.
    for config in {config for _, config in tasks}:
        check_document(Document(WARM_UP_TEXT, "<warm-up>"), active_rules(config))
    chunk = max(1, min(64, total // (jobs * 8) or 1))
    results = []
    with ProcessPoolExecutor(max_workers=min(jobs, total)) as pool:
        for index, result in enumerate(pool.map(process_file, items, chunksize=chunk), 1):
            results.append(result)
            if progress:
                progress(index, total)
    return results


class Progress:
    """A one-line counter on stderr for long runs, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.last = 0.0
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < 50:
            return
        now = time.monotonic()
        if now - self.last < 0.2 and done != total:
            return
        self.last = now
        self.shown = True
        sys.stderr.write(f"\rvnlint: {done}/{total} files ({now - self.started:.1f} s)")
        sys.stderr.flush()

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
