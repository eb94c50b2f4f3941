"""`--compare OLD.json [NEW.json]`: what got slower or faster between two runs.

A time is a regression when the new median is more than `threshold` above the old one
*and* the interquartile ranges do not overlap (new q1 above old q3) — so noise alone
does not raise the alarm; an improvement is the mirror image.
"""
from __future__ import annotations

import json

from fastext.bench.report import SCHEMA, SCHEMA_VERSION, _table, fmt_ratio, fmt_time
from fastext.bench.target import BenchError


def load(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except OSError as e:
        raise BenchError(f"--compare: cannot read {path}: {e.strerror}") from None
    except ValueError as e:
        raise BenchError(f"--compare: {path} is not JSON: {e}") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise BenchError(f"--compare: {path} is not a `fastext bench --json` file")
    if doc.get("schema_version") != SCHEMA_VERSION:
        raise BenchError(f"--compare: {path} has schema version {doc.get('schema_version')}, "
                         f"this fastext reads version {SCHEMA_VERSION}")
    return doc


def verdict(old: dict | None, new: dict | None, threshold: float) -> tuple[str, float | None]:
    """('regression' | 'improvement' | 'same' | 'n/a', new/old median ratio) for two timing records."""
    if not old or not new or not old["median_s"]:
        return "n/a", None
    ratio = new["median_s"] / old["median_s"]
    if ratio > 1 + threshold and new["q1_s"] > old["q3_s"]:
        return "regression", ratio
    if ratio < 1 / (1 + threshold) and new["q3_s"] < old["q1_s"]:
        return "improvement", ratio
    return "same", ratio


def compare(old: dict, new: dict, threshold: float = 0.10) -> tuple[str, dict]:
    """(text, {"regressions": n, "improvements": n, "rows": [...]})."""
    old_cases = {c["name"]: c for c in old["cases"]}
    rows, records = [], []
    counts = {"regression": 0, "improvement": 0}
    for case in new["cases"]:
        before = old_cases.pop(case["name"], None)
        if before is None:
            rows.append([case["name"], "compiled", "-", _t(case, "compiled"), "", "new case"])
            continue
        for impl in case["impls"]:
            o, n = _timing(before, impl), _timing(case, impl)
            kind, ratio = verdict(o, n, threshold)
            if kind in counts:
                counts[kind] += 1 if impl == "compiled" else 0
            change = "-" if ratio is None else f"{100 * (ratio - 1):+.1f}%"
            label = {"regression": "SLOWER", "improvement": "faster", "same": "", "n/a": ""}[kind]
            rows.append([case["name"], impl, _t(before, impl), _t(case, impl), change, label])
            records.append({"case": case["name"], "impl": impl, "verdict": kind, "ratio": ratio})
        for b, sp in case["speedup"].items():
            old_sp = before["speedup"].get(b)
            if old_sp:
                rows.append([case["name"], f"speedup vs {b}", fmt_ratio(old_sp["median"]), fmt_ratio(sp["median"]),
                             f"{100 * (sp['median'] / old_sp['median'] - 1):+.1f}%", ""])
    for name in old_cases:
        rows.append([name, "compiled", _t(old_cases[name], "compiled"), "-", "", "gone"])
    lines = [f"compare: {old['created']} ({old['target']['module']}) -> {new['created']} ({new['target']['module']})"]
    if old["machine"].get("cpu") != new["machine"].get("cpu"):
        lines.append(f"warning: different machines ({old['machine'].get('cpu')} vs {new['machine'].get('cpu')})")
    lines += _table(["case", "what", "old", "new", "change", ""], rows, {2, 3, 4})
    ob = {b["function"]: b for b in old.get("boundary") or []}
    brows = []
    for b in new.get("boundary") or []:
        p = ob.get(b["function"])
        if p and p.get("compiled_ns") and b.get("compiled_ns"):
            brows.append([b["function"], f"{p['compiled_ns']:.0f} ns", f"{b['compiled_ns']:.0f} ns",
                          f"{100 * (b['compiled_ns'] / p['compiled_ns'] - 1):+.1f}%"])
    if brows:
        lines.append("")
        lines += _table(["boundary", "old", "new", "change"], brows, {1, 2, 3})
    oi = ((old.get("compile") or {}).get("cached_import") or {}).get("median_s")
    ni = ((new.get("compile") or {}).get("cached_import") or {}).get("median_s")
    if oi and ni:
        lines.append(f"cached import: {fmt_time(oi)} -> {fmt_time(ni)} ({100 * (ni / oi - 1):+.1f}%)")
    lines.append(f"{counts['regression']} regression{'s' if counts['regression'] != 1 else ''}, "
                 f"{counts['improvement']} improvement{'s' if counts['improvement'] != 1 else ''} of compiled "
                 f"time (threshold {100 * threshold:.0f}% and non-overlapping IQRs)")
    return "\n".join(lines), {"regressions": counts["regression"], "improvements": counts["improvement"],
                              "rows": records}


def _timing(case: dict, impl: str) -> dict | None:
    imp = case["impls"].get(impl)
    return imp.get("timing") if imp else None


def _t(case: dict, impl: str) -> str:
    t = _timing(case, impl)
    return fmt_time(t["median_s"]) if t else "-"
