"""No-linker path: load a compiled object in-process with LLVM's JIT and run PEP 489 init.

MCJIT resolves the object's C-API references against the running interpreter (dlsym on the
process).  The object must be compiled with `Options(jit=True)` (LLVM's large code model; the
import hook does so for its no-linker path, importer/store.py): MCJIT may place the code and
data sections more than 2 GiB apart, and the default model's 32-bit offsets between them
would then silently address other bytes (a module's strings and tables read as garbage).
"""
from __future__ import annotations

import ctypes
from importlib.machinery import ModuleSpec

_ENGINES: list = []     # keep every engine (and its code) alive for the life of the process


def load_extension(object_code: bytes, spec: ModuleSpec, init_name: str):
    """Create and execute the module whose PyInit_<init_name> lives in `object_code`."""
    import llvmlite.binding as llvm
    from fastext.abi.moduledef import init_symbol
    from fastext.compiler import backend
    from fastext.config import Options

    backend._init()
    _threads_resolvable(llvm)
    if b"_ZGV" in object_code:      # vectorised math from glibc's libmvec (lower/vecmath.py)
        _vector_math_resolvable(llvm)
    empty = llvm.parse_assembly("")
    tm = backend.target_machine(Options(), jit=True)
    engine = llvm.create_mcjit_compiler(empty, tm)
    engine.add_object_file(llvm.ObjectFileRef.from_data(object_code))
    engine.finalize_object()
    symbol = init_symbol(init_name)   # PyInitU_<punycode> for a non-ASCII name (PEP 489)
    addr = engine.get_function_address(symbol)
    if not addr:
        raise ImportError(f"{symbol} not found in the compiled object", name=spec.name)
    _ENGINES.append(engine)
    init = ctypes.CFUNCTYPE(ctypes.c_void_p)(addr)
    moddef = init()
    api = ctypes.pythonapi
    api.PyModule_FromDefAndSpec2.restype = ctypes.py_object
    api.PyModule_FromDefAndSpec2.argtypes = [ctypes.c_void_p, ctypes.py_object, ctypes.c_int]
    module = api.PyModule_FromDefAndSpec2(moddef, spec, 1013)   # PYTHON_API_VERSION
    api.PyModule_ExecDef.restype = ctypes.c_int
    api.PyModule_ExecDef.argtypes = [ctypes.py_object, ctypes.c_void_p]
    if api.PyModule_ExecDef(module, moddef) != 0:
        raise ImportError(f"initialising {spec.name} failed", name=spec.name)
    return module


def _vector_math_resolvable(llvm) -> None:
    """Make libmvec's symbols visible to MCJIT (the interpreter does not load it)."""
    if llvm.address_of_symbol("_ZGVbN2v_exp"):
        return
    try:
        llvm.load_library_permanently("libmvec.so.1")
    except RuntimeError:
        pass    # the module then fails to load, naming the symbol


def _threads_resolvable(llvm) -> None:
    """`prange` loops call pthread_create: in libc since glibc 2.34; before that it lives in
    libpthread, which the interpreter may not have loaded — make it visible to MCJIT."""
    if llvm.address_of_symbol("pthread_create"):
        return
    import ctypes.util
    lib = ctypes.util.find_library("pthread")
    if lib:
        try:
            llvm.load_library_permanently(lib)
        except RuntimeError:
            pass    # a module with a prange loop then fails to load, naming the symbol
