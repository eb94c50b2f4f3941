"""Helpers for the import-hook tests: run Python in a fresh interpreter, and a stand-in compiler.

Every end-to-end import runs in a subprocess so that `sys.modules`, the finder's
caches and dlopen'ed libraries never leak between tests.

`install_fake_compiler()` (called inside such a subprocess) replaces
`fastext.compiler.driver/link` with a tiny stand-in that emits, through llvmlite,
an extension module whose docstring is the `.fx` file's first line.  It lets the
importer be tested on its own: finder, cache, locking, reload, error paths.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ADD_FX = """\
from fastext import f64, i64


def add(a: i64, b: i64) -> i64:
    return a + b


def total(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i]
    return s
"""


# The real compiler once it exists; until then (or with FASTEXT_TEST_FAKE_COMPILER=1)
# the stand-in below, which checks everything but the compiled functions themselves.
REAL_COMPILER = (os.path.exists(os.path.join(REPO, "fastext", "compiler", "driver.py"))
                 and os.environ.get("FASTEXT_TEST_FAKE_COMPILER", "") in ("", "0"))


def fx_source(version: int, extra: str = "") -> str:
    """A valid `.fx` module whose `version()` returns `version` (line 1 says it too, for the stand-in)."""
    return f"# version {version}\n{ADD_FX}\n\ndef version() -> i64:\n    return {version}\n{extra}"


def version(module) -> int:
    """The version of a module made from `fx_source` (stand-in modules carry it in __doc__)."""
    fn = getattr(module, "version", None)
    return fn() if fn is not None else int(module.__doc__.split()[-1])


PRELUDE = """\
import sys
import fastext
import importer_helpers as helpers
if not helpers.REAL_COMPILER:
    helpers.install_fake_compiler()
"""


def run_python(code: str, *, cwd: str, path=(), env_extra=None, env_drop=(), check=True, timeout=120,
               prelude=True):
    """Run `code` in a fresh interpreter with `path` (and the repo) on PYTHONPATH; return the result.

    With `prelude`, fastext is imported first (the hook may not be installed in
    this environment) and the stand-in compiler installed when there is no real
    one.  FASTEXT_* variables of the test runner are dropped so each test states its own.
    """
    code = (PRELUDE if prelude else "") + textwrap.dedent(code)
    env = {k: v for k, v in os.environ.items() if not k.startswith("FASTEXT_")}
    for name in env_drop:
        env.pop(name, None)
    env["PYTHONPATH"] = os.pathsep.join([*path, REPO, os.path.dirname(os.path.abspath(__file__))])
    if not REAL_COMPILER:  # the child must make the same choice
        env["FASTEXT_TEST_FAKE_COMPILER"] = "1"
    env.update(env_extra or {})
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"subprocess failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


def write(path: str, text: str) -> str:
    """Write `text` to `path` (creating folders) and return the path."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


# --------------------------------------------------------------------------- stand-in compiler

_IR = r"""
%ModuleDef = type {{ i64, ptr, ptr, i64, ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, ptr }}
@name = private constant [{nlen} x i8] c"{name}\00"
@doc = private constant [{dlen} x i8] c"{doc}\00"
@def = internal global %ModuleDef {{ i64 1, ptr null, ptr null, i64 0, ptr null,
    ptr @name, ptr @doc, i64 0, ptr null, ptr null, ptr null, ptr null, ptr null }}
declare ptr @PyModuleDef_Init(ptr)
define ptr @"{init}"() {{
  %r = call ptr @PyModuleDef_Init(ptr @def)
  ret ptr %r
}}
define ptr @PyInit_fx() {{
  %r = call ptr @PyModuleDef_Init(ptr @def)
  ret ptr %r
}}
"""


def _c_string(text: str) -> tuple[str, int]:
    data = text.encode()
    return "".join(chr(b) if 32 <= b < 127 and b not in (34, 92) else f"\\{b:02X}" for b in data), len(data) + 1


class FakeArtifact:
    def __init__(self, object_code: bytes):
        self.object_code = object_code
        self.deps = ()
        self.timings = {"fake": 0.0}


def fake_compile_file(path: str, module_name: str, options):
    """Stand-in for fastext.compiler.driver.compile_file: a module whose __doc__ is line 1."""
    with open(path, encoding="utf-8") as f:
        return fake_compile_source(f.read(), path, module_name, options)


def fake_compile_source(text: str, path: str, module_name: str, options=None, *, emit_asm=False, read=None):
    """Stand-in for fastext.compiler.driver.compile_source (imports no other `.fx` file)."""
    import llvmlite.binding as llvm

    from fastext.abi.moduledef import init_symbol
    from fastext.compiler.diagnostics import CompileError, Diagnostic
    from fastext.compiler.source import SourceFile, Span

    if "SYNTAX_ERROR" in text:
        line = text[: text.index("SYNTAX_ERROR")].count("\n") + 1
        raise CompileError([Diagnostic(Span(path, line, 0, line, 12), "fake error", "remove it")],
                           SourceFile(path, text))
    doc, dlen = _c_string(text.splitlines()[0].lstrip("# ") if text else "")
    name, nlen = _c_string(module_name)
    ir = _IR.format(name=name, nlen=nlen, doc=doc, dlen=dlen, init=init_symbol(module_name))
    llvm.initialize_native_target()
    llvm.initialize_native_asmprinter()
    module = llvm.parse_assembly(ir)
    target = llvm.Target.from_default_triple().create_target_machine(reloc="pic", codemodel="default")
    return FakeArtifact(target.emit_object(module))


def install_fake_compiler() -> None:
    """Replace the compiler's driver and linker modules in this process by the stand-in."""
    import shutil
    import types

    from fastext import config

    driver = types.ModuleType("fastext.compiler.driver")
    driver.compile_file = fake_compile_file
    driver.compile_source = fake_compile_source
    link = types.ModuleType("fastext.compiler.link")

    class LinkError(Exception):
        pass

    def find_linker():
        override = config.linker_override()
        if override and override.lower() == "none":
            return None
        return shutil.which(override or "cc")

    def link_shared(object_code: bytes, out_path: str) -> None:
        obj = out_path + ".in.o"
        with open(obj, "wb") as f:
            f.write(object_code)
        try:
            proc = subprocess.run([find_linker(), "-shared", "-o", out_path, obj], capture_output=True, text=True)
        finally:
            os.unlink(obj)
        if proc.returncode:
            raise LinkError(proc.stderr)

    link.LinkError, link.find_linker, link.link_shared = LinkError, find_linker, link_shared
    sys.modules[driver.__name__] = driver
    sys.modules[link.__name__] = link
