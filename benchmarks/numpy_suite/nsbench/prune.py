"""Compile as many kernels as a whole-module compiler accepts, and say why the others fail.

fastext and Pythran compile a module at once: one kernel they reject fails the build.
`prune` builds the full set, pins each error it can on a kernel (by the line it points
at), drops those kernels and builds again, until a build succeeds.  An error that names
no line (a C++ compiler error deep in Pythran's output, a crash) is pinned by bisection:
build the first half; if it fails the culprit is in it, else in the second half.
"""
from __future__ import annotations

from typing import Callable

# build(kernels) -> (True, result) or (False, error text)
Build = Callable[[list[str]], tuple[bool, object]]
# blame(error, kernels) -> {kernel: one-line reason} for the kernels the error points at
Blame = Callable[[object, list[str]], dict[str, str]]


def first_line(text: str) -> str:
    """The first informative line of an error message: the first line saying `error:` (a C++
    compiler's output), else the first that is not blank or a banner."""
    for line in str(text).splitlines():
        if "error:" in line:
            return line.strip()[:300]
    for line in str(text).splitlines():
        line = line.strip()
        if line and not line.startswith(("CRITICAL", "----", "Traceback")):
            return line[:300]
    return str(text).strip()[:300] or "(no message)"


def prune(kernels: list[str], build: Build, blame: Blame, describe=first_line, log=lambda msg: None):
    """(result of the last successful build or None, kernels in it, {failed kernel: reason});
    `describe(error)` gives the reason of a kernel found by bisection."""
    keep = list(kernels)
    failed: dict[str, str] = {}
    while keep:
        ok, result = build(keep)
        if ok:
            return result, keep, failed
        blamed = {k: v for k, v in blame(result, keep).items() if k in keep}
        if not blamed:
            culprit, error = _bisect(keep, build, result)
            blamed = {culprit: describe(error)}
            log(f"    bisection: {culprit} fails the build")
        for k, why in blamed.items():
            failed[k] = why
            keep.remove(k)
        log(f"    left out {', '.join(blamed)}; rebuilding {len(keep)} kernels")
    return None, [], failed


def _bisect(group: list[str], build: Build, error) -> tuple[str, object]:
    group = list(group)
    while len(group) > 1:
        half = group[: len(group) // 2]
        ok, result = build(half)
        if ok:
            group = group[len(half):]     # assumed to fail: the whole group did
        else:
            group, error = half, result
    return group[0], error
