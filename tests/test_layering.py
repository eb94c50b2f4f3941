"""The compiler's layering: the ABI layer is a stage after lowering, and fastext/gpu/ is
the GPU runtime only.  Lazy (function-level) imports count too, so the checks read every
import statement of the sources instead of only importing the packages."""
import ast
import os
import subprocess
import sys

import pytest

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fastext")


def imports_of(package_dir: str) -> list[tuple[str, int, str]]:
    """(file, line, imported module) for every import statement under `package_dir`."""
    found = []
    for dirpath, _, files in os.walk(package_dir):
        for name in files:
            if not name.endswith(".py"):
                continue
            path = os.path.join(dirpath, name)
            parts = path[:-3].split(os.sep)
            top = len(parts) - 1 - parts[::-1].index("fastext")    # the package root's own name
            rel, pkg = os.sep.join(parts[top:]) + ".py", ".".join(parts[top:-1])
            with open(path, encoding="utf-8") as f:
                tree = ast.parse(f.read(), path)
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    found += [(rel, node.lineno, a.name) for a in node.names]
                elif isinstance(node, ast.ImportFrom):
                    base = node.module or ""
                    if node.level:      # relative import: resolve against the file's package
                        parts = pkg.split(".")
                        base = ".".join(parts[:len(parts) - node.level + 1] + ([base] if base else []))
                    found += [(rel, node.lineno, f"{base}.{a.name}" if base == "fastext" else base)
                              for a in node.names]
    return found


def offending(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return [f"{f}:{line} imports {mod}" for f, line, mod in imports_of(os.path.join(ROOT, *package.split(".")[1:]))
            if any(mod == p or mod.startswith(p + ".") for p in forbidden)]


def test_lowering_never_imports_the_abi_layer():
    assert offending("fastext.compiler.lower", ("fastext.abi",)) == []


def test_gpu_runtime_imports_nothing_of_the_compiler():
    assert offending("fastext.gpu", ("fastext.compiler", "fastext.abi")) == []


def test_the_check_sees_lazy_imports(tmp_path):
    """The scanner itself: a function-level import is found (else the tests above could not fail)."""
    pkg = tmp_path / "fastext" / "probe"
    pkg.mkdir(parents=True)
    (pkg / "m.py").write_text("def f():\n    from fastext.abi import wrapper\n    from ..abi import stage\n")
    found = [mod for _, _, mod in imports_of(str(pkg))]
    assert found == ["fastext.abi", "fastext.abi"]


@pytest.mark.parametrize("stmt", ["import fastext.gpu", "import fastext.gpu.launch, fastext.gpu.driver, "
                                  "fastext.gpu.memory, fastext.gpu.packing, fastext.gpu.streams"])
def test_importing_the_gpu_runtime_loads_no_compiler(stmt):
    code = f"import sys; {stmt}; print(sorted(m for m in sys.modules if m.startswith(('fastext.compiler', 'fastext.abi'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.path.join(ROOT, "..")}).stdout
    assert out.strip() == "[]"
