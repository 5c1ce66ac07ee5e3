"""Score vnlint on the labelled evaluation corpus: one command, the real CLI.

    python -m eval.score                      # whole corpus; writes eval/results.json
    python -m eval.score --gate               # the CI gate's small slice (a few seconds)
    python -m eval.score --compare OLD.json   # print deltas against an earlier run
    python -m eval.score --examples 5         # show misses and false positives per family
    python -m eval.score --corpus DIR         # another labelled corpus (e.g. eval/heldout/corpus); writes DIR/results.json

It runs ``vnlint`` three times on copies of the documents: once to check (JSON
output), once with ``--fix`` and once with ``--fix --unsafe-fixes``, all with
``--isolated`` so the default rule set is measured.

How a diagnostic is counted: its lines (location.row to end_location.row) are
compared with the labels of its document. It is a true positive when it overlaps
a labelled line of a fault whose family is the diagnostic's family (or a family
that fault also accepts, e.g. a W diagnostic on spaced punctuation in a
segmented document; or the original of a duplicated paragraph). Otherwise it is a
false positive, split into: on a clean document, on a clean line of a faulty
document, or on a line that carries another family's fault ("collateral").

Recall is counted per labelled line: the share of lines carrying a fault of
family F that at least one diagnostic of family F overlaps.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

EVAL = Path(__file__).resolve().parent
CORPUS = EVAL / "corpus"
RESULTS = EVAL / "results.json"
FLOORS = EVAL / "floors.json"
FAMILIES = ("E", "S", "W", "V", "B", "D", "T", "L")


@dataclass
class Labelled:
    id: str
    plan: str
    article: str
    text: str
    expected: str
    faults: List[dict]
    gate: bool
    # line number -> indexes of the faults labelled there (as faulty lines / as related lines)
    line_faults: Dict[int, Set[int]] = field(default_factory=dict)
    related_faults: Dict[int, Set[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for index, fault in enumerate(self.faults):
            for first, last in fault["lines"]:
                for n in range(first, last + 1):
                    self.line_faults.setdefault(n, set()).add(index)
            for first, last in fault.get("related_lines", []):
                for n in range(first, last + 1):
                    self.related_faults.setdefault(n, set()).add(index)

    @property
    def lines(self) -> List[str]:
        return self.text.split("\n")


def load_corpus(corpus: Path = CORPUS, gate_only: bool = False) -> List[Labelled]:
    docs = []
    for path in sorted((corpus / "labels").glob("*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        if gate_only and not label.get("gate"):
            continue
        text = (corpus / "docs" / f"{label['id']}.txt").read_text(encoding="utf-8")
        expected = (EVAL / label["expected"]).read_text(encoding="utf-8")
        docs.append(Labelled(label["id"], label["plan"], label["article"], text, expected, label["faults"],
                             bool(label.get("gate"))))
    if not docs:
        raise SystemExit(f"no labelled documents in {corpus}; run `python -m eval.inject` first")
    return docs


# -- running the real CLI --------------------------------------------------------------


def vnlint_command() -> List[str]:
    script = Path(sys.executable).parent / "vnlint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "vnlint"]


def run_vnlint(args: Sequence[str], timeout: float = 1800) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_COLOR="1", PYTHONIOENCODING="utf-8")
    return subprocess.run([*vnlint_command(), "--isolated", "--no-progress", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=timeout)


def write_copies(docs: Sequence[Labelled], folder: Path) -> None:
    folder.mkdir(parents=True)
    for doc in docs:
        # newline="" keeps the text byte for byte (no platform newline translation)
        with open(folder / f"{doc.id}.txt", "w", encoding="utf-8", newline="") as handle:
            handle.write(doc.text)


def check(docs: Sequence[Labelled], workdir: Path) -> Dict[str, List[dict]]:
    folder = workdir / "check"
    write_copies(docs, folder)
    result = run_vnlint(["--output-format", "json", "--exit-zero", str(folder)])
    if result.returncode != 0:
        raise SystemExit(f"vnlint check failed ({result.returncode}):\n{result.stderr[-3000:]}")
    found: Dict[str, List[dict]] = defaultdict(list)
    for diagnostic in json.loads(result.stdout or "[]"):
        found[Path(diagnostic["filename"]).stem].append(diagnostic)
    return found


def fix(docs: Sequence[Labelled], workdir: Path, unsafe: bool) -> Dict[str, str]:
    folder = workdir / ("fix-unsafe" if unsafe else "fix-safe")
    write_copies(docs, folder)
    args = ["--fix", "--exit-zero", "-q", str(folder)]
    if unsafe:
        args.insert(1, "--unsafe-fixes")
    result = run_vnlint(args)
    if result.returncode != 0:
        raise SystemExit(f"vnlint --fix failed ({result.returncode}):\n{result.stderr[-3000:]}")
    out = {}
    for doc in docs:
        with open(folder / f"{doc.id}.txt", encoding="utf-8", errors="replace", newline="") as handle:
            out[doc.id] = handle.read()
    return out


# -- scoring ---------------------------------------------------------------------------


def diagnostic_lines(diagnostic: dict) -> range:
    first = diagnostic["location"]["row"]
    last = diagnostic["end_location"]["row"]
    if last > first and diagnostic["end_location"]["column"] == 1:
        last -= 1  # a range ending at the start of a line (a deleted line's break) does not touch that line
    return range(first, max(first, last) + 1)


def similarity(a: str, b: str) -> float:
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(a, b)


def classify(doc: Labelled, diagnostic: dict) -> Tuple[str, Optional[int]]:
    """'tp', 'collateral', 'fp-clean-line' or 'fp-clean-doc', and the fault index matched."""
    family = diagnostic["code"][:1]
    other_fault = False
    for n in diagnostic_lines(diagnostic):
        for index in doc.line_faults.get(n, set()) | doc.related_faults.get(n, set()):
            if family in doc.faults[index]["accept"]:
                return "tp", index
            other_fault = True
    if other_fault:
        return "collateral", None
    return ("fp-clean-doc" if not doc.faults else "fp-clean-line"), None


def snippet(text: str, width: int = 90) -> str:
    text = text.replace("\t", "\\t")
    return text if len(text) <= width else text[:width - 1] + "…"


def score(docs: Sequence[Labelled], found: Dict[str, List[dict]], fixed_safe: Dict[str, str],
          fixed_unsafe: Dict[str, str], examples: int = 3) -> dict:
    fam = {f: Counter() for f in FAMILIES}
    codes: Dict[str, Counter] = defaultdict(Counter)
    types: Dict[str, Counter] = defaultdict(Counter)
    type_sims: Dict[str, Dict[str, List[float]]] = defaultdict(lambda: defaultdict(list))
    templates: Dict[str, Counter] = defaultdict(Counter)
    fp_examples: Dict[str, List[str]] = defaultdict(list)
    fn_examples: Dict[str, List[str]] = defaultdict(list)
    groups: Dict[str, Dict[str, List[float]]] = defaultdict(lambda: defaultdict(list))

    for doc in docs:
        diagnostics = found.get(doc.id, [])
        lines = doc.lines
        covered: Dict[str, Set[int]] = defaultdict(set)  # family -> lines a diagnostic of it touches
        for diagnostic in diagnostics:
            family = diagnostic["code"][:1]
            kind, _ = classify(doc, diagnostic)
            fam[family]["diagnostics"] += 1
            fam[family][kind] += 1
            codes[diagnostic["code"]]["diagnostics"] += 1
            codes[diagnostic["code"]][kind] += 1
            covered[family].update(diagnostic_lines(diagnostic))
            if kind != "tp" and len(fp_examples[family]) < 200:
                row = diagnostic["location"]["row"]
                fp_examples[family].append(
                    f"{doc.id}:{row} {diagnostic['code']} [{kind}] {diagnostic['message']} | "
                    f"{snippet(lines[row - 1] if row <= len(lines) else '')}")
        for fault in doc.faults:
            family = fault["family"]
            fault_lines = [n for first, last in fault["lines"] for n in range(first, last + 1)]
            hit = [n for n in fault_lines if n in covered[family]]
            fam[family]["fault_lines"] += len(fault_lines)
            fam[family]["fault_lines_found"] += len(hit)
            fam[family]["faults"] += 1
            fam[family]["faults_detected"] += bool(hit)
            t = types[fault["type"]]
            t["faults"] += 1
            t["detected"] += bool(hit)
            t["detected_any"] += any(n in covered[f] for f in fault["accept"] for n in fault_lines)
            t["fault_lines"] += len(fault_lines)
            t["fault_lines_found"] += len(hit)
            for n_text, template in fault.get("templates", {}).items():
                key = f"{fault['type']}: {template}"
                templates[key]["lines"] += 1
                templates[key]["found"] += int(n_text) in covered[family]
            missed = [n for n in fault_lines if n not in covered[family]]
            if missed and len(fn_examples[family]) < 200:
                fn_examples[family].append(f"{doc.id}:{missed[0]} {fault['type']} ({len(missed)}/{len(fault_lines)} "
                                           f"lines missed) | {snippet(lines[missed[0] - 1])}")
        # fix fidelity
        group = "clean" if not doc.faults and doc.plan == "clean" else ("mixed" if doc.plan.startswith("mixed") else "single")
        for mode, fixed in (("safe", fixed_safe), ("unsafe", fixed_unsafe)):
            output = fixed.get(doc.id, doc.text)
            exact = float(output == doc.expected)
            sim = similarity(output, doc.expected)
            groups[group][f"exact_{mode}"].append(exact)
            groups[group][f"similarity_{mode}"].append(sim)
            groups["all"][f"exact_{mode}"].append(exact)
            groups["all"][f"similarity_{mode}"].append(sim)
            if group == "single":
                type_sims[doc.plan][f"exact_{mode}"].append(exact)
                type_sims[doc.plan][f"similarity_{mode}"].append(sim)
        baseline = similarity(doc.text, doc.expected)
        groups[group]["similarity_unfixed"].append(baseline)
        groups["all"]["similarity_unfixed"].append(baseline)
        if group == "single":
            type_sims[doc.plan]["similarity_unfixed"].append(baseline)
        if group == "clean":
            for mode, fixed in (("safe", fixed_safe), ("unsafe", fixed_unsafe)):
                if fixed.get(doc.id, doc.text) != doc.text:
                    groups["clean"][f"changed_{mode}"].append(1.0)

    families = {}
    for family, c in fam.items():
        families[family] = {
            "diagnostics": c["diagnostics"], "tp": c["tp"], "collateral": c["collateral"],
            "fp_clean_line": c["fp-clean-line"], "fp_clean_doc": c["fp-clean-doc"],
            "precision": _ratio(c["tp"], c["diagnostics"]),
            "recall": _ratio(c["fault_lines_found"], c["fault_lines"]),
            "fault_lines": c["fault_lines"], "faults": c["faults"], "faults_detected": c["faults_detected"],
        }
    fault_types = {}
    for name, c in sorted(types.items()):
        sims = type_sims.get(name, {})
        fault_types[name] = {
            "faults": c["faults"], "detected": _ratio(c["detected"], c["faults"]),
            "detected_any_family": _ratio(c["detected_any"], c["faults"]),
            "recall": _ratio(c["fault_lines_found"], c["fault_lines"]),
            **{key: _mean(values) for key, values in sorted(sims.items())},
        }
    fidelity = {group: {key: (_mean(values) if not key.startswith("changed") else int(sum(values)))
                        for key, values in sorted(metrics.items())} | {"documents": len(metrics.get("exact_safe", []))}
                for group, metrics in sorted(groups.items())}
    return {
        "documents": len(docs),
        "families": families,
        "fault_types": fault_types,
        "codes": {code: dict(sorted(c.items())) for code, c in sorted(codes.items())},
        "fidelity": fidelity,
        "chrome_templates": {k: dict(v) for k, v in sorted(templates.items())},
        "false_positive_examples": {f: v[:examples] for f, v in sorted(fp_examples.items())},
        "miss_examples": {f: v[:examples] for f, v in sorted(fn_examples.items())},
    }


def _ratio(a: float, b: float) -> Optional[float]:
    return round(a / b, 4) if b else None


def _mean(values: Iterable[float]) -> Optional[float]:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else None


def evaluate(gate_only: bool = False, corpus: Path = CORPUS, examples: int = 3, keep: Optional[Path] = None) -> dict:
    docs = load_corpus(corpus, gate_only)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="vnlint-eval-") as tmp:
        workdir = Path(tmp)
        found = check(docs, workdir)
        fixed_safe = fix(docs, workdir, unsafe=False)
        fixed_unsafe = fix(docs, workdir, unsafe=True)
        if keep:
            if keep.exists():
                shutil.rmtree(keep)
            shutil.copytree(workdir, keep)
    results = score(docs, found, fixed_safe, fixed_unsafe, examples)
    results["seconds"] = round(time.perf_counter() - started, 2)
    results["slice"] = "gate" if gate_only else "full"
    return results


# -- reporting -------------------------------------------------------------------------


def _fmt(value: Optional[float]) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def render(results: dict, floors: Optional[dict] = None, examples: int = 0) -> str:
    out = [f"vnlint evaluation: {results['documents']} documents ({results['slice']} corpus), {results['seconds']} s", ""]
    out.append("Per family (a diagnostic counts when it overlaps a labelled line of its family)")
    out.append("fam  diags     TP  collat  fp-line  fp-clean  precision  recall  lines  floor P/R")
    for family, r in results["families"].items():
        floor = ""
        if floors:
            floor = f"{floors['precision'].get(family, 0):.2f}/{floors['recall'].get(family, 0):.2f}"
            below = _below(r, floors, family)
            floor += "  BELOW" if below else ""
        out.append(f"{family:3} {r['diagnostics']:6} {r['tp']:6} {r['collateral']:7} {r['fp_clean_line']:8} "
                   f"{r['fp_clean_doc']:9}   {_fmt(r['precision'])}  {_fmt(r['recall'])} {r['fault_lines']:6}  {floor}")
    out += ["", "Per fault type (recall: labelled lines found by the fault's family; fix: share of documents whose",
            "--fix output equals the clean text exactly, and mean character similarity to it)",
            f"{'fault type':24} {'n':>3} {'found':>6} {'any':>6} {'recall':>6}  {'unfixed':>7} {'fix=':>6} {'sim':>6}"
            f" {'unsafe=':>7} {'sim':>6}"]
    for name, r in results["fault_types"].items():
        out.append(f"{name:24} {r['faults']:3} {_fmt(r['detected'])} {_fmt(r['detected_any_family'])} {_fmt(r['recall'])}"
                   f"  {_fmt(r.get('similarity_unfixed'))}  {_fmt(r.get('exact_safe'))} {_fmt(r.get('similarity_safe'))}"
                   f"  {_fmt(r.get('exact_unsafe'))} {_fmt(r.get('similarity_unsafe'))}")
    out += ["", "Fix fidelity by document group",
            f"{'group':8} {'docs':>5} {'unfixed':>8} {'fix=':>6} {'sim':>6} {'unsafe=':>7} {'sim':>6}  clean docs changed"]
    for group, r in results["fidelity"].items():
        changed = f"{r.get('changed_safe', 0)} safe / {r.get('changed_unsafe', 0)} unsafe" if group == "clean" else ""
        out.append(f"{group:8} {r['documents']:5} {_fmt(r.get('similarity_unfixed'))}  {_fmt(r.get('exact_safe'))} "
                   f"{_fmt(r.get('similarity_safe'))}  {_fmt(r.get('exact_unsafe'))} {_fmt(r.get('similarity_unsafe'))}  {changed}")
    out += ["", "Per rule code", f"{'code':6} {'diags':>6} {'TP':>6} {'collat':>7} {'fp-line':>8} {'fp-clean':>9}"]
    for code, c in results["codes"].items():
        out.append(f"{code:6} {c.get('diagnostics', 0):6} {c.get('tp', 0):6} {c.get('collateral', 0):7} "
                   f"{c.get('fp-clean-line', 0):8} {c.get('fp-clean-doc', 0):9}")
    missed = [(k, v) for k, v in results["chrome_templates"].items() if v.get("found", 0) < v.get("lines", 0)]
    if missed:
        out += ["", "Chrome and trailer-heading lines the rules miss (found/injected)"]
        out += [f"  {v.get('found', 0)}/{v['lines']}  {k}" for k, v in missed]
    if examples:
        for title, key in (("False positives", "false_positive_examples"), ("Misses", "miss_examples")):
            out += ["", f"{title} (up to {examples} per family)"]
            for family, items in results[key].items():
                out += [f"  {family}: {item}" for item in items[:examples]]
    return "\n".join(out)


def _below(r: dict, floors: dict, family: str) -> List[str]:
    problems = []
    for metric in ("precision", "recall"):
        floor = floors.get(metric, {}).get(family)
        value = r.get(metric)
        if floor is not None and (value is None or value < floor):
            problems.append(f"{family} {metric} {value if value is not None else 'n/a'} < floor {floor}")
    return problems


def below_floors(results: dict, floors: dict) -> List[str]:
    return [p for family, r in results["families"].items() for p in _below(r, floors, family)]


def load_floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


def compare(new: dict, old: dict) -> str:
    out = ["", f"Deltas against the earlier run ({old.get('slice', '?')} corpus, {old.get('documents', '?')} documents)"]
    for family, r in new["families"].items():
        o = old.get("families", {}).get(family, {})
        out.append(f"  {family}: precision {_delta(r.get('precision'), o.get('precision'))}  "
                   f"recall {_delta(r.get('recall'), o.get('recall'))}  diagnostics {r['diagnostics'] - o.get('diagnostics', 0):+d}")
    for group, r in new["fidelity"].items():
        o = old.get("fidelity", {}).get(group, {})
        out.append(f"  fix fidelity {group}: exact {_delta(r.get('exact_safe'), o.get('exact_safe'))} "
                   f"(unsafe {_delta(r.get('exact_unsafe'), o.get('exact_unsafe'))}), similarity "
                   f"{_delta(r.get('similarity_safe'), o.get('similarity_safe'))}")
    changed = []
    for name, r in new["fault_types"].items():
        o = old.get("fault_types", {}).get(name, {})
        for key in ("recall", "exact_safe", "exact_unsafe"):
            a, b = r.get(key), o.get(key)
            if a is not None and b is not None and abs(a - b) >= 0.0005:
                changed.append(f"  {name} {key}: {_delta(a, b)}")
    out += changed or ["  no fault type changed"]
    return "\n".join(out)


def _delta(new: Optional[float], old: Optional[float]) -> str:
    if new is None:
        return "n/a"
    if old is None:
        return f"{new:.3f} (new)"
    return f"{new:.3f} ({new - old:+.3f})"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Score vnlint on the labelled evaluation corpus.")
    parser.add_argument("--gate", action="store_true", help="only the CI gate's small slice")
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="labelled corpus folder (default: eval/corpus); its figures go to DIR/results.json")
    parser.add_argument("--json", type=Path, help="write the figures here (default: eval/results.json for the full "
                                                  "corpus, DIR/results.json with --corpus DIR)")
    parser.add_argument("--compare", type=Path, metavar="OLD.json", help="print deltas against an earlier results file")
    parser.add_argument("--examples", type=int, default=3, help="false positives and misses to show per family")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="keep the checked and fixed copies here (check/, fix-safe/, fix-unsafe/) to diff them")
    args = parser.parse_args(argv)
    old = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    results = evaluate(args.gate, args.corpus or CORPUS, examples=max(args.examples, 3), keep=args.keep)
    floors = load_floors()
    print(render(results, floors, args.examples))
    if old:
        print(compare(results, old))
    # another corpus never overwrites eval/results.json: its figures live beside it
    target = args.json or (None if args.gate else (args.corpus / "results.json" if args.corpus else RESULTS))
    if target:
        target.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {target}")
    problems = below_floors(results, floors)
    if problems:
        print("\nbelow floor: " + "; ".join(problems))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
