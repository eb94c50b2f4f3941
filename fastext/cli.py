"""`fastext` command line: build, check, info, clean.

    fastext build kernels.fx                 # kernels.<EXT_SUFFIX> beside the source
    fastext build kernels.fx --emit llvm     # print the optimised LLVM IR (asm, obj also)
    fastext build kernels.fx --emit typed-ir # print the checked typed IR (the front end's output)
    fastext build gpu.fx --emit ptx          # gpu.sm_80.ptx, gpu.sm_90.ptx: the PTX of its @gpu.kernels
    fastext check src/ other.fx              # diagnostics only; exit 1 if any
    fastext stubs src/ kernels.fx            # kernels.pyi beside each .fx, for mypy, pyright and IDEs
    fastext info                             # versions, target, cache and linker/JIT path
    fastext clean [PATH ...]                 # remove cached builds (beside sources and per-user)
    fastext clean --prebuilt [PATH ...]      # ... and the extension modules `fastext build` left beside .fx files
    fastext bench kernels.fx [--vs numba]    # compiled vs interpreted speed, checked (docs/bench.md)
"""
from __future__ import annotations

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fastext", description="Compile .fx modules to CPython extensions.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="compile .fx files to extension modules")
    p.add_argument("files", nargs="+")
    p.add_argument("--emit", choices=("so", "typed-ir", "llvm", "llvm-unopt", "asm", "obj", "ptx"), default="so",
                   help="what to produce (default: a shared object beside the source)")
    p.add_argument("-o", "--output", help="output file (or '-' for stdout with llvm/asm)")
    p.add_argument("-O", dest="opt_level", type=int, choices=(0, 1, 2, 3), default=3)
    p.add_argument("--no-boundscheck", action="store_true", help="disable index bounds checks")
    p.add_argument("--target", metavar="TRIPLE", default="",
                   help="cross-compile for another platform (aarch64-unknown-linux-gnu, arm64-apple-macos, ...): "
                        "--emit obj/asm/llvm only, docs/platforms.md")
    p.add_argument("-g", "--debug", action="store_true",
                   help="emit DWARF line tables and variables (gdb, perf, py-spy show .fx file:line)")
    p.add_argument("--cpu", default="host", help="LLVM CPU name (default: host)")
    p.add_argument("--gpu-arch", action="append", metavar="SM",
                   help="GPU architecture of the kernels' PTX, e.g. sm_90 (repeatable or comma-separated; "
                        "default: FASTEXT_GPU_ARCHS or sm_80,sm_90)")

    p = sub.add_parser("check", help="report every diagnostic; exit 1 if any")
    p.add_argument("paths", nargs="+")

    p = sub.add_parser("stubs", help="write a .pyi stub beside each .fx file (for type checkers and IDEs)")
    p.add_argument("paths", nargs="+")
    p.add_argument("--check", action="store_true",
                   help="write nothing; exit 1 if a stub is missing or out of date (for CI)")

    sub.add_parser("info", help="versions, target, linker or JIT, cache location")

    p = sub.add_parser("clean", help="remove compiled-module caches")
    p.add_argument("paths", nargs="*", default=["."])
    p.add_argument("--prebuilt", action="store_true",
                   help="also remove the extension modules fastext built beside their .fx files (`fastext build` "
                        "output), which would shadow the source")

    p = sub.add_parser("bench", help="time a .fx module against the same source interpreted (docs/bench.md)")
    from fastext.bench import add_arguments
    add_arguments(p)

    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    return {"build": _build, "check": _check, "info": _info, "clean": _clean, "bench": _bench,
            "stubs": _stubs}[args.command](args)


def _bench(args) -> int:
    from fastext.bench import main as bench_main
    return bench_main(args)


def _fx_files(paths: list[str]) -> list[str]:
    out = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".") and d not in ("__pycache__", "__fxcache__")]
                out += [os.path.join(root, f) for f in sorted(files) if f.endswith(".fx")]
        else:
            out.append(path)
    return out


def _build(args) -> int:
    from fastext.compiler.diagnostics import CompileError
    from fastext.compiler.driver import compile_file
    from fastext.compiler.link import LinkError, link_shared
    from fastext.config import Options

    import sysconfig
    from fastext.config import debug as config_debug, gpu_archs_from_env
    archs = tuple(a.strip() for arg in args.gpu_arch or () for a in arg.split(",") if a.strip())
    triple = ""
    if args.target:
        from fastext.compiler.platforms import PlatformError, host_triple, normalize
        try:
            triple = normalize(args.target)
        except PlatformError as e:
            print(f"fastext: error: --target: {e}", file=sys.stderr)
            return 2
        if triple != host_triple() and args.emit in ("so", "ptx"):
            print(f"fastext: error: --target {args.target}: a cross-compiled module stops at the object "
                  "(--emit obj, asm or llvm); link it on the target (docs/platforms.md)", file=sys.stderr)
            return 2
    options = Options(opt_level=args.opt_level, boundscheck=not args.no_boundscheck, cpu=args.cpu,
                      gpu_archs=archs or gpu_archs_from_env(), debug=args.debug or config_debug(),
                      triple=triple)
    status = 0
    for path in _fx_files(args.files):
        if not os.path.exists(path):
            print(f"fastext: error: no such file: {path}", file=sys.stderr)
            status = 1
            continue
        name = os.path.basename(path).rsplit(".", 1)[0]
        if args.emit == "typed-ir":
            from fastext.compiler.driver import typed_ir_file
            try:
                _write_text(typed_ir_file(path, name), args.output)
            except CompileError as e:
                print(e.render(), file=sys.stderr)
                status = 1
            continue
        try:
            art = compile_file(path, name, options, emit_asm=args.emit == "asm")
        except CompileError as e:
            print(e.render(), file=sys.stderr)
            status = 1
            continue
        if art.notes:       # e.g. a function too large to optimise (compiler/budget.py)
            from fastext.compiler.source import source_for_display
            shown = source_for_display(path)
            for note in art.notes:
                print(note.render(shown), file=sys.stderr)
        if args.emit == "ptx":
            status |= _write_ptx(path, name, art.ptx, args.output)
            continue
        if args.emit in ("llvm", "llvm-unopt", "asm"):
            text = {"llvm": art.llvm_ir, "llvm-unopt": art.unoptimized_ir, "asm": art.assembly}[args.emit]
            _write_text(text, args.output)
            continue
        if args.emit == "obj":
            out = args.output or os.path.join(os.path.dirname(path), name + ".o")
            with open(out, "wb") as f:
                f.write(art.object_code)
        else:
            out = args.output or os.path.join(os.path.dirname(path) or ".", name + sysconfig.get_config_var("EXT_SUFFIX"))
            try:
                os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
                link_shared(art.object_code, out)
            except LinkError as e:
                print(f"fastext: error: {e}", file=sys.stderr)
                return 1
        print(f"{path} -> {out}")
    return status


def _write_ptx(path: str, name: str, ptx: dict[str, str], output: str | None) -> int:
    """`--emit ptx`: NAME.<arch>.ptx beside the source per architecture (`-o FILE` with one
    architecture, `-o -` for stdout)."""
    if not ptx:
        print(f"fastext: error: {path} has no @gpu.kernel functions: no PTX to emit", file=sys.stderr)
        return 1
    if output == "-":
        for arch, text in ptx.items():
            sys.stdout.write(f"// ---- {name} for {arch}\n{text}")
        return 0
    if output and len(ptx) > 1:
        print("fastext: error: -o FILE needs one --gpu-arch (or use -o - for stdout)", file=sys.stderr)
        return 1
    for arch, text in ptx.items():
        out = output or os.path.join(os.path.dirname(path) or ".", f"{name}.{arch}.ptx")
        _write_text(text, out)
        print(f"{path} -> {out}")
    return 0


def _write_text(text: str, output: str | None) -> None:
    if output and output != "-":
        with open(output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


def _check(args) -> int:
    from fastext.compiler.driver import check_file
    from fastext.compiler.source import source_for_display

    files = _fx_files(args.paths)
    errors = 0
    for path in files:
        if not os.path.exists(path):
            print(f"fastext: error: no such file: {path}", file=sys.stderr)
            errors += 1
            continue
        diags = check_file(path)
        source = source_for_display(path)
        for d in diags:
            print(d.render(source))
        errors += len(diags)
    print(f"checked {len(files)} file{'s' if len(files) != 1 else ''}: "
          f"{errors} error{'s' if errors != 1 else ''}", file=sys.stderr)
    return 1 if errors else 0


def _stubs(args) -> int:
    """`fastext stubs PATH...`: `kernels.pyi` beside each `.fx` (front end only, nothing compiled)."""
    from fastext.build.stubfiles import stub_path, write_beside
    from fastext.build.stubs import stub_for_file
    from fastext.compiler.diagnostics import CompileError

    status = 0
    for path in _fx_files(args.paths):
        if not os.path.isfile(path):
            print(f"fastext: error: no such file: {path}", file=sys.stderr)
            status = 1
            continue
        try:
            if args.check:
                name = os.path.splitext(os.path.basename(path))[0]
                try:
                    with open(stub_path(path), encoding="utf-8") as f:
                        current = f.read()
                except OSError:
                    current = None
                if current != stub_for_file(path, name):
                    print(f"{stub_path(path)}: {'missing' if current is None else 'out of date'} "
                          f"(run `fastext stubs {path}`)")
                    status = 1
                continue
            written = write_beside(path)
        except CompileError as e:
            print(e.render(), file=sys.stderr)
            status = 1
            continue
        print(f"{path} -> {stub_path(path)}" + ("" if written else " (unchanged)"))
    return status


def _info(args) -> int:
    import platform

    import fastext
    from fastext import config
    from fastext.compiler import backend
    from fastext.importer.loader import native_path

    cpu, features = backend.host_cpu()
    path = native_path()
    import llvmlite
    rows = [
        ("fastext", fastext.__version__),
        ("python", f"{platform.python_version()} ({sys.implementation.cache_tag})"),
        ("llvmlite", llvmlite.__version__),
        ("LLVM", backend.llvm_version()),
        ("target", f"{backend.target_machine(config.options_from_env()).triple}, cpu {cpu}"),
        ("native path", "JIT (no linker: modules load in-process through LLVM)" if path == "jit"
         else path.replace("linker:", "linker ")),
        ("import hook", "installed" if fastext.is_installed() else "not installed"),
        ("compilation", "disabled (FASTEXT_DISABLE)" if config.disabled() else "enabled"),
        ("cache", config.cache_dir_override() or "__fxcache__/ beside each .fx (per-user cache if read-only)"),
        ("options", config.options_from_env().key()),
        ("GPU kernels", _gpu_info(config)),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    return 0


def _gpu_info(config) -> str:
    """The architectures @gpu.kernel functions are compiled for, and the libdevice `math` uses."""
    from fastext.compiler.gpu.libdevice import find
    libdevice = find()
    return f"PTX for {', '.join(config.options_from_env().gpu_archs)}; " + \
        (f"libdevice {libdevice}" if libdevice else "no libdevice (math in kernels needs the CUDA toolkit)")


def _clean(args) -> int:
    from fastext.importer.store import clean
    removed = clean(args.paths, prebuilt=args.prebuilt)
    print(f"removed {len(removed)} cached build file{'s' if len(removed) != 1 else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
