"""What to benchmark: resolve TARGET to a `.fx` file and a cases file; load the implementations.

TARGET is one of
  * a `.fx` file: cases come from `<stem>_bench.py` beside it when that exists;
  * a Python benchmark file (`*.py`): its `bench_*` functions are the cases, and the module
    is named by its `TARGET = "kernels.fx"` (relative to the file) or, failing that, by its
    name (`kernels_bench.py` -> `kernels.fx` beside it);
  * a module name (`kernels`, `pkg.kernels`) importable from the current folder or sys.path
    whose source is a `.fx` file.

Implementations ("impls") are namespaces holding the module's functions:
  compiled     the extension module, loaded through the normal cache (as `import` would);
  interpreted  `fastext.load_interpreted` — what FASTEXT_DISABLE=1 runs;
  numba        the plain source with every function wrapped in `numba.njit`;
  numba-parallel  the same with `numba.njit(parallel=True)`, `prange` bound to numba.prange;
  alt:M:F      the compiled module with one function replaced by the user's `M.F`.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types
from dataclasses import dataclass


class BenchError(Exception):
    """A problem with the user's input: printed as `fastext bench: error: ...`, no traceback."""

    def __init__(self, message: str, details: str | None = None):
        super().__init__(message)
        self.details = details     # e.g. rendered compiler diagnostics


@dataclass
class Target:
    fx_path: str          # absolute
    name: str             # module name (the stem)
    cases_file: str | None


def resolve(target: str, cases: str | None = None, sibling_cases: bool = True) -> Target:
    """Turn the TARGET argument (and --cases) into a Target; BenchError when it cannot.

    `sibling_cases` False: do not pick up `<stem>_bench.py` (when `--call` gives the cases)."""
    if target.endswith(".fx"):
        if not os.path.isfile(target):
            raise BenchError(f"no such file: {target}")
        fx_path = os.path.abspath(target)
        sibling = os.path.join(os.path.dirname(fx_path), _stem(fx_path) + "_bench.py")
        return Target(fx_path, _stem(fx_path), _cases_path(cases) or (sibling if sibling_cases and os.path.isfile(sibling) else None))
    if target.endswith(".py"):
        if not os.path.isfile(target):
            raise BenchError(f"no such file: {target}")
        bench = os.path.abspath(target)
        fx_path = _fx_of_bench_file(bench)
        return Target(fx_path, _stem(fx_path), _cases_path(cases) or bench)
    if os.path.exists(target):
        raise BenchError(f"{target}: not a .fx module or a Python benchmark file (*.py)")
    if not all(part.isidentifier() for part in target.split(".")):
        raise BenchError(f"{target}: no such file, and not a module name")
    fx_path = _fx_of_module(target)
    sibling = os.path.join(os.path.dirname(fx_path), _stem(fx_path) + "_bench.py")
    return Target(fx_path, _stem(fx_path), _cases_path(cases) or (sibling if sibling_cases and os.path.isfile(sibling) else None))


def _stem(path: str) -> str:
    return os.path.basename(path).rsplit(".", 1)[0]


def _cases_path(cases: str | None) -> str | None:
    if cases is None:
        return None
    if not os.path.isfile(cases):
        raise BenchError(f"no such cases file: {cases}")
    return os.path.abspath(cases)


def _fx_of_bench_file(bench: str) -> str:
    import ast

    folder = os.path.dirname(bench)
    declared = None
    try:
        with open(bench, "rb") as f:
            tree = ast.parse(f.read(), bench)    # bytes: decoded per PEP 263, as CPython reads it
    except (SyntaxError, ValueError) as e:
        raise BenchError(f"{bench}:{getattr(e, 'lineno', None) or 1}: syntax error: {getattr(e, 'msg', e)}") from None
    for node in tree.body:   # TARGET = "kernels.fx", read without running the file
        if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id == "TARGET" and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)):
            declared = node.value.value
    if declared:
        if declared.endswith(".fx"):
            path = os.path.join(folder, declared)
            if not os.path.isfile(path):
                raise BenchError(f"{bench}: TARGET {declared!r}: no such file {path}")
            return os.path.abspath(path)
        return _fx_of_module(declared, extra_path=folder)
    stem = _stem(bench)
    if stem.endswith("_bench"):
        path = os.path.join(folder, stem[: -len("_bench")] + ".fx")
        if os.path.isfile(path):
            return path
    raise BenchError(f"{bench}: which module does it benchmark? Name the file <module>_bench.py beside "
                     f"<module>.fx, or set TARGET = \"<module>.fx\" in it")


def _fx_of_module(name: str, extra_path: str | None = None) -> str:
    import fastext  # the import hook finds `.fx` modules

    fastext.install()
    added = [p for p in (extra_path, os.getcwd()) if p and p not in sys.path]
    sys.path[:0] = added
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError) as e:
        raise BenchError(f"cannot find module {name!r}: {e}") from None
    finally:
        for p in added:
            sys.path.remove(p)
    if spec is None:
        raise BenchError(f"no module named {name!r} (looked in the current folder and sys.path)")
    origin = spec.origin or ""
    if not origin.endswith(".fx"):
        raise BenchError(f"module {name!r} is not a .fx module ({origin or 'no source file'})")
    return os.path.abspath(origin)


# ---------------------------------------------------------------- implementations


def load_compiled(target: Target) -> types.ModuleType:
    """The compiled module, through the user's normal cache (building it on a miss)."""
    from _fastext_hook import FxLoader
    from importlib.machinery import ModuleSpec

    loader = FxLoader(target.name, target.fx_path, interpreted=False)
    spec = ModuleSpec(target.name, loader, origin=target.fx_path, is_package=True)
    spec.has_location = True
    try:
        module = importlib.util.module_from_spec(spec)
        loader.exec_module(module)
    except ImportError as e:
        diagnostics = sys.modules.get("fastext.compiler.diagnostics")
        if diagnostics is not None and isinstance(e, diagnostics.CompileError):
            raise BenchError(f"{target.fx_path} does not compile", e.render()) from None
        raise BenchError(f"cannot load {target.fx_path}: {e}") from None
    return module


def load_interpreted(target: Target, views: bool = True) -> types.ModuleType:
    """The oracle (`views=True`, what FASTEXT_DISABLE=1 runs) or the plain-Python baseline."""
    from fastext.importer.interpreted import load

    try:
        module = load(target.fx_path, target.name, views)
    except Exception as e:  # noqa: BLE001 - the user's module fails as plain Python
        raise BenchError(f"{target.fx_path} fails to run as plain Python: {type(e).__name__}: {e}") from None
    if not views:
        view_struct_arrays(module)
    return module


def view_struct_arrays(module: types.ModuleType) -> None:
    """In the plain-Python baseline, let parameters that are arrays of `@struct` records see their
    items as record instances (`a[i].twice()`), as the oracle does: plain NumPy items
    (`numpy.void`) have no methods, so without this the source cannot run as Python at all.
    Only those parameters are converted; everything else stays exactly the plain source."""
    import functools

    from fastext.importer.interpreted import PyView
    from fastext.structtype import StructArrayType, convert_args, struct_params

    for name, fn in list(vars(module).items()):
        if not isinstance(fn, types.FunctionType) or fn.__module__ != module.__name__:
            continue
        arrays = {k: t for k, t in struct_params(fn).items() if isinstance(t, StructArrayType)}
        if not arrays:
            continue

        @functools.wraps(fn)
        def call(*args, __fn=fn, __arrays=arrays, **kwargs):
            args, kwargs = convert_args(__fn, __arrays, args, kwargs)
            result = __fn(*args, **kwargs)
            return result.base if isinstance(result, PyView) else result     # the array, not the view
        setattr(module, name, call)


def exported(module: types.ModuleType) -> list[str]:
    """Public functions of the compiled module, in definition order where known."""
    # (struct classes are module attributes too, and callable: not functions to time)
    return [n for n in dir(module) if not n.startswith("_") and callable(getattr(module, n))
            and not isinstance(getattr(module, n), type)]


NUMBA_NOTE = ("numba: plain numba.njit — no bounds checks (fastext checks them by default: "
              "`fastext build --no-boundscheck` for a like-for-like build) and no parallel=True "
              "(prange runs serially there; --vs numba-parallel for that)")
NUMBA_PARALLEL_NOTE = ("numba-parallel: numba.njit(parallel=True) with `prange` mapped to numba.prange; "
                       "no bounds checks; Numba's threads (NUMBA_NUM_THREADS) against fastext's "
                       "(FASTEXT_NUM_THREADS, else OMP_NUM_THREADS)")


def load_numba(target: Target, parallel: bool = False) -> types.SimpleNamespace:
    """The source as plain Python with each function it defines replaced by `numba.njit(fn)`,
    or, with `parallel`, `numba.njit(parallel=True)(fn)` and the module's `prange` name bound
    to numba.prange (fastext's prange is `range` under plain Python: Numba would run it serially)."""
    flag = "--vs numba-parallel" if parallel else "--vs numba"
    try:
        import numba
    except ImportError:
        raise BenchError(f"{flag}: numba is not installed (pip install numba, or fastext[bench])") from None
    module = types.ModuleType(target.name + ("_numba_parallel" if parallel else "_numba"))
    module.__file__ = target.fx_path
    try:
        with open(target.fx_path, "rb") as f:
            code = compile(f.read(), target.fx_path, "exec", dont_inherit=True)
        exec(code, module.__dict__)
    except Exception as e:  # noqa: BLE001
        raise BenchError(f"{target.fx_path} fails to run as plain Python: {type(e).__name__}: {e}") from None
    if parallel:
        import fastext
        for name, value in list(module.__dict__.items()):
            if value is getattr(fastext, "prange", None):     # `from fastext import prange` (any alias)
                module.__dict__[name] = numba.prange
    jit = numba.njit(parallel=True) if parallel else numba.njit
    for name, value in list(module.__dict__.items()):
        if isinstance(value, types.FunctionType) and value.__module__ == module.__name__:
            module.__dict__[name] = jit(value)   # lazy: compiled at the first call
    return module


def uses_prange(target: Target) -> bool:
    """Whether the module's source calls `prange` (the name, or an attribute of that name)."""
    import ast
    try:
        with open(target.fx_path, "rb") as f:
            tree = ast.parse(f.read())
    except (OSError, SyntaxError, ValueError):
        return False
    return any(isinstance(n, ast.Call) and (isinstance(n.func, ast.Name) and n.func.id == "prange"
                                            or isinstance(n.func, ast.Attribute) and n.func.attr == "prange")
               for n in ast.walk(tree))


def numba_error_types() -> tuple[type, ...]:
    """Exceptions meaning "numba cannot compile this" (reported as unsupported, not as a failure)."""
    try:
        from numba.core.errors import NumbaError
        return (NumbaError,)
    except ImportError:
        return ()


def parse_alternative(spec: str) -> tuple[str, str, str]:
    """`module:function[=name]` -> (module, function, the .fx function it stands in for)."""
    mod, sep, rest = spec.partition(":")
    func, _, name = rest.partition("=")
    if not sep or not mod or not func:
        raise BenchError(f"--vs {spec}: expected 'numba', 'numba-parallel', 'module' or 'module:function' (optionally 'module:function=fxname')")
    return mod, func, name or func


def load_alternative(spec: str, target: Target, compiled: types.ModuleType) -> tuple[str, object]:
    """(the .fx function name it replaces, the user's function)."""
    mod_name, func_name, replaces = parse_alternative(spec)
    module = _import_alternative(mod_name, spec, target)
    fn = getattr(module, func_name, None)
    if not callable(fn):
        raise BenchError(f"--vs {spec}: {mod_name} has no function {func_name!r}")
    if not callable(getattr(compiled, replaces, None)):
        raise BenchError(f"--vs {spec}: {target.name} has no function {replaces!r} for it to stand in for "
                         f"(write module:function=name)")
    return replaces, fn


def load_alternative_module(spec: str, target: Target, compiled: types.ModuleType) -> types.SimpleNamespace:
    """`--vs MODULE`: the compiled module's functions, each replaced by MODULE's function of
    the same name where it has one (e.g. a hand-written C extension with the same API)."""
    module = _import_alternative(spec, spec, target)
    names = [k for k in dir(compiled) if not k.startswith("_")]
    shared = [k for k in names if callable(getattr(module, k, None)) and callable(getattr(compiled, k))]
    if not shared:
        raise BenchError(f"--vs {spec}: {spec} defines none of {target.name}'s functions ({', '.join(names)})")
    namespace = {k: getattr(compiled, k) for k in names}
    namespace.update({k: getattr(module, k) for k in shared})
    return types.SimpleNamespace(**namespace)


def _import_alternative(mod_name: str, spec: str, target: Target) -> types.ModuleType:
    added = [p for p in (os.getcwd(), os.path.dirname(target.fx_path)) if p not in sys.path]
    sys.path[:0] = added
    try:
        if mod_name.endswith(".py") and os.path.isfile(mod_name):
            path = os.path.abspath(mod_name)
            mspec = importlib.util.spec_from_file_location(_stem(path) + "_alt", path)
            module = importlib.util.module_from_spec(mspec)
            mspec.loader.exec_module(module)
        else:
            module = importlib.import_module(mod_name)
    except BenchError:
        raise
    except ModuleNotFoundError as e:
        raise BenchError(f"--vs {spec}: no module named {e.name!r}") from None
    except Exception as e:  # noqa: BLE001 - the user's module fails to import
        raise BenchError(f"--vs {spec}: importing {mod_name} failed: {type(e).__name__}: {e}") from None
    finally:
        for p in added:
            sys.path.remove(p)
    return module
