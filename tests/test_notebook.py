"""A real notebook executed by nbclient on an ipykernel: `%load_ext fastext`, `%%fastext` cells
with options, diagnostics shown in the cell output, the build reused by a second kernel, and
`%autoreload 2` picking up an edited `.fx` (docs/jupyter.md).

The kernel spec is written to a temporary JUPYTER_PATH and runs this interpreter, so no
kernel has to be installed globally."""
import json
import os
import sys

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat not installed (pip install -e '.[test]')")
nbclient = pytest.importorskip("nbclient", reason="nbclient not installed (pip install -e '.[test]')")
pytest.importorskip("ipykernel", reason="ipykernel not installed (pip install -e '.[test]')")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL = "fastext-test"

CELLS = [
    "%load_ext fastext",
    # 1: a compiled cell with an option
    '''%%fastext --boundscheck -O 2
from fastext import f64, i64


def dot(x: f64[:], y: f64[:]) -> f64:
    """Dot product."""
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s


def at(x: f64[:], i: i64) -> f64:
    return x[i]


def _hidden() -> i64:
    return 1
''',
    # 2: names bound, native, results equal NumPy's, bounds checked, private names not bound
    '''import numpy as np, sys
x = np.arange(5.0)
try:
    at(x, 10)
    checked = "no"
except IndexError:
    checked = "IndexError"
print(json.dumps({"dot": dot(x, x), "numpy": float(x @ x), "type": type(dot).__name__,
                  "checked": checked, "hidden": "_hidden" in dir(), "doc": dot.__doc__}))''',
    # 3: the same source with another option is another build
    '''%%fastext --no-boundscheck
from fastext import f64, i64


def at(x: f64[:], i: i64) -> f64:
    return x[i]
''',
    # 4: was anything compiled in this kernel? (the second kernel must find every build cached)
    '''print(json.dumps({"compiled_here": "fastext.compiler.driver" in sys.modules,
                  "unchecked_at": at(np.arange(3.0), 1)}))''',
    # 5: a cell with an error (errors are never cached: it compiles in every kernel): the located diagnostic, not a traceback
    '''%%fastext
from fastext import f64


def broken(x: f64) -> f64:
    return x + undefined_name
''',
    # 6-8: %autoreload 2 reloads an imported .fx after an edit
    '''%load_ext autoreload
%autoreload 2
import os, time
def write_version(v):
    with open("reloadme.fx", "w") as f:
        f.write(f"from fastext import i64\\n\\ndef version() -> i64:\\n    return {v}\\n")
    later = time.time() + 2 * v           # coarse-mtime file systems
    os.utime("reloadme.fx", (later, later))
write_version(1)
import reloadme
print(json.dumps({"version": reloadme.version()}))''',
    "write_version(2)",
    'print(json.dumps({"version": reloadme.version(), "compiled": reloadme.__cached__.endswith(".so")}))',
]


def _kernel_spec(where):
    spec_dir = where / "kernels" / KERNEL
    spec_dir.mkdir(parents=True)
    env = {"PYTHONPATH": ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "XDG_CACHE_HOME": str(where / "cache"), "IPYTHONDIR": str(where / "ipython"),
           "FASTEXT_PROGRESS": "never"}
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "fastext test", "language": "python", "env": env}))
    return str(where)


def _notebook():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import json\n" + CELLS[0])] + \
        [nbformat.v4.new_code_cell(c) for c in CELLS[1:]]
    nb.cells[5].metadata["tags"] = ["raises-exception"]      # nbclient goes on after this cell's error
    return nb


def _run(tmp_path):
    nb = _notebook()
    nbclient.NotebookClient(nb, kernel_name=KERNEL, timeout=120, resources={"metadata": {"path": str(tmp_path)}}
                            ).execute()
    return nb


def _json(cell):
    text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
    return json.loads(text.strip().splitlines()[-1])


def test_notebook_cell_magic_end_to_end(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", _kernel_spec(tmp_path / "jupyter"))
    monkeypatch.delenv("FASTEXT_DISABLE", raising=False)
    first = _run(tmp_path)

    got = _json(first.cells[2])
    assert got == {"dot": 30.0, "numpy": 30.0, "type": "builtin_function_or_method", "checked": "IndexError",
                   "hidden": False, "doc": "dot(x: f64[:], y: f64[:]) -> f64\n\nDot product."}

    error, = [o for o in first.cells[5].outputs if o.output_type == "error"]
    shown = "\n".join(error.traceback)
    assert error.ename == "CellError"
    assert "<%%fastext cell>:6:16: error: name `undefined_name` is not defined" in shown
    assert "^" in shown and "Traceback" not in shown and "notebook.py" not in shown

    assert _json(first.cells[4]) == {"compiled_here": True, "unchecked_at": 1.0}
    assert _json(first.cells[6]) == {"version": 1}
    assert _json(first.cells[8]) == {"version": 2, "compiled": True}

    # a new kernel, the same cells: every cell's build comes from the disk cache
    (tmp_path / "reloadme.fx").unlink()
    second = _run(tmp_path)
    assert _json(second.cells[2])["dot"] == 30.0
    assert _json(second.cells[4]) == {"compiled_here": False, "unchecked_at": 1.0}



INTERPRETED = """
import os, sys
from IPython.testing.globalipapp import start_ipython
ip = start_ipython()
ip.run_line_magic("load_ext", "fastext")
CELL = '''
from fastext import f64, i64

def mean(x: f64[:]) -> f64:
    s = 0.0
    for v in x:
        s += v
    return s / len(x)
'''
import numpy as np
x = np.linspace(0.0, 1.0, 7) ** 3
ip.run_cell_magic("fastext", "--name cellmod", CELL)
compiled = ip.user_ns["mean"]
ip.run_cell_magic("fastext", "--interpreted", CELL)
plain = ip.user_ns["mean"]
import cellmod
print(type(compiled).__name__, type(plain).__name__, compiled(x) == plain(x), cellmod.mean is compiled)
"""


def test_interpreted_cell_is_the_oracle_and_name_makes_it_importable(tmp_path):
    """`--interpreted` runs the same cell as plain Python with the same result; `--name` registers it."""
    pytest.importorskip("IPython")
    import subprocess
    env = dict(os.environ, PYTHONPATH=ROOT, XDG_CACHE_HOME=str(tmp_path / "cache"), IPYTHONDIR=str(tmp_path / "ip"))
    out = subprocess.run([sys.executable, "-c", INTERPRETED], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.split()[-4:] == ["builtin_function_or_method", "function", "True", "True"]
