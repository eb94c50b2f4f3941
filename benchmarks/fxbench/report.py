"""RESULTS.md: three tables (timings, ratios and targets, import/start-up) and the machine line."""
from __future__ import annotations

import operator

from .impls import IMPLS
from .machine import machine_line
from .timing import paired

NAMES = {"python": "plain Python", "numpy": "NumPy", "numba": "Numba @njit", "c": "C ext", "fastext": "fastext"}

# key -> (ratio kind, limit, description); "time": fastext/C time <= limit; "speed": C/fastext time >= limit
TARGETS = {
    "add": ("time", 1.10, "≤ 1.10× C time"),
    "sum1_1": ("time", 1.25, "≤ 1.25× C time"),
    "dot_big": ("speed", 0.95, "≥ 0.95× C speed"),
}
COLD_LIMIT_S = 0.5
CACHED_LIMIT_NS = 1e6
STARTUP_LIMIT_NS = 1e6


def fmt_ns(ns: float | None) -> str:
    if ns is None:
        return "n/a"
    a = abs(ns)
    if a < 1e3:
        return f"{ns:.1f} ns"
    if a < 1e6:
        return f"{ns / 1e3:.2f} µs"
    if a < 1e9:
        return f"{ns / 1e6:.2f} ms"
    return f"{ns / 1e9:.2f} s"


def fmt_stats(s: dict | None) -> str:
    if not s:
        return "n/a"
    if s["samples"] < 2:
        return fmt_ns(s["median"])
    return f"{fmt_ns(s['median'])} ±{fmt_ns((s['q3'] - s['q1']) / 2)}"


def fmt_diff(q: tuple[float, float, float] | None) -> str:
    if q is None:
        return "n/a"
    med, q1, q3 = q
    return f"{'+' if med >= 0 else ''}{fmt_ns(med)} ±{fmt_ns((q3 - q1) / 2)}"


def _met(ok: bool | None) -> str:
    return "n/a" if ok is None else ("yes" if ok else "**NO**")


def _ratio(a: dict | None, b: dict | None) -> tuple[float, float, float] | None:
    """Quartiles of the per-round ratio a/b (see timing.paired)."""
    if not a or not b:
        return None
    return paired(a["values"], b["values"], lambda x, y: x / y if y > 0 else float("inf"))


def _diff(a: dict | None, b: dict | None) -> tuple[float, float, float] | None:
    """Quartiles of the per-round difference a - b."""
    if not a or not b:
        return None
    return paired(a["values"], b["values"], operator.sub)


def fmt_ratio(q: tuple[float, float, float] | None) -> str:
    if q is None:
        return "n/a"
    med, q1, q3 = q
    return f"{med:,.3f}× ±{(q3 - q1) / 2:.3f}" if med < 10 else f"{med:,.1f}×"


def timings_table(benches: dict) -> list[str]:
    lines = ["| benchmark | " + " | ".join(NAMES[n] for n in IMPLS) + " |",
             "|---|" + "---:|" * len(IMPLS)]
    for b in benches.values():
        cells = [fmt_stats(b["stats"].get(n)) if n in b["stats"] else
                 ("—" if b["missing"].get(n) == "not applicable" else "n/a") for n in IMPLS]
        lines.append(f"| {b['title']} | " + " | ".join(cells) + " |")
    return lines


def ratios_table(benches: dict) -> tuple[list[str], list[bool | None]]:
    lines = ["| benchmark | fastext ÷ C ext (time) | target | met | fastext speed-up over plain Python "
             "| over NumPy | over Numba |",
             "|---|---:|---|:---:|---:|---:|---:|"]
    verdicts = []
    for key, b in benches.items():
        st = b["stats"]
        fx = st.get("fastext")
        r_c = _ratio(fx, st.get("c"))
        target, ok = "—", None
        if key in TARGETS:
            kind, limit, target = TARGETS[key]
            if r_c is not None:
                ok = (r_c[0] <= limit) if kind == "time" else (1 / r_c[0] >= limit)
            verdicts.append(ok)
        rc = fmt_ratio(r_c)
        if key == "dot_big" and r_c is not None:
            rc += f" (speed {1 / r_c[0]:.3f}×)"
        ups = []
        for base in ("python", "numpy", "numba"):
            r = _ratio(st.get(base), fx)
            ups.append("—" if b["missing"].get(base) == "not applicable" else fmt_ratio(r))
        met = _met(ok) if key in TARGETS else "—"
        lines.append(f"| {b['title']} | {rc} | {target} | {met} | " + " | ".join(ups) + " |")
    return lines, verdicts


def imports_table(res: dict) -> tuple[list[str], list[bool | None]]:
    lines = ["| measurement | fastext | baseline | difference | target | met |",
             "|---|---:|---:|---:|---|:---:|"]
    verdicts = []

    cold = res.get("cold") or {}
    imp = cold.get("import")
    ok = None if not imp else imp["median"] <= COLD_LIMIT_S * 1e9
    verdicts.append(ok)
    lines.append(f"| cold compile + import, generated 10-function module (time of the `import`) | "
                 f"{fmt_stats(imp)} | — | — | ≤ 0.5 s | {_met(ok)} |")
    if cold.get("process_wall"):
        lines.append(f"| … whole fresh interpreter for it (start-up + import + 10 test calls + exit) | "
                     f"{fmt_stats(cold['process_wall'])} | — | — | — | — |")

    cached = res.get("cached") or {}
    fx, c = cached.get("fastext"), cached.get("c")
    diff = _diff(fx, c)
    ok = None if diff is None else diff[0] <= CACHED_LIMIT_NS
    verdicts.append(ok)
    lines.append(f"| cached import: `import kernels` vs `import fastbench_c`, fresh interpreter | "
                 f"{fmt_stats(fx)} | {fmt_stats(c)} | {fmt_diff(diff)} | within 1 ms | {_met(ok)} |")

    st = res.get("startup") or {}
    wall = st.get("wall") or {}
    h, nh = wall.get("hook"), wall.get("no hook")
    diff = _diff(h, nh)
    cum = st.get("importtime_hook_cumulative_us")
    ok = None if diff is None else (diff[0] < STARTUP_LIMIT_NS and (cum or 0) < STARTUP_LIMIT_NS / 1e3)
    verdicts.append(ok)
    lines.append(f"| start-up: `python -c pass` with the hook vs `FASTEXT_NO_HOOK=1` (wall) | "
                 f"{fmt_stats(h)} | {fmt_stats(nh)} | {fmt_diff(diff)} | < 1 ms extra | {_met(ok)} |")
    if cum is not None:
        lines.append(f"| … `-X importtime`: cumulative time of the hook's import (self time of fastext "
                     f"modules: {st['importtime_self_us']:.0f} µs) | {cum:.0f} µs | — | — | < 1 ms | "
                     f"{_met(cum < STARTUP_LIMIT_NS / 1e3)} |")
    return lines, verdicts


def correctness_section(checks: list[dict]) -> list[str]:
    lines = []
    by_impl: dict[str, dict[str, int]] = {}
    failures = []
    for c in checks:
        outcome = c["outcome"] if c["outcome"] in ("exact", "close", "skipped") else "FAILED"
        counts = by_impl.setdefault(c["impl"], {})
        counts[outcome] = counts.get(outcome, 0) + 1
        if outcome == "FAILED":
            failures.append(f"- {NAMES[c['impl']]} `{c['kernel']}` ({c['label']}): {c['outcome']}")
    for name in IMPLS:
        if name in by_impl:
            parts = ", ".join(f"{n} {k}" for k, n in sorted(by_impl[name].items()))
            lines.append(f"- {NAMES[name]}: {parts}")
    return lines + failures


def render(res: dict) -> str:
    out = [f"# fastext benchmarks{' (quick smoke run)' if res['mode'] == 'quick' else ''}", "",
           f"Machine: {machine_line(res['machine'])}", "",
           f"Generated by `{res['machine']['argv']}` in {res['elapsed_s']:.0f} s. "
           "Medians of interleaved samples; ± is half the interquartile range. Ratios and "
           "differences are medians of the per-round ratios (differences) of samples taken "
           "in the same round. "
           "Methodology: [README.md](README.md).", ""]

    status = res["impl_status"]
    missing = [f"- {NAMES[n]}: n/a — {s['error']}" for n, s in status.items() if s.get("error")]
    if missing:
        out += ["Implementations not measured:", ""] + missing + [""]

    benches = res.get("benches") or {}
    out += ["## Calls and kernels (time per call)", ""] + timings_table(benches) + [""]
    ratio_lines, v1 = ratios_table(benches)
    out += ["## Ratios and targets", ""] + ratio_lines + [""]
    import_lines, v2 = imports_table(res)
    out += ["## Import and start-up", ""] + import_lines + [""]

    verdicts = v1 + v2
    met = sum(1 for v in verdicts if v)
    unknown = sum(1 for v in verdicts if v is None)
    out += [f"**Targets met: {met} of {len(verdicts)}**" + (f" ({unknown} not measurable)" if unknown else ""), ""]

    out += ["## Correctness (checked before any timing, against plain Python)", ""]
    out += correctness_section(res.get("checks", [])) + [""]

    notes = list(res.get("notes", []))
    if status.get("fastext", {}).get("note"):
        notes.append("fastext: " + status["fastext"]["note"])
    cold = res.get("cold") or {}
    notes += [f"cold compile: {n}" for n in cold.get("notes", [])]
    notes += [f"cold compile failed: {f}" for f in cold.get("failures", [])]
    if cold.get("na"):
        notes.append(f"cold compile: n/a — {cold['na']}")
    cached = res.get("cached") or {}
    if cached.get("error") or cached.get("na"):
        notes.append(f"cached import: n/a — {cached.get('error') or cached.get('na')}")
    if cached.get("heavy_modules"):
        notes.append("cached import loaded compiler modules (it must not): " + ", ".join(cached["heavy_modules"]))
    elif cached.get("fastext"):
        notes.append("cached import loaded neither llvmlite nor fastext.compiler (as required)")
    if cached.get("fastext"):
        notes.append("modules the cached `import kernels` statement loaded: "
                     + (", ".join(cached.get("new_modules", [])) or "none"))
    st = res.get("startup") or {}
    if st.get("mode"):
        notes.append(f"start-up measured with the hook {st['mode']}")
    if st.get("extra_modules") is not None and st.get("wall"):
        notes.append("modules an interpreter imports at start-up only because of the hook: "
                     + (", ".join(st["extra_modules"]) or "none"))
    if st.get("na"):
        notes.append(f"start-up: n/a — {st['na']}")
    if notes:
        out += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(out)
