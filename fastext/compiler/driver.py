"""The pipeline, stage by stage: check → analyse → lower (native bodies) → abi (entry points,
module definition) → LLVM (link runtime, verify) → optimise → emit.

`compile_file` is what the import hook and the CLI call.  Any unexpected
exception inside a stage becomes an "internal compiler error" diagnostic that
names the stage, so users never see a compiler traceback.
"""
from __future__ import annotations

import ast
import contextlib
import gc
import time
from dataclasses import dataclass, field
from typing import Callable

from fastext.compiler.diagnostics import CompileError, Diagnostic
from fastext.compiler.source import SourceFile, Span, read_source
from fastext.config import Options


@dataclass
class Artifact:
    """What the compiler produced for one module."""

    object_code: bytes
    # optimised LLVM IR: the text, or a function making it (the units' bitcode linked on demand)
    optimized_ir: str | Callable[[], str]
    deps: tuple[str, ...] = ()        # other .fx files this module depends on
    timings: dict[str, float] = field(default_factory=dict)
    exports: tuple[str, ...] = ()
    assembly: str | None = None
    unoptimized_ir: str | None = None
    ptx: dict[str, str] = field(default_factory=dict)   # GPU architecture → PTX of the module's kernels
    # remarks that do not fail the compile (severity "note"), e.g. a function too large to optimise
    notes: tuple[Diagnostic, ...] = ()
    units: tuple[int, int] = (0, 0)   # compilation units compiled, and taken from the per-unit cache

    @property
    def llvm_ir(self) -> str:
        """The optimised LLVM IR of the whole module."""
        if callable(self.optimized_ir):
            self.optimized_ir = self.optimized_ir()
        return self.optimized_ir


def compile_file(path: str, module_name: str | None = None, options: Options = Options(), *,
                 emit_asm: bool = False) -> Artifact:
    """Compile one `.fx` file to a relocatable object exporting PyInit_<module_name> and PyInit_fx."""
    if module_name is None:
        import os
        module_name = os.path.basename(path).rsplit(".", 1)[0]
    try:
        text = read_source(path).text
        return _compile(text, path, module_name, options, emit_asm)
    except CompileError as err:
        err.name = err.name or module_name
        raise err.with_traceback(None) from None   # the user's error: no compiler frames below here


def typed_ir_file(path: str, module_name: str | None = None) -> str:
    """The typed IR of one file after analysis, as text (`fastext build --emit typed-ir`)."""
    import os
    name = module_name or os.path.basename(path).rsplit(".", 1)[0]
    try:
        text = read_source(path).text
        return _compile(text, path, name, Options(), False, typed_ir=True)
    except CompileError as err:
        raise err.with_traceback(None) from None


def check_file(path: str) -> list[Diagnostic]:
    """Only the front end: every diagnostic of a file (empty list if it is valid)."""
    from fastext.compiler.frontend import check_source
    try:
        source = read_source(path)
        _, diags = _deeply(check_source, source, "check")
    except CompileError as err:
        return list(err.diagnostics)
    return sorted(diags.items, key=lambda d: _diag_order(d, path))


def check_module(path: str, module_name: str):
    """Only the front end, for tools that need the typed IR (`.pyi` stubs): (ir.Module, SourceFile);
    raises CompileError with every diagnostic (deep sources handled as by `compile_file`)."""
    from fastext.compiler.frontend import check_source
    try:
        source = read_source(path)
        module, diags = _deeply(check_source, source, module_name)
        if module is None:
            diags.items.sort(key=lambda d: _diag_order(d, path))
            raise CompileError(diags.items, source, name=module_name)
    except CompileError as err:
        raise err.with_traceback(None) from None
    return module, source


def _diag_order(d: Diagnostic, path: str):
    """The compiled file's own diagnostics first, then those of the modules it imports, by file."""
    return (d.span.file != path, d.span.file, d.span.line, d.span.col)


def compile_source(text: str, path: str, module_name: str, options: Options = Options(), *,
                   emit_asm: bool = False, read=None) -> Artifact:
    """Compile source text (as if read from `path`); raises CompileError with every diagnostic.

    `read(path) -> bytes` reads each `.fx` module it imports (default: the file's bytes, decoded
    per PEP 263): the import hook compiles exactly the bytes its cache key was made of."""
    try:
        return _compile(text, path, module_name, options, emit_asm, read=read)
    except CompileError as err:
        raise err.with_traceback(None) from None


def _compile(text: str, path: str, module_name: str, options: Options, emit_asm: bool,
             typed_ir: bool = False, read=None) -> Artifact | str:
    """The stages, retried on a deep stack if a deeply nested source exhausts the recursion limit."""
    with gc_paused():
        return _deeply(_stages, SourceFile(path, text), module_name, options, emit_asm, typed_ir, read)


@contextlib.contextmanager
def gc_paused():
    """Python's cyclic garbage collector kept off the objects a compile makes.

    A compile allocates a few hundred thousand objects that live until it ends (AST, typed IR,
    llvmlite's IR), so with the collector on its young-generation passes fire over and over
    and each promotes them further, and a full pass walks them all again.  Here the collector
    is off while the stages run, and at the end everything it tracks moves straight to the
    oldest generation (`freeze` + `unfreeze`: a list splice, no walk), so re-enabling it does
    not start with one young pass over all of them either.  What a compile drops is freed by
    reference counting as before; its cycles (IR nodes and blocks) wait for the next full
    collection, as they would have waited for the next pass that reached their generation.
    The collector is restored only if it was on; a process that froze objects itself (a server
    before it forks) keeps them frozen: the move is skipped there."""
    was = gc.isenabled()
    frozen = gc.get_freeze_count()
    gc.disable()
    try:
        yield
    finally:
        if not frozen:
            gc.freeze()
            gc.unfreeze()
        if was:
            gc.enable()


def _deeply(fn, source: SourceFile, *args):
    """`fn(source, *args)` through `deep.call`; a source too deep even for that is a located error."""
    from fastext.compiler import deep

    def depth_of():
        try:
            return deep.ast_depth(ast.parse(source.text))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return 1, None
    try:
        return deep.call(fn, depth_of, source, *args)
    except deep.TooDeep as e:
        span = Span.of(e.node, source.path) if e.node is not None and hasattr(e.node, "lineno") \
            else Span(source.path, 1, 0, 1, 1)
        diag = Diagnostic(span, f"this code is nested {e.depth} levels deep, more than the compiler can follow",
                          "split the expression or the chain of `elif`s into smaller pieces (e.g. helper functions)")
        raise CompileError([diag], source, name=args[0] if args and isinstance(args[0], str) else None) from None


def _stages(source: SourceFile, module_name: str, options: Options, emit_asm: bool,
            typed_ir: bool = False, read=None) -> Artifact | str:
    path = source.path
    timings: dict[str, float] = {}
    stage = "check"

    def timed(name: str, fn, *args, **kwargs):
        nonlocal stage
        stage = name
        t0 = time.perf_counter()
        result = fn(*args, **kwargs)
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
        return result

    try:
        from fastext.compiler.frontend import check_source
        module, diags = timed("check", check_source, source, module_name, read)
        if module is None:
            diags.items.sort(key=lambda d: _diag_order(d, path))
            raise CompileError(diags.items, source, name=module_name)
        from fastext.compiler.analysis import analyse
        from fastext.compiler.verify import verify
        timed("analyse", analyse, module)
        timed("verify", verify, module)
        if typed_ir:
            from fastext.compiler.irprint import format_module
            return format_module(module)
        from fastext.compiler import backend
        from fastext.compiler.emit import lower_module
        from fastext.abi.runtime import runtime_ir
        gpu = None
        from fastext.compiler.frontend.gpu import kernel_functions
        if kernel_functions(module):
            from fastext.compiler.gpu.descriptor import compile_gpu   # PTX per architecture + the descriptor
            gpu = timed("gpu", compile_gpu, module, options, source)
        tm = backend.target_machine(options)
        host = backend.host_cpu()[1] if options.cpu == "host" and not backend.cross(options) else None
        ir_text = lower_module(module, boundscheck=options.boundscheck, profile=options.profile,
                               triple=tm.triple, host_features=host, datalayout=str(tm.target_data),
                               gpu_descriptor=gpu.descriptor if gpu else None, timed=timed,
                               debug_path=path if options.debug else None)
        from fastext.compiler import budget
        no_vector, no_opt, notes = budget.plan(module, ir_text) if options.opt_level else (set(), set(), [])
        exports = tuple(f.name for f in module.exported())
        if _in_units(options, emit_asm):
            from fastext.compiler.parallel import compile_units, link_bitcode
            stage = "units"
            res = compile_units(ir_text, options, no_vector, no_opt, source_path=path)
            timings.update(res.timings)
            return Artifact(res.object_code, lambda: link_bitcode(res.bitcode), module.deps, timings, exports,
                            None, ir_text, gpu.ptx if gpu else {}, tuple(notes), (res.compiled, res.cached))
        llmod = timed("llvm", backend.build_module, ir_text, runtime_ir(), options)
        timed("optimize", backend.optimize, llmod, options, no_vector, no_opt)
        obj = timed("codegen", backend.emit_object, llmod, options)
        asm = backend.emit_assembly(llmod, options) if emit_asm else None
        return Artifact(obj, str(llmod), module.deps, timings, exports, asm, ir_text,
                        gpu.ptx if gpu else {}, tuple(notes))
    except (CompileError, RecursionError):
        raise       # RecursionError: `_deeply` runs the stages again on a deep stack
    except Exception as e:  # a compiler bug: one located diagnostic, never a traceback
        from fastext import config
        if config.debug():
            raise
        span = getattr(e, "span", None) or Span(path, 1, 0, 1, 1)
        what = str(e) if hasattr(e, "span") else f"{type(e).__name__}: {e}"
        diag = Diagnostic(span, f"{what} (in stage `{stage}`)",
                          "please report this with the .fx file", severity="internal")
        raise CompileError([diag], source, name=module_name) from None


def _in_units(options: Options, emit_asm: bool) -> bool:
    """Whether the module goes through per-function compilation units (compiler/parallel.py):
    by default, when a linker can join their objects; not for `--emit asm` (one listing) nor
    at -O0, nor for another target (the host's `cc -r` joins host objects), nor for `-g` builds
    (a unit's declarations of the other units' functions would carry their debug attachments);
    FASTEXT_UNITS=0 keeps the one-module pipeline."""
    from fastext import config
    from fastext.compiler import backend
    from fastext.compiler.link import find_linker
    return config.compile_units() and not emit_asm and options.opt_level > 0 and not backend.cross(options) \
        and not options.debug and find_linker() is not None
