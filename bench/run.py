"""Throughput benchmark for vnlint: prints figures, asserts nothing.

    python bench/run.py            # full run: 50 MB corpus, scaling 10/20/50 MB (several minutes)
    python bench/run.py --quick    # 5 MB, for development
    python bench/run.py --markdown bench/RESULTS.md   # also write the figures as Markdown

The corpus is built from the labelled evaluation documents (eval/corpus/docs,
faulty and clean alike) copied until it reaches the target size, into
bench/out/ (git-ignored). vnlint runs as a user runs it: the real CLI, with
``--isolated`` defaults except ``respect-gitignore = false`` (bench/out is
ignored by git), ``--statistics`` output (so the terminal is not the
bottleneck) and ``--exit-zero``. MB is 10^6 bytes of UTF-8 file content.

Reported: MB/s and documents/s with ``--jobs 1`` and with all cores, peak
memory of the vnlint process tree (getrusage of children), per-rule time through
the Python API, scaling at 10, 20 and 50 MB, one 10,000-line document full of
near-duplicates, and, over the same files, the floor (reading the files and
splitting lines in Python) and ``ftfy.fix_text`` alone.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
SOURCE = REPO / "eval" / "corpus" / "docs"
MB = 1_000_000


def build_corpus(size_mb: float, folder: Path, pattern: str = "*.txt") -> Tuple[int, int]:
    """Copy the labelled documents round-robin into folder until it holds size_mb; return (files, bytes)."""
    sources = sorted(SOURCE.glob(pattern))
    if not sources:
        raise SystemExit("eval/corpus/docs is empty: run `python -m eval.inject` first")
    if folder.exists():
        shutil.rmtree(folder)
    target = int(size_mb * MB)
    written = files = 0
    round_ = 0
    while written < target:
        sub = folder / f"r{round_:03d}"
        sub.mkdir(parents=True)
        for source in sources:
            data = source.read_bytes()
            (sub / source.name).write_bytes(data)
            written += len(data)
            files += 1
            if written >= target:
                break
        round_ += 1
    return files, written


def write_config() -> Path:
    config = OUT / "vnlint.toml"
    config.write_text("respect-gitignore = false\n", encoding="utf-8")
    return config


def vnlint_command() -> List[str]:
    script = Path(sys.executable).parent / "vnlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "vnlint"]


_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode\n"
    "elapsed = time.perf_counter() - start\n"
    "print(code, elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def timed_vnlint(args: Sequence[str], timeout: float = 3600) -> Tuple[float, float]:
    """Run vnlint in a fresh wrapper process; return (seconds, peak RSS in MB of the process tree)."""
    command = [sys.executable, "-c", _MEASURE, *vnlint_command(), *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    code, elapsed, maxrss = result.stdout.split()
    if code != "0":
        raise SystemExit(f"vnlint failed ({code}): {' '.join(args)}\n{result.stderr[-2000:]}")
    return float(elapsed), int(maxrss) / 1024


def lint(folder: Path, config: Path, jobs: Optional[int]) -> Tuple[float, float]:
    args = ["--config", str(config), "--statistics", "--exit-zero", "--no-progress", "-q"]
    if jobs:
        args += ["--jobs", str(jobs)]
    return timed_vnlint([*args, str(folder)])


def read_floor(folder: Path) -> float:
    started = time.perf_counter()
    lines = 0
    for path in sorted(folder.rglob("*.txt")):
        lines += len(path.read_text(encoding="utf-8").split("\n"))
    return time.perf_counter() - started


def ftfy_time(folder: Path) -> float:
    import ftfy

    started = time.perf_counter()
    for path in sorted(folder.rglob("*.txt")):
        ftfy.fix_text(path.read_text(encoding="utf-8"))
    return time.perf_counter() - started


def per_rule_times(sample_mb: float = 2.0) -> List[Tuple[str, str, float, float]]:
    """Time each default rule's check() over a sample of the documents: (code, name, seconds, MB/s)."""
    import vnlint
    from vnlint.config import active_rules
    from vnlint.document import Document

    texts, size = [], 0
    for path in sorted(SOURCE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts.append(text)
        size += len(text.encode("utf-8"))
        if size >= sample_mb * MB:
            break
    rows = []
    for active in active_rules(vnlint.Config()):
        documents = [Document(text, "bench.txt") for text in texts]
        for document in documents:  # shared views are built once per document, outside the timing
            document.lines, document.paragraphs  # noqa: B018
        started = time.perf_counter()
        for document in documents:
            for _ in active.rule.check(document, active.options):
                pass
        elapsed = time.perf_counter() - started
        rows.append((active.rule.code, active.rule.name, elapsed, size / MB / elapsed if elapsed else float("inf")))
    rows.sort(key=lambda row: -row[2])
    return rows


def near_duplicate_document(path: Path, lines: int = 10_000) -> int:
    """One document of 10,000 lines: paragraphs from the corpus, each repeated with small edits."""
    import random

    rng = random.Random(7)
    paragraphs = [line for p in sorted(SOURCE.glob("*__clean.txt"))
                  for line in p.read_text(encoding="utf-8").split("\n") if len(line) > 80][:200]
    out = []
    while len(out) < lines:
        base = rng.choice(paragraphs)
        words = base.split()
        if rng.random() < 0.7:
            words[rng.randrange(len(words))] = rng.choice(words)
        out.append(" ".join(words))
    text = "\n".join(out) + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def machine() -> str:
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        model = next((line.split(":", 1)[1].strip() for line in lscpu.splitlines() if line.startswith("Model name")), "?")
    except OSError:
        model = platform.processor() or "?"
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="vnlint throughput benchmark (prints figures)")
    parser.add_argument("--quick", action="store_true", help="5 MB corpus, no scaling series")
    parser.add_argument("--size", type=float, help="corpus size in MB (default 50, or 5 with --quick)")
    parser.add_argument("--markdown", type=Path, help="also write the figures as Markdown to this file")
    parser.add_argument("--skip-ftfy", action="store_true", help="skip the ftfy.fix_text comparison")
    args = parser.parse_args(argv)
    size = args.size or (5.0 if args.quick else 50.0)
    OUT.mkdir(parents=True, exist_ok=True)
    config = write_config()
    cores = os.cpu_count() or 1
    report: List[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        report.append(line)

    say(f"Machine: {machine()}")
    say(f"vnlint: {subprocess.run([*vnlint_command(), '--version'], capture_output=True, text=True).stdout.strip()}")
    folder = OUT / f"corpus-{size:g}mb"
    files, written = build_corpus(size, folder)
    mb = written / MB
    say(f"Corpus: {files} documents, {mb:.1f} MB, built from eval/corpus/docs into {folder.relative_to(REPO)}")
    say()
    say("| run | seconds | MB/s | documents/s | peak RSS (MB) |")
    say("| --- | ---: | ---: | ---: | ---: |")
    floor = read_floor(folder)
    say(f"| floor: read files + split lines (Python, 1 core) | {floor:.2f} | {mb / floor:.1f} | {files / floor:.0f} | - |")
    ftfy_seconds = None
    if not args.skip_ftfy:
        ftfy_seconds = ftfy_time(folder)
        say(f"| ftfy.fix_text alone (1 core) | {ftfy_seconds:.2f} | {mb / ftfy_seconds:.2f} | {files / ftfy_seconds:.0f} | - |")
    runs: Dict[str, float] = {}
    for jobs in (1, cores):
        seconds, rss = lint(folder, config, jobs)
        runs[f"jobs{jobs}"] = seconds
        say(f"| vnlint check, --jobs {jobs} | {seconds:.2f} | {mb / seconds:.2f} | {files / seconds:.0f} | {rss:.0f} |")
    clean_folder = OUT / "corpus-clean-5mb"
    clean_files, clean_written = build_corpus(min(size, 5.0), clean_folder, "*__clean.txt")
    seconds, rss = lint(clean_folder, config, 1)
    say(f"| vnlint check, --jobs 1, clean documents only ({clean_written / MB:.0f} MB) | {seconds:.2f} | "
        f"{clean_written / MB / seconds:.2f} | {clean_files / seconds:.0f} | {rss:.0f} |")
    if not args.skip_ftfy:
        clean_ftfy = ftfy_time(clean_folder)
        say(f"| ftfy.fix_text alone, clean documents only | {clean_ftfy:.2f} | {clean_written / MB / clean_ftfy:.2f} | "
            f"{clean_files / clean_ftfy:.0f} | - |")
    say()
    one = runs["jobs1"]
    say(f"vnlint --jobs 1 is {one / floor:.1f}x the floor's time"
        + (f" and {ftfy_seconds / one:.2f}x ftfy.fix_text's speed "
           f"({'faster' if one < ftfy_seconds else 'slower'} than ftfy alone)" if ftfy_seconds else "")
        + f"; --jobs {cores} speeds up {one / runs[f'jobs{cores}']:.2f}x.")

    if not args.quick:
        say()
        say(f"Scaling (--jobs {cores}):")
        say("| MB | documents | seconds | MB/s | seconds per MB |")
        say("| ---: | ---: | ---: | ---: | ---: |")
        for step in (10.0, 20.0, size):
            sub = OUT / f"corpus-{step:g}mb"
            n, w = (files, written) if step == size else build_corpus(step, sub)
            seconds = runs[f"jobs{cores}"] if step == size else lint(sub, config, cores)[0]
            say(f"| {w / MB:.0f} | {n} | {seconds:.2f} | {w / MB / seconds:.2f} | {seconds / (w / MB):.3f} |")

    say()
    big = OUT / "near-duplicates-10k" / "doc.txt"
    big.parent.mkdir(parents=True, exist_ok=True)
    big_bytes = near_duplicate_document(big)
    seconds, rss = lint(big.parent, config, 1)
    say(f"One 10,000-line document of near-duplicate paragraphs ({big_bytes / MB:.1f} MB): "
        f"{seconds:.2f} s, peak RSS {rss:.0f} MB")

    say()
    say("Per-rule time through the API (rule.check over a 2 MB sample, shared document views prebuilt):")
    say("| rule | seconds | MB/s |")
    say("| --- | ---: | ---: |")
    for code, name, seconds, speed in per_rule_times():
        say(f"| {code} {name} | {seconds:.3f} | {speed:.1f} |")
    if args.markdown:
        args.markdown.write_text("\n".join(report) + "\n", encoding="utf-8")
        print(f"\nwrote {args.markdown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
