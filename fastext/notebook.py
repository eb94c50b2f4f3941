"""IPython / Jupyter: the `%%fastext` cell magic (`%load_ext fastext`; docs/jupyter.md).

A cell is written to `<IPython cache dir>/fastext/_fastext_cell_<hash>.fx`, the hash taken
over the cell text and the compile options, and imported through the import hook's own
loader with those options: the `.fx` cache beside it (`__fxcache__/`, the same key, seals
and trust rules as every import) makes a re-run of an unchanged cell in a new kernel a
cache hit, and within one kernel the module already imported is reused outright.  The
module's public names are then bound in the notebook's namespace, as `%%cython` does.

Errors in the cell are shown as the compiler's located diagnostics (line:col of the cell,
the line, a caret, the hint) in place of a traceback: the exception raised carries
`_render_traceback_`, which IPython calls instead of formatting the stack.
"""
from __future__ import annotations

import hashlib
import os
import sys

CELL_PREFIX = "_fastext_cell_"
CELL_LABEL = "<%%fastext cell>"


def load_ipython_extension(ip) -> None:
    """`%load_ext fastext`: register the `%%fastext` cell magic."""
    ip.register_magics(_magics_class()(ip))


class CellError(ImportError):
    """A `%%fastext` cell that did not compile; IPython shows `text`, not a traceback."""

    def __init__(self, text: str):
        super().__init__(text)
        self.text = text

    def _render_traceback_(self) -> list[str]:
        return self.text.splitlines()


def options_from_args(args):
    """The compile options of a magic's arguments: each one given overrides the environment's."""
    from fastext.config import Options, options_from_env

    base = options_from_env()
    archs = tuple(a.strip() for arg in args.gpu_arch or () for a in arg.split(",") if a.strip())
    return Options(opt_level=base.opt_level if args.opt_level is None else args.opt_level,
                   boundscheck=base.boundscheck if args.boundscheck is None else args.boundscheck,
                   cpu=args.cpu or base.cpu, features=base.features, gpu_archs=archs or base.gpu_archs)


def cell_dir() -> str:
    """Where cells are written: `<IPython cache dir>/fastext` (FASTEXT_CACHE_DIR moves their builds)."""
    from IPython.paths import get_ipython_cache_dir

    path = os.path.join(get_ipython_cache_dir(), "fastext")
    os.makedirs(path, mode=0o700, exist_ok=True)
    return path


def module_name(cell: str, options, interpreted: bool) -> str:
    """`_fastext_cell_<hash>`: the same cell with the same options is the same module."""
    from fastext import __version__

    key = "\0".join((cell, options.key(), "interpreted" if interpreted else "compiled", __version__))
    return CELL_PREFIX + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def compile_cell(cell: str, options, *, name: str | None = None, interpreted: bool = False):
    """Import `cell` as a `.fx` module with `options` (reused when already imported); raises
    CellError with the rendered diagnostics when it does not compile."""
    import _fastext_hook as hook

    interpreted = interpreted or hook.is_disabled()
    stem = module_name(cell, options, interpreted)
    module = sys.modules.get(stem)
    if module is None:
        fx_path = os.path.join(cell_dir(), stem + hook.SUFFIX)
        # a first empty line stands for the `%%fastext` line: diagnostics give the cell's own line numbers
        data = ("\n" + cell).encode("utf-8")
        try:
            with open(fx_path, "rb") as f:
                current = f.read()
        except OSError:
            current = None
        if current != data:
            from fastext.importer.store import write_atomic
            write_atomic(fx_path, data, 0o600)
        module = _import(stem, fx_path, options, interpreted)
    if name:
        sys.modules[name] = module
    return module


def _import(stem: str, fx_path: str, options, interpreted: bool):
    import importlib.util

    import _fastext_hook as hook

    spec = hook._compiled_spec(stem, fx_path)
    spec.loader.interpreted = interpreted
    spec.loader.options = options
    try:
        module = importlib.util.module_from_spec(spec)     # compiled: builds or finds the build here
        sys.modules[stem] = module
        spec.loader.exec_module(module)
    except ImportError as exc:
        sys.modules.pop(stem, None)
        raise CellError(_render(exc, fx_path)) from None
    except SyntaxError as exc:          # interpreted: CPython's own message, located in the cell
        sys.modules.pop(stem, None)
        raise CellError(f"{CELL_LABEL}:{exc.lineno}:{exc.offset}: error: {exc.msg}") from None
    return module


def _render(exc: ImportError, fx_path: str) -> str:
    """The diagnostics with the cell's temporary file name replaced by `<%%fastext cell>`."""
    render = getattr(exc, "render", None)
    text = render() if callable(render) else str(exc)
    return text.replace(fx_path, CELL_LABEL)


def public_names(module) -> list[str]:
    """The names a cell binds in the notebook: its `__all__`, else every name not starting with `_`
    that the cell defines (not the dialect names or the modules it imports: `np` stays NumPy)."""
    names = getattr(module, "__all__", None)
    if names is not None:
        return list(names)
    import types

    import fastext

    dialect = set(dir(fastext))      # f64, prange, ...: imported by the cell, not defined by it
    return [n for n, v in vars(module).items()
            if not n.startswith("_") and n not in dialect and not isinstance(v, types.ModuleType)]


def _magics_class():
    from IPython.core.magic import Magics, cell_magic, magics_class
    from IPython.core.magic_arguments import argument, magic_arguments, parse_argstring

    @magics_class
    class FastextMagics(Magics):
        """The `%%fastext` cell magic."""

        @magic_arguments()
        @argument("-O", dest="opt_level", type=int, choices=(0, 1, 2, 3), default=None,
                  help="optimisation level (default: FASTEXT_OPT_LEVEL or 3)")
        @argument("--boundscheck", dest="boundscheck", action="store_const", const=True, default=None,
                  help="check indices (the default, unless FASTEXT_BOUNDSCHECK=0)")
        @argument("--no-boundscheck", dest="boundscheck", action="store_const", const=False,
                  help="do not check indices")
        @argument("--cpu", default=None, help="LLVM CPU name (default: FASTEXT_CPU or host)")
        @argument("--gpu-arch", action="append", metavar="SM", default=None,
                  help="GPU architecture of the kernels' PTX (repeatable or comma-separated)")
        @argument("--name", default=None,
                  help="also make the module importable under this name (`import NAME` in other cells)")
        @argument("--interpreted", action="store_true",
                  help="run the cell as plain Python, as FASTEXT_DISABLE=1 would (the oracle)")
        @cell_magic
        def fastext(self, line, cell):
            """Compile the cell as a `.fx` module and bind its public names in the notebook.

            The cell is a `.fx` module: `from fastext import f64` and annotated functions.
            Re-running an unchanged cell reuses its build (cached on disk across kernels).
            """
            args = parse_argstring(self.fastext, line)
            module = compile_cell(cell, options_from_args(args), name=args.name, interpreted=args.interpreted)
            for n in public_names(module):
                self.shell.user_ns[n] = getattr(module, n)

    return FastextMagics
