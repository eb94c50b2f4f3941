"""`fastext bench`: how much a `.fx` module bought you, with numbers you can trust.

    fastext bench kernels.fx                       # cases from kernels_bench.py beside it
    fastext bench kernels --call 'dot(np.ones(10**6), np.ones(10**6))'
    fastext bench kernels.fx --vs numba --vs mymod:dot --json run.json
    fastext bench parallel.fx --vs numba-parallel    # njit(parallel=True), prange as numba.prange
    fastext bench kernels.fx --compare old.json    # run, then compare with an earlier run
    fastext bench --compare old.json new.json      # compare two runs

Every case runs against the compiled module and the same source interpreted by
CPython (what FASTEXT_DISABLE=1 runs), optionally Numba and a user alternative;
results are checked against the interpreted module before anything is timed.
See docs/bench.md.

    target.py       TARGET -> .fx file + cases file; loading each implementation
    cases.py        the case protocol: bench_* functions, --call expressions
    checks.py       do two results agree
    timing.py       autorange, interleaved rounds, statistics, the time budget
    runner.py       one case: set up, check, time
    boundary.py     per-function call overhead, with the arguments the cases pass
    compileprof.py  cold compile per stage, cached import, cache hit/miss
    report.py       the JSON document and the terminal tables
    compare.py      --compare
    schema.json     the JSON Schema of --json output (schema.py: a validator for it)

Exit status: 0 when every case ran and agreed; 1 when a case raised, disagreed or ran
out of its budget; 2 for bad usage (unknown target, compile error, missing dependency).
"""
from __future__ import annotations

import json
import sys

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_arguments(p) -> None:
    """The `bench` subcommand's options (called by fastext.cli)."""
    p.add_argument("target", nargs="?", help="a .fx file, a module name, or a Python benchmark file (*_bench.py)")
    p.add_argument("--cases", metavar="FILE", help="take bench_* cases from FILE")
    p.add_argument("--call", action="append", default=[], metavar="EXPR",
                   help="time an expression, e.g. 'dot(np.ones(10**6), np.ones(10**6))' (repeatable)")
    p.add_argument("--setup", metavar="STMTS", help="statements run once per implementation before --call "
                   "expressions (e.g. 'x = np.ones(10**6)')")
    p.add_argument("-k", dest="select", action="append", default=[], metavar="TEXT",
                   help="only cases whose name contains TEXT (repeatable: cases matching any of them)")
    p.add_argument("--vs", action="append", default=[], metavar="BASELINE",
                   help="also run 'numba' (plain njit: no bounds checks, no parallel=True), "
                        "'numba-parallel' (njit(parallel=True), prange as numba.prange), "
                        "'module' (its functions of the same names) or 'module:function[=fxname]' (repeatable)")
    p.add_argument("--repeat", type=int, metavar="N", help="rounds per case (default 7; --quick 3)")
    p.add_argument("--sample-time", type=float, metavar="SECONDS",
                   help="target length of one sample (default 0.15; --quick 0.02)")
    p.add_argument("--budget", type=float, metavar="SECONDS",
                   help="time budget per case; a case over it is reported and stopped (default 60; --quick 10)")
    p.add_argument("--quick", action="store_true", help="few short samples: a smoke test, numbers indicative only")
    p.add_argument("--rtol", type=float, default=0.0, metavar="R",
                   help="accept float results within relative tolerance R (default 0: exact)")
    p.add_argument("--no-boundary", action="store_true", help="skip the per-function boundary cost")
    p.add_argument("--no-compile", action="store_true", help="skip the compile profile (cold compile, cached import)")
    p.add_argument("--json", metavar="FILE", help="write the results as JSON (schema: fastext/bench/schema.json)")
    p.add_argument("--profile", action="store_true",
                   help="also run each case once on an instrumented build: calls and time per .fx function")
    p.add_argument("--plot", metavar="FILE", help="draw times and speed-ups to FILE.png|svg|pdf (needs matplotlib)")
    p.add_argument("--compare", nargs="+", metavar="FILE",
                   help="OLD.json: compare this run with an earlier one; OLD.json NEW.json: compare two files")
    p.add_argument("--threshold", type=float, default=10.0, metavar="PCT",
                   help="--compare: a change above PCT%% (with non-overlapping IQRs) is a regression (default 10)")
    p.add_argument("--fail-on-regression", action="store_true", help="--compare: exit 1 on any regression")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")


def error(message: str, details: str | None = None) -> None:
    if details:
        print(details, file=sys.stderr)
    print(f"fastext bench: error: {message}", file=sys.stderr)


def main(args) -> int:
    """Run `fastext bench` with parsed arguments; returns the exit status."""
    from fastext.bench.target import BenchError

    try:
        return _main(args)
    except BenchError as e:
        error(str(e), e.details)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("fastext bench: interrupted", file=sys.stderr)
        return 130


def _main(args) -> int:
    from fastext.bench import compare as cmp
    from fastext.bench.target import BenchError

    if args.compare and len(args.compare) > 2:
        raise BenchError("--compare takes OLD.json, or OLD.json NEW.json")
    if args.compare and len(args.compare) == 2:
        if args.target:
            raise BenchError("--compare OLD.json NEW.json compares two files: give no TARGET")
        text, counts = cmp.compare(cmp.load(args.compare[0]), cmp.load(args.compare[1]), args.threshold / 100)
        print(text)
        return EXIT_FAILED if args.fail_on_regression and counts["regressions"] else EXIT_OK
    if not args.target:
        raise BenchError("no TARGET: give a .fx file, a module name or a *_bench.py file (or --compare OLD NEW)")
    old = cmp.load(args.compare[0]) if args.compare else None   # fail early on a bad file
    if args.plot:
        from fastext.bench import plot
        try:
            plot.check(args.plot)     # before any case runs
        except plot.PlotUnavailable as e:
            raise BenchError(str(e)) from None
    for name, value in (("--repeat", args.repeat), ("--sample-time", args.sample_time), ("--budget", args.budget)):
        if value is not None and value <= 0:
            raise BenchError(f"{name} must be positive")
    doc, status = run(args)
    if args.json:
        try:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=1)
                f.write("\n")
        except OSError as e:
            raise BenchError(f"--json: cannot write {args.json}: {e.strerror}") from None
        print(f"wrote {args.json}", file=sys.stderr)
    if args.plot:
        from fastext.bench import plot
        plot.write(doc, args.plot)
        print(f"wrote {args.plot}", file=sys.stderr)
    if old is not None:
        text, counts = cmp.compare(old, doc, args.threshold / 100)
        print()
        print(text)
        if args.fail_on_regression and counts["regressions"] and status == EXIT_OK:
            status = EXIT_FAILED
    return status


def run(args) -> tuple[dict, int]:
    """Benchmark args.target; (the JSON document, exit status).  Prints the report."""
    from fastext.bench import boundary, compileprof, report
    from fastext.bench import target as targets
    from fastext.bench.cases import call_case, load_cases_file
    from fastext.bench.runner import Settings, build_impls, run_case, stderr_progress
    from fastext.bench.target import BenchError
    from fastext.bench.timing import perf

    settings = Settings(
        repeat=args.repeat or (3 if args.quick else 7),
        sample_time=args.sample_time or (0.02 if args.quick else 0.15),
        budget=args.budget or (10.0 if args.quick else 60.0),
        rtol=args.rtol, quick=args.quick)
    progress = stderr_progress(args.quiet)
    target = targets.resolve(args.target, args.cases, sibling_cases=not args.call)
    cases = load_cases_file(target.cases_file) if target.cases_file else []
    cases += [call_case(expr, args.setup) for expr in args.call]
    if args.select:
        cases = [c for c in cases if any(text in c.name for text in args.select)]
        if not cases:
            raise BenchError(f"{' '.join('-k ' + t for t in args.select)}: no case matches")

    cache_state = compileprof.cache_state(target.fx_path)
    progress(f"loading {target.name}: {'cached build' if cache_state['hit'] else 'compiling (cache miss)'}")
    t0 = perf()
    compiled = targets.load_compiled(target)
    load_s = perf() - t0
    # timed: the source as plain CPython runs it; checked against: the oracle (FASTEXT_DISABLE=1's
    # module, which sees array items as Python numbers, as compiled code does)
    interpreted = targets.load_interpreted(target, views=False)
    oracle = targets.load_interpreted(target)
    impls, baseline_notes = build_impls(target, compiled, interpreted, args.vs)
    # the boundary cost is probed only with arguments the cases themselves pass (boundary.py)
    recorder = None if args.no_boundary else boundary.Recorder(oracle, targets.exported(compiled))

    results = []
    for i, case in enumerate(cases, 1):
        progress(f"[{i}/{len(cases)}] {case.name}")
        if recorder is not None:
            recorder.case = case.name
        result = run_case(case, impls, settings, progress, oracle)
        results.append(result)
        if result.failed:
            progress(f"{case.name}: {result.status.upper()}: {result.message}")

    records = []
    if not args.no_boundary:
        names = targets.exported(compiled)
        progress(f"boundary cost: {', '.join(names)}")
        records = boundary.measure(compiled, interpreted, names, 3 if args.quick else 5,
                                   0.005 if args.quick else 0.02, recorder)

    profile = None
    if not args.no_compile:
        built = getattr(compiled, "__cached__", None)
        cache = {"hit": cache_state["hit"], "path": built, "dirs": cache_state["dirs"],
                 "load_s": load_s, "build_s": None, "stages_s": compileprof.sidecar_timings(target.fx_path, built)}
        if not cache_state["hit"] and cache["stages_s"]:
            cache["build_s"] = cache["stages_s"].get("total")
        progress("compile profile: cold compile in a fresh process")
        cold = compileprof.cold_compile(target.fx_path, target.name, timeout=max(settings.budget, 60.0))
        progress("compile profile: cached import in fresh processes")
        imp = compileprof.cached_import(target.fx_path, target.name, 1 if args.quick else 3, timeout=60.0)
        profile = {"cache": cache, "cold": cold, "cached_import": imp}

    native_profile = None
    if args.profile:
        from fastext.bench import profiling
        progress("profile: instrumented build")
        try:
            instrumented = profiling.build(target.fx_path, target.name)
        except profiling.ProfileError as e:
            raise BenchError(str(e)) from None
        native_profile = {}
        for case in cases:
            try:
                native_profile[case.name] = profiling.profile_case(case, instrumented)
            except Exception as e:  # noqa: BLE001 - the case failed; the timed run reports it
                progress(f"profile: {case.name}: {type(e).__name__}: {e}")
    gpu_doc = _gpu_section(compiled, cases, results, progress, 3 if args.quick else 5)
    status = 1 if any(r.failed for r in results) else 0
    doc = report.build_doc(argv=sys.argv[:1] + _argv(args), target=target, settings=settings,
                           baselines=[i.name for i in impls if i.name != "compiled"], results=results,
                           baseline_notes=baseline_notes,
                           boundary=records, compile_profile=profile, exit_status=status,
                           native_profile=native_profile, gpu=gpu_doc)
    print(report.render(doc))
    return doc, status


def _gpu_section(compiled, cases, results, progress, repeats: int) -> dict | None:
    """Kernel time and launch overhead per case, for a module with GPU kernels (None without)."""
    if not hasattr(compiled, "__fastext_gpu__"):
        return None
    from fastext.bench import gpu
    doc = {"kernels": gpu.kernel_names(compiled), "reason": gpu.unavailable_reason(), "device": None, "cases": {}}
    if doc["reason"] is not None:
        return doc
    from fastext.gpu import device_info
    doc["device"] = {k: list(v) if isinstance(v, tuple) else v for k, v in device_info().items()}
    for case, result in zip(cases, results):
        if result.failed:
            continue
        progress(f"GPU kernels: {case.name}")
        try:
            doc["cases"][case.name] = gpu.profile_case(case, compiled, repeats)
        except Exception as e:  # noqa: BLE001 - reported for the case; the timed run passed
            doc["cases"][case.name] = f"{type(e).__name__}: {e}"
    return doc


def _argv(args) -> list[str]:
    return list(getattr(args, "argv", None) or sys.argv[1:])
