"""Running the cases: every implementation of a case set up, checked, then timed interleaved."""
from __future__ import annotations

import os
import sys
import types
from dataclasses import dataclass, field
from typing import Callable

from fastext.bench.cases import Case, CaseError, describe_exception
from fastext.bench.checks import rtol_hint, same
from fastext.bench.timing import BudgetExceeded, Deadline, Stats, Timer, interleave, paired_ratio, perf

REFERENCE = "interpreted"     # the oracle every other implementation is checked against


@dataclass
class Settings:
    repeat: int = 7
    sample_time: float = 0.15      # seconds per sample
    budget: float = 60.0           # seconds per case
    rtol: float = 0.0
    quick: bool = False


@dataclass
class Impl:
    """One implementation of the module's functions."""

    name: str                       # compiled, interpreted, numba, alt:mod:fn
    namespace: object               # what a case receives
    unsupported: tuple = ()         # exception types meaning "cannot run this here" (numba's)
    replaces: str | None = None     # alt: the .fx function the user's function stands in for
    function: Callable | None = None


@dataclass
class ImplResult:
    status: str = "ok"              # ok, error, mismatch, unsupported, timeout, n/a
    message: str | None = None
    loops: int | None = None
    stats: Stats | None = None
    first_call_s: float | None = None


@dataclass
class CaseResult:
    case: Case
    status: str = "ok"              # ok, error, mismatch, timeout
    message: str | None = None
    impls: dict[str, ImplResult] = field(default_factory=dict)
    speedups: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    elapsed_s: float = 0.0
    cut_short: bool = False

    @property
    def failed(self) -> bool:
        return self.status != "ok"


def _arrays(args: tuple) -> list:
    """(position, array) of the array arguments: compared after the call (functions write into them)."""
    return [(i, a) for i, a in enumerate(args) if hasattr(a, "__array_interface__")]


def _differs(got, want, rtol: float) -> str | None:
    (value, arrays), (ref_value, ref_arrays) = got, want
    reason = same(value, ref_value, rtol)
    if reason:
        return f"returned {reason}"
    for (i, a), (_, b) in zip(arrays, ref_arrays):
        reason = same(a, b, rtol)
        if reason:
            return f"argument {i + 1} after the call: {reason}"
    return None


def _prepare(case: Case, impl: Impl):
    """(callable, args, counter) for one implementation; counter counts calls of a replaced function."""
    if impl.replaces is None:
        fn, args = case.build(impl.namespace)
        return fn, args, None
    calls = [0]
    real = impl.function

    def counting(*a, **k):
        calls[0] += 1
        return real(*a, **k)
    if case.kind == "call":      # which names an expression calls is known from its text
        setattr(impl.namespace, impl.replaces, real)
        fn, args = case.build(impl.namespace)
        return fn, args, None
    setattr(impl.namespace, impl.replaces, counting)
    fn, args = case.build(impl.namespace)
    if fn is counting:
        fn = real
        calls[0] = -1            # returned directly: it is what gets called
    return fn, args, calls


def run_case(case: Case, impls: list[Impl], settings: Settings, progress: Callable[[str], None],
             oracle: types.ModuleType | None = None) -> CaseResult:
    """Check every implementation against the oracle (or the interpreted module), then time them."""
    result = CaseResult(case)
    started = perf()
    deadline = Deadline(settings.budget)
    prepared: dict[str, tuple] = {}
    values: dict[str, object] = {}
    stage = "setting up"
    try:
        with deadline:
            for impl in impls:
                res = result.impls.setdefault(impl.name, ImplResult())
                if impl.replaces is not None and case.kind == "call" and impl.replaces not in case.functions:
                    res.status, res.message = "n/a", f"the case does not call {impl.replaces}"
                    continue
                stage = f"setting up {impl.name}"
                try:
                    fn, args, counter = _prepare(case, impl)
                    stage = f"calling {impl.name}"
                    t0 = perf()
                    value = fn(*args)
                    res.first_call_s = perf() - t0
                except BudgetExceeded:
                    raise
                except CaseError as e:
                    res.status, res.message = "error", str(e)
                    continue
                except Exception as e:  # noqa: BLE001 - the user's code raised
                    unsupported = impl.unsupported and isinstance(e, impl.unsupported)
                    res.status = "unsupported" if unsupported else "error"
                    res.message = (f"{impl.name} cannot compile this: {str(e).strip().splitlines()[0]}"
                                   if unsupported else f"{stage}: {describe_exception(e)}")
                    continue
                if counter is not None:
                    if counter[0] == 0:
                        res.status, res.message = "n/a", f"the case does not call {impl.replaces}"
                        continue
                    setattr(impl.namespace, impl.replaces, impl.function)
                values[impl.name] = (value, _arrays(args))
                prepared[impl.name] = (fn, args)
            # checks: everything against the oracle, else the interpreted module, else the compiled one
            if oracle is not None:
                stage = "calling the oracle"
                fn, args = case.build(oracle)
                values["oracle"] = (fn(*args), _arrays(args))
            ref = next((r for r in ("oracle", REFERENCE, "compiled") if r in values), None)
            for name, value in values.items():
                if ref is None or name == ref:
                    continue
                reason = _differs(value, values[ref], settings.rtol)
                if reason:
                    res = result.impls[name]
                    res.status, res.message = "mismatch", f"{name} vs {ref}: {reason}"
                    if not settings.rtol:
                        res.message += rtol_hint(value, values[ref])
                    prepared.pop(name)
            # timing
            timers = {}
            for name, (fn, args) in prepared.items():
                stage = f"calibrating {name}"
                timer = Timer(fn, args)
                timer.autorange(settings.sample_time, result.impls[name].first_call_s)
                result.impls[name].loops = timer.loops
                timers[name] = timer
            stage = "timing"
            if timers:
                progress(f"{case.name}: timing {', '.join(timers)} ({settings.repeat} rounds)")
                raw, result.cut_short = interleave(timers, settings.repeat, deadline)
                for name, samples in raw.items():
                    if samples:
                        result.impls[name].stats = Stats.of(samples)
    except BudgetExceeded:
        for impl in impls:
            res = result.impls.setdefault(impl.name, ImplResult())
            if res.status == "ok" and res.stats is None:
                res.status, res.message = "timeout", f"over the budget of {settings.budget:g} s while {stage}"
    except Exception as e:  # noqa: BLE001 - a timer call raised (the function failed on a later call)
        for name in prepared:
            res = result.impls[name]
            if res.stats is None and res.status == "ok":
                res.status, res.message = "error", f"{stage}: {describe_exception(e)}"
    result.elapsed_s = perf() - started
    _conclude(result)
    return result


def _conclude(result: CaseResult) -> None:
    compiled = result.impls.get("compiled")
    if compiled is not None and compiled.stats is not None:
        for name, res in result.impls.items():
            if name != "compiled" and res.stats is not None:
                ratio = paired_ratio(res.stats.samples, compiled.stats.samples)
                if ratio:
                    result.speedups[name] = ratio
    # the case's verdict: any failure of the module or of a baseline that ran
    order = ("error", "mismatch", "timeout")
    for verdict in order:
        bad = [(n, r) for n, r in result.impls.items() if r.status == verdict]
        if bad:
            result.status = verdict
            by_message: dict[str, list[str]] = {}
            for n, r in bad:   # the same message from several implementations is said once
                text = (r.message or verdict).replace(f"calling {n}: ", "").replace(f" {n}: ", ": ")
                by_message.setdefault(text, []).append(n)
            result.message = "; ".join(f"{', '.join(names)}: {text}" if verdict != "mismatch" else text
                                       for text, names in by_message.items())
            return


def build_impls(target, compiled: types.ModuleType, interpreted: types.ModuleType, vs: list[str]) -> tuple[list[Impl], list[str]]:
    """The implementations to run, and notes for the report."""
    from fastext.bench import target as targets

    impls = [Impl("compiled", compiled), Impl("interpreted", interpreted)]
    notes = []
    for spec in vs:
        if spec == "numba":
            impls.append(Impl("numba", targets.load_numba(target), targets.numba_error_types()))
            notes.append(targets.NUMBA_NOTE)
        elif spec == "numba-parallel":
            impls.append(Impl("numba-parallel", targets.load_numba(target, parallel=True),
                              targets.numba_error_types()))
            notes.append(targets.NUMBA_PARALLEL_NOTE + ("" if targets.uses_prange(target) else
                         "; this module has no prange loop: parallel=True only parallelises array expressions"))
        elif ":" not in spec:
            ns = targets.load_alternative_module(spec, target, compiled)
            impls.append(Impl(f"alt:{os.path.basename(spec)}", ns))
        else:
            replaces, fn = targets.load_alternative(spec, target, compiled)
            ns = types.SimpleNamespace(**{k: getattr(compiled, k) for k in dir(compiled) if not k.startswith("__")})
            mod, _, rest = spec.partition(":")
            impls.append(Impl(f"alt:{os.path.basename(mod)}:{rest}", ns, replaces=replaces, function=fn))
    return impls, notes


def stderr_progress(quiet: bool) -> Callable[[str], None]:
    def progress(line: str) -> None:
        if not quiet:
            print(f"  {line}", file=sys.stderr, flush=True)
    return progress
