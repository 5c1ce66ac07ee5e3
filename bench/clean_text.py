"""Clean-text throughput of each rule, each family, E+S+W+V together and the whole default set,
compared with ftfy.fix_text over the same texts. Prints figures; asserts nothing.

    python bench/clean_text.py            # eval/clean repeated 40 times (1,200 articles, 2.8 MB)
    python bench/clean_text.py --repeat 10
    python bench/clean_text.py --phases 15  # E+S+W+V timed 15 times, each next to a fixed Python loop

CPU time (time.process_time), one core, in-process through the API: this measures the rules
and the engine, not start-up or file reading (bench/run.py measures the CLI end to end).
Each article gets a unique last line so that no per-text cache can answer for a copy.
The machine this was written on is noisy (two runs can differ by 20%), so each figure is
the best of --runs timings, as timeit reports.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import vnlint
from vnlint.config import Config, active_rules
from vnlint.document import Document
from vnlint.engine import check_document

CLEAN = Path(__file__).resolve().parent.parent / "eval" / "clean"


def seconds(function) -> float:
    start = time.process_time()
    function()
    return time.process_time() - start


def fixed_loop() -> None:
    """A fixed amount of pure Python work: its time shows how fast the machine is right now."""
    total = 0
    for number in range(300_000):
        total += number * number


def show_phases(count: int, texts, subset, megabytes: float) -> None:
    """On a VM whose speed changes from second to second, pair each E+S+W+V timing with the fixed loop's."""
    for text in texts[:len(texts) // 10]:
        check_document(Document(text), subset)  # warm-up: lazily built tables, first sight of each word
    for _ in range(count):
        loop = seconds(fixed_loop)
        elapsed = seconds(lambda: [check_document(Document(t), subset) for t in texts])
        print(f"  fixed loop {loop * 1e3:5.1f} ms   E+S+W+V {megabytes / elapsed:5.1f} MB/s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3, help="timings per figure; the best is shown")
    parser.add_argument("--phases", type=int, default=0, help="only time E+S+W+V this many times, each next to a fixed loop")
    args = parser.parse_args()
    articles = [path.read_text(encoding="utf-8") for path in sorted(CLEAN.glob("*.txt"))]
    texts = [f"{text}\n{copy}-{index}\n" for copy in range(args.repeat) for index, text in enumerate(articles)]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(f"{len(texts)} clean articles, {megabytes:.2f} MB")
    vnlint.check_text(texts[0])  # load rule data once, outside the timings
    rules = active_rules(Config())
    eswv = [active for active in rules if active.rule.code[0] in "ESWV"]
    if args.phases:
        show_phases(args.phases, texts, eswv, megabytes)
        return

    def alone(active) -> float:
        return min(seconds(lambda: [list(active.rule.check(Document(t), active.options)) for t in texts]) for _ in range(args.runs))

    per_rule = [(alone(active), active.rule.code, active.rule.name) for active in rules]
    print("\nEach rule alone (fresh Documents, so shared views are rebuilt per rule):")
    for elapsed, code, name in sorted(per_rule, reverse=True):
        print(f"  {code} {name:36} {megabytes / elapsed:9.1f} MB/s")

    def through_engine(subset) -> float:
        return megabytes / min(seconds(lambda: [check_document(Document(t), subset) for t in texts]) for _ in range(args.runs))

    print("\nE, S, W and V rules in engine order on one shared Document per article (a rule that builds a"
          "\nview its family shares pays for it here; the rest reuse it), microseconds per article:")
    spent = {a.rule.code: float("inf") for a in eswv}
    for _ in range(args.runs):
        totals = dict.fromkeys(spent, 0.0)
        for text in texts:
            document = Document(text)
            for active in eswv:
                start = time.perf_counter()
                list(active.rule.check(document, active.options))
                totals[active.rule.code] += time.perf_counter() - start
        spent = {code: min(spent[code], totals[code]) for code in spent}
    for code, elapsed in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {code} {elapsed * 1e6 / len(texts):6.1f} us")
    print(f"  sum  {sum(spent.values()) * 1e6 / len(texts):6.1f} us per article of {megabytes * 1e6 / len(texts):.0f} bytes")

    print("\nFamilies through the engine (rules of a family share their per-document views):")
    for family in "ESWVBDTL":
        subset = [a for a in rules if a.rule.code[0] == family]
        print(f"  {family}: {through_engine(subset):8.1f} MB/s")
    print(f"\nE+S+W+V together: {through_engine(eswv):.1f} MB/s")
    everything = through_engine(rules)
    print(f"Whole default rule set: {everything:.2f} MB/s")
    import ftfy

    ftfy_speed = megabytes / seconds(lambda: [ftfy.fix_text(t) for t in texts])
    print(f"ftfy.fix_text alone: {ftfy_speed:.2f} MB/s (the default set is {everything / ftfy_speed:.1f}x its speed)")


if __name__ == "__main__":
    main()
