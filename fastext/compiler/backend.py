"""LLVM back end: parse + link the runtime, verify, optimise (new pass manager), emit object/asm."""
from __future__ import annotations

import functools

import llvmlite.binding as llvm

from fastext.config import Options


@functools.cache
def _init() -> None:
    llvm.initialize_native_target()
    llvm.initialize_native_asmprinter()
    llvm.initialize_native_asmparser()


@functools.cache
def _init_all() -> None:
    """Every target this llvmlite was built with (cross-compiling: `Options.triple`)."""
    _init()
    llvm.initialize_all_targets()
    llvm.initialize_all_asmprinters()


def cross(options: Options) -> bool:
    """Whether `options` compile for another machine than this one."""
    return bool(options.triple) and options.triple != llvm.get_process_triple()


def host_cpu() -> tuple[str, str]:
    """The host CPU name and its feature string, as LLVM sees them."""
    _init()
    return llvm.get_host_cpu_name(), llvm.get_host_cpu_features().flatten()


def llvm_version() -> str:
    return ".".join(map(str, llvm.llvm_version_info))


@functools.cache
def target_machine(options: Options, jit: bool = False) -> llvm.TargetMachine:
    """A PIC target machine for the host triple (or `options.triple`) and the requested CPU."""
    _init()
    if cross(options):
        _init_all()
        target = llvm.Target.from_triple(options.triple)
    else:
        target = llvm.Target.from_triple(llvm.get_process_triple())
    if options.cpu == "host" and cross(options):
        cpu, features = "generic", ""      # (this machine's CPU means nothing there)
    elif options.cpu == "host":
        cpu, features = host_cpu()
    else:
        cpu, features = options.cpu, ""
    if options.features:
        features = ",".join(f for f in (features, options.features) if f)
    codemodel = "jitdefault" if jit else "large" if options.jit else "default"
    return target.create_target_machine(cpu=cpu, features=features, opt=min(options.opt_level, 3),
                                        reloc="pic", codemodel=codemodel, jit=jit)


def build_module(ir_text: str, runtime_text: str, options: Options) -> llvm.ModuleRef:
    """Parse the generated IR, link in the runtime helpers, make helpers internal, verify."""
    _init()
    mod = llvm.parse_assembly(ir_text)
    mod.link_in(llvm.parse_assembly(runtime_text))
    for fn in mod.functions:
        # (hidden ones are the out-of-line helpers the module unit defines for the others: units.py)
        if fn.name.startswith("fx_") and not fn.is_declaration and fn.visibility == llvm.Visibility.default:
            fn.linkage = llvm.Linkage.internal
    tm = target_machine(options)
    mod.triple = tm.triple
    mod.data_layout = str(tm.target_data)
    mod.verify()
    return mod


# LLVM's default cost threshold for non-trivial unswitching, and ours: 1, not 0, because an
# assertion requires the cost multiplier to lie in 1..threshold
LLVM_UNSWITCH_THRESHOLD = 50
NONTRIVIAL_UNSWITCH_THRESHOLD = 1


def optimize(mod: llvm.ModuleRef, options: Options, no_vector: frozenset[str] | set[str] = frozenset(),
             no_opt: frozenset[str] | set[str] = frozenset()) -> None:
    """LLVM's standard O-level pipeline (O3 by default) with loop and SLP vectorisation.

    `no_vector`: functions kept from the vectorisers; `no_opt`: functions left unoptimised
    (compiler/budget.py: the shapes whose optimisation time is superlinear)."""
    if no_vector or no_opt:
        for fn in mod.functions:
            if fn.is_declaration:
                continue
            if fn.name in no_opt and not _always_inline(fn):
                fn.add_function_attribute("noinline")     # optnone requires it
                fn.add_function_attribute("optnone")
            elif fn.name in no_vector:
                fn.add_function_attribute("noimplicitfloat")
    tm = target_machine(options)
    pto = llvm.PipelineTuningOptions(speed_level=options.opt_level)
    if options.opt_level >= 2:
        pto.loop_vectorization = True
        pto.slp_vectorization = True
        pto.loop_unrolling = True
    pb = llvm.create_pass_builder(tm, pto)
    # Vectorise in-order (non-reassociable) FP reductions as vector work plus a lane-by-lane
    # fold in the original order, which keeps Python's result bit for bit; LLVM enables this
    # only for targets with an ordered-reduction instruction (not x86) unless asked.  The
    # option is process-wide, so it is switched off again for other LLVM users (Numba).
    llvm.set_option("", "-force-ordered-reductions=true")
    # O3's non-trivial loop unswitching copies whole loops on invariant branches: the
    # lowering versions loops itself where it pays (bounds checks, no-alias and contiguous
    # bodies, jammed rows), so LLVM's extra copies cost compile time (a fifth of the O3
    # pipeline on n-body) for code that did not run faster (docs/performance.md, "Cold
    # compile"); trivial unswitching stays.  Process-wide too, so reset afterwards.
    llvm.set_option("", f"-unswitch-threshold={NONTRIVIAL_UNSWITCH_THRESHOLD}")
    try:
        pb.getModulePassManager().run(mod, pb)
    finally:
        llvm.set_option("", "-force-ordered-reductions=false")
        llvm.set_option("", f"-unswitch-threshold={LLVM_UNSWITCH_THRESHOLD}")


def _always_inline(fn) -> bool:
    return any(b"alwaysinline" in bytes(a) for a in fn.attributes)


def emit_object(mod: llvm.ModuleRef, options: Options) -> bytes:
    return target_machine(options).emit_object(mod)


def emit_assembly(mod: llvm.ModuleRef, options: Options) -> str:
    return target_machine(options).emit_assembly(mod)
