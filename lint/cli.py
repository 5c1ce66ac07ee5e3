"""The ``vnlint`` command: ``vnlint [check] [PATH ...]`` and ``vnlint rule CODE|NAME|--all``.

Exit codes: 0 clean (or everything fixed), 1 problems remain (or --diff would
change something), 2 usage, config or internal error.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from typing import List, Optional, Sequence

from . import __version__
from .config import (
    Config,
    ConfigError,
    cached_load_config,
    effective_applicability,
    find_config_file,
    fix_policy,
    registry_for,
    selector_problem,
)
from .registry import RegistryError
from .reporters import FORMATS, Report, RuleInfo, display_path, render
from .runner import CHECK, DIFF, FIX, Progress, default_jobs, process_stdin, run_files

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits with 2 already; keep its wording short
        self.print_usage(sys.stderr)
        sys.stderr.write(f"vnlint: error: {message}\n")
        sys.exit(EXIT_ERROR)


def _selectors(text: str) -> List[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def build_check_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="vnlint",
        description="A data-quality linter for scraped Vietnamese news text. "
        "Run `vnlint rule --all` to list the rules and `vnlint rule CODE` for one rule's documentation.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint (default: .); - reads stdin")
    fixing = parser.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true", help="apply fixes and rewrite files")
    fixing.add_argument("--unsafe-fixes", action="store_true", default=None, help="also apply unsafe fixes")
    fixing.add_argument("--no-unsafe-fixes", dest="unsafe_fixes", action="store_false", help="never apply unsafe fixes")
    fixing.add_argument("--diff", action="store_true", help="print a unified diff of what --fix would change; write nothing")
    selection = parser.add_argument_group("rule selection")
    selection.add_argument("--select", type=_selectors, metavar="RULES", help="comma-separated codes, prefixes or names (replaces the config's select)")
    selection.add_argument("--extend-select", type=_selectors, metavar="RULES", default=[], help="add to the selected rules")
    selection.add_argument("--ignore", type=_selectors, metavar="RULES", default=[], help="rules to turn off")
    configuration = parser.add_argument_group("configuration")
    configuration.add_argument("--config", metavar="PATH", help="use this config file for every file")
    configuration.add_argument("--isolated", action="store_true", help="ignore all config files")
    configuration.add_argument("--force-exclude", action="store_true", help="apply exclude settings to files named on the command line too (for pre-commit)")
    output = parser.add_argument_group("output")
    output.add_argument("--output-format", choices=FORMATS, default=os.environ.get("VNLINT_OUTPUT_FORMAT", "text"))
    output.add_argument("--statistics", action="store_true", help="count problems per rule")
    output.add_argument("--show-fixes", action="store_true", help="list the fixes applied")
    output.add_argument("-q", "--quiet", action="store_true", help="print diagnostics only, no summary")
    output.add_argument("--no-progress", action="store_true", help="no progress line on long runs")
    output.add_argument("-v", "--verbose", action="store_true", help="show tracebacks for internal errors")
    exits = parser.add_argument_group("exit status")
    exits.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems remain")
    exits.add_argument("--exit-non-zero-on-fix", action="store_true", help="exit 1 when --fix changed a file")
    exits.add_argument("--warnings-as-errors", action="store_true", help="warnings also make the exit code 1")
    parser.add_argument("--stdin-filename", metavar="PATH", help="the name of the text read from stdin (for config and messages)")
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help="parallel processes (default: all cores)")
    parser.add_argument("--version", action="version", version=f"vnlint {__version__}")
    return parser


def build_rule_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="vnlint rule", description="Show a rule's documentation, or list all rules.")
    parser.add_argument("rule", nargs="?", metavar="CODE|NAME")
    parser.add_argument("--all", action="store_true", help="list every rule")
    parser.add_argument("--config", metavar="PATH", help="include plugins and patterns from this config")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    try:
        if argv and argv[0] == "rule":
            return rule_command(build_rule_parser().parse_args(argv[1:]))
        if argv and argv[0] == "check":
            argv = argv[1:]
        return check_command(build_check_parser().parse_args(argv))
    except (ConfigError, RegistryError, UsageError) as error:
        sys.stderr.write(f"vnlint: error: {error}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("vnlint: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK


def rule_command(args) -> int:
    config = cached_load_config(args.config) if args.config else Config()
    registry = registry_for(config)
    if args.all or not args.rule:
        width = max(len(rule.name) for rule in registry)
        print(f"{'code':<5} {'name':<{width}} {'fix':<9} {'default':<7} summary")
        for rule in registry:
            state = "on" if rule.default_enabled else "opt-in"
            print(f"{rule.code:<5} {rule.name:<{width}} {rule.fix_safety:<9} {state:<7} {rule.summary}")
        return EXIT_OK
    try:
        rule = registry.get(args.rule)
    except KeyError:
        problem = selector_problem(args.rule, registry) or ""
        raise UsageError(f"no rule '{args.rule}'{problem[problem.find(' (did'):] if '(did' in problem else ''}") from None
    sys.stdout.write(rule.documentation())
    return EXIT_OK


def check_command(args) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.diff and args.fix:
        raise UsageError("--diff and --fix cannot be used together: --diff shows what --fix would do")
    overrides = {}
    if args.select is not None:
        overrides["select"] = tuple(args.select)
    if args.extend_select:
        overrides["extend_select"] = tuple(args.extend_select)
    if args.ignore:
        overrides["ignore"] = tuple(args.ignore)
    if args.unsafe_fixes is not None:
        overrides["unsafe_fixes"] = args.unsafe_fixes

    def finish(config: Config) -> Config:
        if not overrides:
            return config
        merged = dict(overrides)
        if "extend_select" in merged:
            merged["extend_select"] = config.extend_select + merged["extend_select"]
        if "ignore" in merged:
            merged["ignore"] = config.ignore + merged["ignore"]
        return config.with_overrides(**merged)

    explicit = finish(cached_load_config(args.config)) if args.config else finish(Config()) if args.isolated else None
    cache = {}

    def config_for(directory: str) -> Config:
        found = find_config_file(directory)
        if found not in cache:
            cache[found] = finish(cached_load_config(found) if found else Config())
        return cache[found]

    _validate_cli_selectors(args, explicit or config_for("."))
    mode = DIFF if args.diff else FIX if args.fix else CHECK
    paths = args.paths or ["."]
    if "-" in paths:
        if len(paths) > 1:
            raise UsageError("- (stdin) cannot be combined with other paths")
        return _run_stdin(args, mode, explicit, config_for)
    from .files import discover_files

    for path in paths:
        if not os.path.exists(path):
            raise UsageError(f"{path}: no such file or folder")
    tasks = list(discover_files(paths, config_for, explicit, args.force_exclude))
    progress = Progress(not args.no_progress and args.output_format == "text")
    jobs = args.jobs or default_jobs()
    try:
        results = run_files(tasks, mode, jobs, args.verbose, progress)
    finally:
        progress.close()
    return _report(args, mode, results, [config for _, config in tasks] or [explicit or config_for(".")])


def _validate_cli_selectors(args, config: Config) -> None:
    registry = registry_for(config)
    for flag in ("select", "extend_select", "ignore"):
        for selector in getattr(args, flag) or []:
            problem = selector_problem(selector, registry)
            if problem:
                raise UsageError(f"--{flag.replace('_', '-')} {problem}")


def _run_stdin(args, mode: str, explicit: Optional[Config], config_for) -> int:
    name = args.stdin_filename or "-"
    config = explicit or config_for(os.path.dirname(os.path.abspath(name)) if args.stdin_filename else ".")
    data = sys.stdin.buffer.read()
    result = process_stdin(data, name, config, mode, args.verbose)
    if mode == FIX:
        # Like ruff: the fixed text goes to stdout, the report to stderr.
        text = result.new_text if result.changed else (result.original if result.original is not None else data.decode("utf-8", "replace"))
        sys.stdout.write(text)
        sys.stdout.flush()
        return _report(args, mode, [result], [config], stream=sys.stderr)
    return _report(args, mode, [result], [config])


def _report(args, mode: str, results, configs: List[Config], stream=None) -> int:
    stream = stream or sys.stdout
    config = configs[0]
    remaining = sorted((d for r in results for d in r.diagnostics), key=lambda d: d.sort_key())
    fixed = [d for r in results for d in r.fixed]
    errors = [r.error for r in results if r.error]
    registry = registry_for(config)
    rules = {
        rule.code: RuleInfo(rule.code, rule.name, rule.summary, rule.default_severity, rule.documentation())
        for rule in registry
    } if args.output_format == "sarif" else {rule.code: RuleInfo(rule.code, rule.name, rule.summary, rule.default_severity, "") for rule in registry}
    # Each file was linted under its own (nearest) config; its [*] markers follow that config too.
    config_of = {result.path: file_config for result, file_config in zip(results, configs)}

    def fixable(d) -> bool:
        return fix_policy(config_of.get(d.path, config))(d)

    def hidden_unsafe(d) -> bool:
        file_config = config_of.get(d.path, config)
        return not file_config.unsafe_fixes and effective_applicability(file_config, d) == "unsafe"

    report = Report(
        diagnostics=remaining, fixed=fixed, rules=rules, fix_mode=(mode == FIX),
        unsafe_hidden=sum(1 for d in remaining if hidden_unsafe(d)),
        fixable=fixable, show_fixes=args.show_fixes, statistics=args.statistics,
        quiet=args.quiet, color=_use_color(stream), files_checked=len(results), version=__version__,
    )
    if mode == DIFF:
        _write_diff(results, stream)
    if mode != DIFF or args.output_format != "text":
        stream.write(render(args.output_format, report))
    elif not args.quiet:
        changed = sum(1 for r in results if r.changed)
        sys.stderr.write(f"{changed} file{'s' if changed != 1 else ''} would be changed.\n" if changed else "No changes.\n")
    for result in results:
        if result.notice and not args.quiet:
            sys.stderr.write(f"vnlint: {display_path(result.path)}: {result.notice}\n")
        if not result.converged:
            sys.stderr.write(f"vnlint: {display_path(result.path)}: fixes did not converge; the file was left unchanged\n")
    for error in errors:
        sys.stderr.write(f"vnlint: error: {error}\n")
    stream.flush()
    if errors:
        return EXIT_ERROR
    if mode == DIFF and any(r.changed for r in results):
        return EXIT_PROBLEMS
    if args.exit_non_zero_on_fix and mode == FIX and any(r.changed for r in results):
        return EXIT_PROBLEMS
    if args.exit_zero:
        return EXIT_OK
    failing = [d for d in remaining if d.severity == "error" or args.warnings_as_errors]
    if mode == DIFF:
        return EXIT_OK
    return EXIT_PROBLEMS if failing else EXIT_OK


def _write_diff(results, stream) -> None:
    for result in results:
        if not result.changed:
            continue
        name = display_path(result.path)
        diff = difflib.unified_diff(
            result.original.splitlines(keepends=True), result.new_text.splitlines(keepends=True),
            fromfile=f"a/{name}", tofile=f"b/{name}",
        )
        for line in diff:
            stream.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")


def _use_color(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


if __name__ == "__main__":
    sys.exit(main())
