"""Reporting: the JSON document (schema in schema.json) and the terminal tables."""
from __future__ import annotations

import datetime
import os
import platform
import sys

SCHEMA = "fastext-bench"
SCHEMA_VERSION = 1


# ---------------------------------------------------------------- machine


def machine_info() -> dict:
    def version(mod: str) -> str | None:
        try:
            return getattr(__import__(mod), "__version__", "?")
        except Exception:  # noqa: BLE001 - not installed or broken
            return None

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        import llvmlite.binding as llvm
        llvm_version = ".".join(map(str, llvm.llvm_version_info))
    except Exception:  # noqa: BLE001
        llvm_version = None
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    import fastext
    return {
        "cpu": cpu,
        "machine": platform.machine(),
        "cores": os.cpu_count(),
        "cores_usable": usable,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "fastext": fastext.__version__,
        "numpy": version("numpy"),
        "numba": version("numba") if "numba" in sys.modules else None,
        "llvmlite": version("llvmlite"),
        "llvm": llvm_version,
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }


# ---------------------------------------------------------------- the document


def _stats(stats) -> dict | None:
    if stats is None:
        return None
    return {"median_s": stats.median, "q1_s": stats.q1, "q3_s": stats.q3, "iqr_s": stats.iqr,
            "spread": stats.spread, "noisy": stats.noisy, "samples_s": stats.samples}


def case_doc(result) -> dict:
    return {
        "name": result.case.name,
        "kind": result.case.kind,
        "source": result.case.source,
        "status": result.status,
        "message": result.message,
        "elapsed_s": result.elapsed_s,
        "cut_short": result.cut_short,
        "impls": {name: {"status": r.status, "message": r.message, "loops": r.loops,
                         "first_call_s": r.first_call_s, "timing": _stats(r.stats)}
                  for name, r in result.impls.items()},
        "speedup": {name: {"median": m, "q1": q1, "q3": q3} for name, (m, q1, q3) in result.speedups.items()},
    }


def build_doc(*, argv, target, settings, baselines, results, boundary, compile_profile, exit_status,
              native_profile=None, gpu=None, baseline_notes=()) -> dict:
    failed = [r for r in results if r.failed]
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "argv": list(argv),
        "machine": machine_info(),
        "target": {"module": target.name, "fx_path": target.fx_path, "cases_file": target.cases_file},
        "settings": {"repeat": settings.repeat, "sample_time_s": settings.sample_time, "budget_s": settings.budget,
                     "rtol": settings.rtol, "quick": settings.quick, "baselines": list(baselines),
                     "baseline_notes": list(baseline_notes)},
        "cases": [case_doc(r) for r in results],
        "boundary": boundary,
        "compile": compile_profile,
        "profile": native_profile,
        "gpu": gpu,
        "summary": {"cases": len(results), "ok": len(results) - len(failed), "failed": len(failed),
                    "exit_status": exit_status},
    }


# ---------------------------------------------------------------- formatting


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if seconds >= scale or unit == "ns":
            value = seconds / scale
            return f"{value:.3g} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return "-"


def fmt_ratio(r: float | None) -> str:
    if r is None:
        return "-"
    return f"{r:.3g}x" if r < 100 else f"{r:.0f}x"


def _table(headers: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    def line(cells):
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return [line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows]


def _time_cell(imp: dict) -> str:
    t = imp.get("timing")
    if imp["status"] in ("unsupported", "n/a"):
        return imp["status"]
    if imp["status"] != "ok" and t is None:
        return imp["status"].upper()
    if t is None:
        return "-"
    mark = " ~" if t["noisy"] else ""
    return f"{fmt_time(t['median_s'])} ±{100 * t['spread']:.0f}%{mark}"


def render(doc: dict) -> str:
    out = []
    tgt = doc["target"]
    cwd = os.getcwd()

    def rel(p):
        try:
            r = os.path.relpath(p, cwd)
            return p if r.startswith("..") else r
        except ValueError:
            return p
    out.append(f"fastext bench: {tgt['module']} ({rel(tgt['fx_path'])})"
               + (f", cases from {rel(tgt['cases_file'])}" if tgt["cases_file"] else ""))
    m = doc["machine"]
    out.append(f"machine: {m['cpu']}, {m['cores_usable']} cores usable; {m['python']}, numpy {m['numpy']}, "
               f"LLVM {m['llvm']}")
    s = doc["settings"]
    out.append(f"settings: {s['repeat']} rounds, ~{fmt_time(s['sample_time_s'])} per sample, "
               f"budget {s['budget_s']:g} s per case" + (f", rtol {s['rtol']:g}" if s["rtol"] else "")
               + (" (quick)" if s["quick"] else ""))
    cases = doc["cases"]
    out.append("")
    if cases:
        names = []
        for c in cases:
            for n in c["impls"]:
                if n not in names:
                    names.append(n)
        baselines = [n for n in names if n != "compiled"]
        headers = ["case", "compiled"]
        for b in baselines:
            headers += [b, "speedup"]
        headers.append("check")
        rows = []
        for c in cases:
            row = [c["name"], _time_cell(c["impls"]["compiled"]) if "compiled" in c["impls"] else "-"]
            for b in baselines:
                imp = c["impls"].get(b)
                row.append(_time_cell(imp) if imp else "-")
                sp = c["speedup"].get(b)
                row.append(fmt_ratio(sp["median"]) if sp else "-")
            row.append("ok" if c["status"] == "ok" else c["status"].upper())
            rows.append(row)
        right = set(range(1, len(headers) - 1))
        out += _table(headers, rows, right)
        out.append("time per call: median over rounds ± IQR as % of the median; ~ noisy (IQR > 10%); "
                   "speedup = baseline time / compiled time, median of per-round ratios")
        for note in s.get("baseline_notes") or []:
            out.append(f"baseline {note}")     # what a baseline does and does not do (bounds checks, threads)
        notes = []
        for c in cases:
            if c["status"] != "ok":
                notes.append(f"  {c['name']}: {c['status'].upper()}: {c['message']}")
            for n, imp in c["impls"].items():
                if imp["status"] in ("unsupported", "n/a") and imp["message"]:
                    notes.append(f"  {c['name']}: {n}: {imp['message']}")
            if c["cut_short"]:
                notes.append(f"  {c['name']}: fewer rounds than asked (time budget)")
            noisy = [n for n, imp in c["impls"].items() if imp["timing"] and imp["timing"]["noisy"]]
            if noisy:
                notes.append(f"  {c['name']}: noisy timing ({', '.join(noisy)}): close other programs or "
                             f"raise --repeat")
        if notes:
            out.append("notes:")
            out += notes
    else:
        out.append("no cases (write bench_* functions in <module>_bench.py, or pass --call 'f(...)')")
    if doc["boundary"]:
        out.append("")
        out.append("boundary cost: one Python -> native -> Python call, with the smallest arguments a case passes")
        rows = []
        for b in doc["boundary"]:
            if b["status"] == "ok":
                ratio = (b["interpreted_ns"] / b["compiled_ns"]) if b["interpreted_ns"] and b["compiled_ns"] else None
                rows.append([b["function"], b["args"], fmt_time(b["compiled_ns"] * 1e-9),
                             fmt_time(b["interpreted_ns"] * 1e-9) if b["interpreted_ns"] is not None else "-",
                             fmt_ratio(ratio)])
            else:
                rows.append([b["function"], "skipped: " + (b["message"] or ""), "", "", ""])
        out += _table(["function", "arguments", "compiled", "interpreted", "speedup"], rows, {2, 3, 4})
    cp = doc["compile"]
    if cp:
        out.append("")
        out.append("compile profile")
        cache = cp.get("cache") or {}
        if cache:
            state = "hit" if cache.get("hit") else "miss (built now)"
            out.append(f"  cache:         {state}: {rel(cache['path']) if cache.get('path') else '-'}")
            if not cache.get("hit") and cache.get("build_s") is not None:
                out.append(f"  build on miss: {fmt_time(cache['build_s'])}")
        cold = cp.get("cold")
        if cold and cold.get("status") == "ok":
            stages = ", ".join(f"{k} {fmt_time(v)}" for k, v in cold["stages_s"].items())
            out.append(f"  cold compile:  {fmt_time(cold['total_s'])} in a fresh process "
                       f"(import compiler {fmt_time(cold['import_compiler_s'])}; {stages})")
        elif cold:
            out.append(f"  cold compile:  {cold.get('status')}: {cold.get('message')}")
        imp = cp.get("cached_import")
        if imp and imp.get("status") == "ok":
            out.append(f"  cached import: {fmt_time(imp['median_s'])} (median of {len(imp['samples_s'])} fresh process"
                       f"{'es' if len(imp['samples_s']) != 1 else ''})"
                       + (f"; note: {imp['message']}" if imp.get("message") else ""))
        elif imp:
            out.append(f"  cached import: {imp.get('status')}: {imp.get('message')}")
    if doc.get("profile"):
        out.append("")
        out.append("profile: one run of each case on an instrumented build (time includes callees)")
        for case, rows in doc["profile"].items():
            total = max((r["ns"] for r in rows), default=0) or 1
            table = [[r["function"], str(r["calls"]), fmt_time(r["ns"] * 1e-9),
                      fmt_time(r["ns"] * 1e-9 / r["calls"]), f"{100 * r['ns'] / total:.0f}%"] for r in rows]
            out.append(f"  {case}")
            out += ["  " + line for line in _table(["function", "calls", "time", "per call", "of busiest"],
                                                   table, {1, 2, 3, 4})]
    if doc.get("gpu"):
        out += _render_gpu(doc["gpu"])
    summ = doc["summary"]
    out.append("")
    out.append(f"{summ['cases']} case{'s' if summ['cases'] != 1 else ''}: {summ['ok']} ok"
               + (f", {summ['failed']} FAILED" if summ["failed"] else ""))
    return "\n".join(out)


def _render_gpu(g: dict) -> list[str]:
    out = ["", f"GPU kernels: {', '.join(g['kernels'])}"]
    if g["reason"]:
        out.append(f"  not timed (the cases ran them in the CPU emulator): {g['reason']}")
        return out
    dev = g["device"] or {}
    out[-1] += f" on {dev.get('name', '?')} (driver CUDA {dev.get('driver_cuda_version', '?')})"
    rows = []
    for case, recs in g["cases"].items():
        if isinstance(recs, str):
            rows.append([case, recs, "", "", "", ""])
            continue
        for r in recs:
            kt, lo = r["kernel_time"], r["launch_overhead"]
            rows.append([case, r["kernel"], f"{r['launches_per_call']:g}",
                         "x".join(map(str, r["grid"])) + " / " + "x".join(map(str, r["block"])),
                         fmt_time(kt["median_s"]), fmt_time(lo["median_s"])])
    out += ["  " + line for line in _table(["case", "kernel", "launches/call", "grid / block", "kernel time",
                                            "launch overhead"], rows, {2, 4, 5})]
    out.append("  kernel time: CUDA events around each launch (median); launch overhead: host time of one "
               "launch, back to back")
    return out
