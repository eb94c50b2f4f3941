"""`--plot FILE.png|svg`: time per case per implementation, and the compiled speed-up.

matplotlib is an optional extra (`pip install fastext[plot]`); without it the run
stops before benchmarking, with a message saying what to install.
"""
from __future__ import annotations

import os


class PlotUnavailable(Exception):
    """matplotlib is not installed, or the file type is not one it writes."""


def check(path: str) -> None:
    """Fail early: before any case runs."""
    if os.path.splitext(path)[1].lower() not in (".png", ".svg", ".pdf"):
        raise PlotUnavailable(f"--plot {path}: write a .png, .svg or .pdf file")
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise PlotUnavailable("--plot needs matplotlib: pip install 'fastext[plot]' (or pip install matplotlib)") \
            from None


def write(doc: dict, path: str) -> None:
    """Two panels from a run document: median time (log scale, IQR whiskers) and speed-up."""
    import matplotlib
    matplotlib.use("Agg")   # files only, no display needed
    import matplotlib.pyplot as plt

    cases = [c for c in doc["cases"] if c["impls"]]
    impls = [name for name in ["compiled", *doc["settings"]["baselines"]]
             if any(c["impls"].get(name, {}).get("timing") for c in cases)]
    fig, (times, speed) = plt.subplots(1, 2, figsize=(max(8.0, 2.0 + 1.6 * len(cases)), 4.2))
    width = 0.8 / max(1, len(impls))
    for k, name in enumerate(impls):
        xs, ys, lo, hi = [], [], [], []
        for i, c in enumerate(cases):
            t = c["impls"].get(name, {}).get("timing")
            if t:
                xs.append(i + (k - (len(impls) - 1) / 2) * width)
                ys.append(t["median_s"])
                lo.append(t["median_s"] - t["q1_s"])
                hi.append(t["q3_s"] - t["median_s"])
        times.bar(xs, ys, width, yerr=[lo, hi], label=name, capsize=2)
    times.set_yscale("log")
    times.set_ylabel("seconds per call (median, IQR)")
    times.set_xticks(range(len(cases)), [c["name"] for c in cases], rotation=30, ha="right")
    times.legend(fontsize="small")
    times.set_title("time per call")
    baselines = [b for b in impls if b != "compiled"]
    width = 0.8 / max(1, len(baselines))
    for k, name in enumerate(baselines):
        xs, ys = [], []
        for i, c in enumerate(cases):
            s = c.get("speedup", {}).get(name)
            if s:
                xs.append(i + (k - (len(baselines) - 1) / 2) * width)
                ys.append(s["median"])
        speed.bar(xs, ys, width, label=f"vs {name}")
    speed.axhline(1.0, color="grey", linewidth=0.8)
    speed.set_yscale("log")
    speed.set_ylabel("compiled speed-up (× faster)")
    speed.set_xticks(range(len(cases)), [c["name"] for c in cases], rotation=30, ha="right")
    speed.legend(fontsize="small")
    speed.set_title(f"{doc['target']['module']}: compiled vs baselines")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
