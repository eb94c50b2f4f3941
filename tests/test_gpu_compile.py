"""GPU kernels without a GPU: .fx kernels → PTX (checked by ptxas when on PATH), the descriptor
the CPU module embeds, importing without CUDA, `fastext build --emit ptx`.

Launching and the numerics on a device are the runtime's tests (fastext.gpu)."""
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from fxload import EXAMPLES, FX_DIR, _tmpdir

from fastext.compiler.driver import compile_file, compile_source
from fastext.compiler.diagnostics import CompileError
from fastext.config import Options

ARCHS = ("sm_80", "sm_90")
KERNELS_FX = os.path.join(EXAMPLES, "gpu_kernels.fx")
OPS_FX = os.path.join(FX_DIR, "gpu_ops.fx")
EXAMPLE_KERNELS = {"empty", "saxpy", "block_sum", "warp_sum", "stencil5", "sgemm_naive", "sgemm_tiled",
                   "softplus", "histogram", "square_all"}
OPS_KERNELS = {"spellings", "atomics", "atomics_2d", "shuffles", "shared_3d", "scalars", "checks", "ufuncs"}
RULES_FX = os.path.join(FX_DIR, "gpu_cpu_rules.fx")     # the CPU dialect's rules inside kernels
FILES = [(KERNELS_FX, EXAMPLE_KERNELS), (OPS_FX, OPS_KERNELS), (RULES_FX, {"breadth", "fast"})]
FILE_IDS = ["gpu_kernels", "gpu_ops", "gpu_cpu_rules"]
PTXAS = shutil.which("ptxas")
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

_artifacts = {}


def artifact(path):
    """The compile of `path` for both architectures (once per session)."""
    if path not in _artifacts:
        _artifacts[path] = compile_file(path, os.path.basename(path)[:-3], Options(gpu_archs=ARCHS))
    return _artifacts[path]


@pytest.fixture(scope="module")
def kernels_module():
    """examples/gpu_kernels.fx as an imported extension module (linked from the same compile)."""
    from fastext.compiler.link import link_shared
    so = os.path.join(_tmpdir(), "gpu_kernels_test.so")
    link_shared(artifact(KERNELS_FX).object_code, so)
    spec = importlib.util.spec_from_file_location("gpu_kernels", so)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod, so


def entries(ptx: str) -> dict[str, str]:
    """PTX entry name → its text (up to the next entry or function)."""
    out = {}
    starts = [(m.start(), m.group(1)) for m in re.finditer(r"^\.visible \.entry (\w+)\(", ptx, re.M)]
    for k, (pos, name) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(ptx)
        out[name] = ptx[pos:end]
    return out


def entry_params(text: str) -> list[str]:
    head = text[:text.index(")")]
    return re.findall(r"\.param (\.\w+)", head)


@pytest.mark.parametrize("path,names", FILES, ids=FILE_IDS)
def test_every_kernel_has_an_entry_per_arch(path, names):
    art = artifact(path)
    assert set(art.ptx) == set(ARCHS)
    for arch, ptx in art.ptx.items():
        assert f".target {arch}" in ptx
        assert set(entries(ptx)) == {f"fxk_{n}" for n in names}


@pytest.mark.skipif(PTXAS is None, reason="ptxas (CUDA toolkit) not on PATH")
@pytest.mark.parametrize("arch", ARCHS)
@pytest.mark.parametrize("path", [f for f, _ in FILES], ids=FILE_IDS)
def test_ptxas_accepts(path, arch, tmp_path):
    src = tmp_path / f"k.{arch}.ptx"
    src.write_text(artifact(path).ptx[arch])
    run = subprocess.run([PTXAS, f"-arch={arch}", str(src), "-o", str(tmp_path / "k.cubin")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "k.cubin").stat().st_size > 0


@pytest.mark.parametrize("kernel,needles", [
    ("saxpy", ["ld.global", "st.global", "mul.rn.f32", "%ctaid.x", "%ntid.x", "%tid.x"]),
    ("block_sum", ["ld.shared", "st.shared", "bar.sync", "atom.global.add.f32"]),
    ("warp_sum", ["shfl.sync.down.b32", "atom.global.add.f32", "%laneid"]),
    ("sgemm_tiled", ["ld.shared", "st.shared", "bar.sync", "mul.rn.f32", "add.rn.f32"]),
    ("sgemm_naive", ["%ctaid.y", "%tid.y"]),
    ("histogram", ["atom.global.add.u64"]),
    ("stencil5", ["ld.global.b64", "st.global.b64"]),
])
def test_ptx_contains(kernel, needles):
    for arch in ARCHS:
        text = entries(artifact(KERNELS_FX).ptx[arch])[f"fxk_{kernel}"]
        for needle in needles:
            assert needle in text, (arch, kernel, needle)


def test_ptx_of_every_gpu_op():
    text = artifact(OPS_FX).ptx["sm_90"]
    e = entries(text)
    for op in ("add.u32", "min.s32", "max.s32", "add.u64", "min.s64", "max.s64", "min.u32", "max.u32",
               "min.u64", "max.u64", "add.f32", "add.f64"):
        assert f"atom.global.{op}" in e["fxk_atomics"], op
    # integer CAS x3, float CAS x2, and the CAS loops of float min/max (all device-scoped)
    assert len(re.findall(r"atom\.\w+\.gpu\.global\.cas\.b(32|64)", e["fxk_atomics"])) >= 9
    assert ".sys." not in e["fxk_atomics"]
    for mode in ("down", "up", "bfly", "idx"):
        assert f"shfl.sync.{mode}.b32" in e["fxk_shuffles"], mode
    assert "ld.shared.b64" in e["fxk_shared_3d"] and "bar.sync" in e["fxk_shared_3d"]
    assert "atom.shared.add.u32" in e["fxk_shared_3d"]         # atomics on shared arrays stay in shared memory
    assert "trap" in e["fxk_checks"]


def test_entry_parameter_abi():
    """Scalars at their width (bool as u8, complex as two floats); arrays as a global pointer,
    shapes, byte strides."""
    e = entries(artifact(KERNELS_FX).ptx["sm_90"])
    assert entry_params(e["fxk_saxpy"]) == [".f32"] + [".u64"] * 9
    assert entry_params(e["fxk_stencil5"]) == [".u64"] * 10 + [".f64"]
    assert entry_params(e["fxk_empty"]) == []
    assert e["fxk_saxpy"].count(".ptr .global") == 3
    ops = entries(artifact(OPS_FX).ptx["sm_90"])
    assert entry_params(ops["fxk_scalars"]) == [".u8", ".u32", ".f64", ".f64"] + [".u64"] * 6


def test_math_is_libdevice_inlined():
    """math.* in kernels comes from libdevice, linked and internal: no external calls remain."""
    for path, _ in FILES:
        for ptx in artifact(path).ptx.values():
            externs = re.findall(r"\.extern \.func[^\n]*?(\w+)\s*\(", ptx)
            assert set(externs) <= {"vprintf"}, externs
            assert "__nvvm_reflect" not in ptx


def test_fastmath_contracts_and_unchecked_drops_checks():
    fast = entries(artifact(RULES_FX).ptx["sm_90"])["fxk_fast"]
    assert "fma.rn.f32" in fast and "trap" not in fast
    assert "fma.rn.f32" not in entries(artifact(KERNELS_FX).ptx["sm_90"])["fxk_sgemm_naive"]


def ptx_strings(ptx: str) -> set[str]:
    """The constant strings of a PTX module (the assembly printer writes them as byte lists)."""
    out = set()
    for m in re.finditer(r"\.global \.align 1 \.b8 \S+\[\d+\] = \{([^}]*)\}", ptx):
        out.add(bytes(int(b) for b in m.group(1).split(",")).rstrip(b"\0").decode())
    return out


def line_of(path: str, text: str) -> int:
    return next(k for k, line in enumerate(open(path), 1) if text in line)


def test_error_messages_name_the_source_line():
    """What a trapping kernel prints: the CPU's message plus the .fx line (no traceback on a GPU)."""
    strings = ptx_strings(artifact(KERNELS_FX).ptx["sm_90"])
    line = line_of(KERNELS_FX, "out[i] = a * x[i] + y[i]")
    assert f"index %lld is out of bounds for axis %lld with size %lld (at gpu_kernels.fx:{line})" in strings
    assert "fastext: %s in kernel %s (block (%d, %d, %d), thread (%d, %d, %d))" in strings
    ops = ptx_strings(artifact(OPS_FX).ptx["sm_90"])
    assert f"thread out of range (at gpu_ops.fx:{line_of(OPS_FX, 'raise IndexError')})" in ops
    assert f"n must be positive (at gpu_ops.fx:{line_of(OPS_FX, 'assert n > 0')})" in ops
    assert f"integer division or modulo by zero (at gpu_ops.fx:{line_of(OPS_FX, 'f64(i // d)')})" in ops
    assert {"IndexError", "AssertionError", "ZeroDivisionError"} <= ops


def test_errors_trap_and_unchecked_kernels_do_not():
    """A failed check prints through vprintf and traps; @unchecked / boundscheck=False drop the checks."""
    saxpy = entries(artifact(KERNELS_FX).ptx["sm_90"])["fxk_saxpy"]
    assert "trap" in saxpy and "vprintf" in saxpy
    src = open(KERNELS_FX).read()
    art = compile_source(src, KERNELS_FX, "gpu_kernels", Options(gpu_archs=("sm_90",), boundscheck=False))
    unchecked = entries(art.ptx["sm_90"])
    assert "trap" not in unchecked["fxk_saxpy"] and "trap" not in unchecked["fxk_sgemm_tiled"]
    assert set(art.ptx) == {"sm_90"}       # only the architectures asked for


def test_descriptor(kernels_module):
    mod, _ = kernels_module
    desc = json.loads(mod.__fastext_gpu__())
    assert desc["version"] == 1 and desc["module"] == "gpu_kernels"
    assert desc["source"] == os.path.abspath(KERNELS_FX)
    assert desc["ptx"] == artifact(KERNELS_FX).ptx
    kernels = desc["kernels"]
    assert set(kernels) == EXAMPLE_KERNELS
    assert kernels["saxpy"] == {"symbol": "fxk_saxpy",
                                "params": [["a", "f32"], ["x", "f32[:]"], ["y", "f32[:]"], ["out", "f32[:]"]],
                                "writes": ["out"], "doc": "out = a * x + y, one element per thread."}
    assert kernels["stencil5"]["params"] == [["u", "f64[:, :]"], ["out", "f64[:, :]"], ["c", "f64"]]
    assert kernels["block_sum"]["writes"] == ["out"]           # through gpu.atomic_add
    assert kernels["histogram"]["writes"] == ["bins"]
    assert kernels["square_all"]["writes"] == ["x"]
    assert kernels["sgemm_tiled"]["writes"] == ["c"]           # shared arrays are not parameters
    assert kernels["empty"]["writes"] == [] and kernels["empty"]["params"] == []


def test_cpu_functions_work_and_kernels_are_bound(kernels_module):
    np = pytest.importorskip("numpy")
    mod, _ = kernels_module
    x = np.arange(5.0)
    assert mod.cpu_dot(x, x) == 30.0
    for name in EXAMPLE_KERNELS:
        assert hasattr(mod, name), name          # set by fastext.gpu._bind at import
    assert not hasattr(mod, "_sq")               # device functions are not exported
    assert "__fastext_gpu__" in dir(mod)


def _import_in_child(so: str, then: str, before: str = "") -> str:
    """Import the built module `so` as `m` in a fresh interpreter (after `before`), run `then`;
    its stdout."""
    code = ("import importlib.util, sys\n" + before
            + f"spec = importlib.util.spec_from_file_location('gpu_kernels', {so!r})\n"
            "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n" + then)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, PYTHONPATH=REPO))
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_import_needs_no_cuda(kernels_module):
    _, so = kernels_module
    out = _import_in_child(so, "assert m.cpu_dot is not None and m.saxpy is not None\n"
                           "bad = sorted(n for n in sys.modules if n == 'cuda' or "
                           "n.startswith(('cuda.', 'cupy', 'numba', 'llvmlite')))\n"
                           "print(bad)\n")
    assert out.strip() == "[]"


def test_without_fastext_the_cpu_part_still_imports(kernels_module):
    # a wheel's module on a machine without fastext: the binder cannot be imported, the
    # module imports all the same (CPU functions work), the kernels are simply not bound
    _, so = kernels_module
    out = _import_in_child(so, "import numpy as np\nprint(m.cpu_dot(np.ones(3), np.ones(3)), hasattr(m, 'saxpy'))\n",
                           before="sys.modules['fastext.gpu._bind'] = None\n")   # import of it: ModuleNotFoundError
    assert out.split() == ["3.0", "False"]


def test_a_failing_binder_fails_the_import(kernels_module, monkeypatch):
    _, so = kernels_module
    import fastext.gpu._bind as binder

    def broken(module):
        raise RuntimeError("binder broke")
    monkeypatch.setattr(binder, "bind", broken)
    spec = importlib.util.spec_from_file_location("gpu_kernels", so)
    with pytest.raises(RuntimeError, match="binder broke"):
        spec.loader.exec_module(importlib.util.module_from_spec(spec))


def test_cpu_module_without_kernels_has_no_gpu_part():
    art = compile_source("def f(x: int) -> int:\n    return x + 1\n", "/tmp/nogpu.fx", "nogpu")
    assert art.ptx == {} and "__fastext_gpu__" not in art.llvm_ir and "gpu" not in art.timings


def test_archs_are_part_of_the_cache_key(monkeypatch):
    from fastext.config import options_from_env
    assert Options(gpu_archs=("sm_90",)).key() != Options().key()
    monkeypatch.setenv("FASTEXT_GPU_ARCHS", "sm_90, sm_100")
    assert options_from_env().gpu_archs == ("sm_90", "sm_100")
    monkeypatch.delenv("FASTEXT_GPU_ARCHS")
    assert options_from_env().gpu_archs == ARCHS


def test_unknown_arch_is_a_located_error():
    with pytest.raises(CompileError) as info:
        compile_source(open(KERNELS_FX).read(), KERNELS_FX, "gpu_kernels", Options(gpu_archs=("hopper",)))
    assert "unknown GPU architecture `hopper`" in str(info.value)


def test_math_without_libdevice_is_an_error(monkeypatch):
    import fastext.compiler.gpu.libdevice as libdevice
    monkeypatch.setattr(libdevice, "find", lambda: None)
    src = "from fastext import gpu, f64\nimport math\n\n@gpu.kernel\ndef k(x: f64[:]) -> None:\n" \
          "    x[0] = math.exp(x[0])\n"
    with pytest.raises(CompileError) as info:
        compile_source(src, "/tmp/nolibdevice.fx", "nolibdevice", Options(gpu_archs=("sm_90",)))
    text = str(info.value)
    assert "exp() in GPU code needs libdevice" in text and "nolibdevice.fx:6:" in text


def test_cli_emit_ptx(tmp_path):
    shutil.copy(KERNELS_FX, tmp_path / "gk.fx")
    env = dict(os.environ, PYTHONPATH=REPO)
    run = subprocess.run([sys.executable, "-m", "fastext.cli", "build", "gk.fx", "--emit", "ptx", "--gpu-arch",
                          "sm_90"], cwd=tmp_path, capture_output=True, text=True, timeout=180, env=env)
    assert run.returncode == 0, run.stderr
    ptx = (tmp_path / "gk.sm_90.ptx").read_text()
    assert ".target sm_90" in ptx and ".visible .entry fxk_saxpy(" in ptx
    assert not (tmp_path / "gk.sm_80.ptx").exists()
    (tmp_path / "cpu.fx").write_text("def f(x: int) -> int:\n    return x\n")
    run = subprocess.run([sys.executable, "-m", "fastext.cli", "build", "cpu.fx", "--emit", "ptx"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=180, env=env)
    assert run.returncode == 1 and "no @gpu.kernel functions" in run.stderr


def test_device_functions_from_another_fx_module(tmp_path):
    """A kernel calls @gpu.device functions of an imported .fx module; its CPU functions stay CPU-only."""
    (tmp_path / "devlib.fx").write_text("from fastext import gpu, f32\n\n@gpu.device\ndef twice(x: f32) -> f32:\n"
                                        "    return x * 2\n\ndef cpu_only(x: f32) -> f32:\n    return x\n")
    (tmp_path / "user.fx").write_text(
        "from fastext import gpu, f32\nfrom devlib import twice\nimport devlib\n\n@gpu.kernel\n"
        "def k(x: f32[:]) -> None:\n    i = gpu.global_id(0)\n    if i < len(x):\n"
        "        x[i] = twice(x[i]) + devlib.twice(1.0)\n\ndef host(x: f32) -> f32:\n    return devlib.cpu_only(x)\n")
    art = compile_file(str(tmp_path / "user.fx"), "user", Options(gpu_archs=("sm_90",)))
    assert set(entries(art.ptx["sm_90"])) == {"fxk_k"}
    assert art.exports == ("host",)
    (tmp_path / "bad.fx").write_text("from fastext import f32\nfrom devlib import twice\n\n"
                                     "def f(x: f32) -> f32:\n    return twice(x)\n")
    with pytest.raises(CompileError) as info:
        compile_file(str(tmp_path / "bad.fx"), "bad", Options(gpu_archs=("sm_90",)))
    assert "`twice` is a @gpu.device function; only GPU code can call it" in str(info.value)


def test_kernels_on_a_device():
    """With a GPU (libcuda + a device): launch every example kernel's PTX and compare with NumPy.

    In a subprocess: the last check traps on purpose, which leaves the CUDA context unusable."""
    run = subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "gpu_device_check.py")],
                         capture_output=True, text=True, timeout=300, env=dict(os.environ, PYTHONPATH=REPO))
    if run.stdout.startswith("SKIP"):
        pytest.skip(run.stdout.strip())
    assert run.returncode == 0, run.stdout + run.stderr


def test_writes_through_a_returned_view(tmp_path):
    """A store into a view that a callee returned counts as a write of the argument it came from:
    the kernel's descriptor lists it (so the runtime copies it back), and the CPU entry point
    rejects a read-only buffer instead of writing into it."""
    src = ("from fastext import gpu, f32, u8\n\n@gpu.device\ndef _tail(x: f32[:]) -> f32[:]:\n    return x[1:]\n\n"
           "@gpu.kernel\ndef k(x: f32[:], y: f32[:]) -> None:\n    t = _tail(x)\n    t[0] = y[0]\n\n"
           "def _rest(b: u8[:]) -> u8[:]:\n    return b[1:]\n\ndef poke(b: u8[:]) -> None:\n    v = _rest(b)\n"
           "    v[0] = 7\n")
    (tmp_path / "views.fx").write_text(src)
    from fastext.compiler.link import link_shared
    art = compile_file(str(tmp_path / "views.fx"), "views", Options(gpu_archs=("sm_90",)))
    so = str(tmp_path / "views.so")
    link_shared(art.object_code, so)
    spec = importlib.util.spec_from_file_location("views", so)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert json.loads(mod.__fastext_gpu__())["kernels"]["k"]["writes"] == ["x"]
    data = bytes(4)
    with pytest.raises(ValueError, match="must be writable"):
        mod.poke(data)
    assert data == bytes(4)
    buf = bytearray(4)
    mod.poke(buf)
    assert buf == bytearray(b"\x00\x07\x00\x00")


def test_the_cpu_part_uses_only_the_limited_api():
    from test_compiler_stages import STABLE_ABI, external_symbols
    symbols = external_symbols(artifact(KERNELS_FX).llvm_ir)
    py = {s for s in symbols if s.startswith(("Py", "_Py"))}
    assert {"PyImport_ImportModule", "PyExc_ModuleNotFoundError"} <= py <= STABLE_ABI, sorted(py - STABLE_ABI)


def test_emulation_source_beside_an_installed_module(kernels_module, tmp_path):
    # a module built elsewhere (a wheel): the recorded source path does not exist here, the
    # .fx file installed beside the module does
    from fastext.gpu._bind import _source
    so = tmp_path / "pkg" / "gpu_kernels.abi3.so"
    so.parent.mkdir()
    so.write_bytes(b"")
    assert _source("/build/src/pkg/gpu_kernels.fx", str(so)) == "/build/src/pkg/gpu_kernels.fx"
    (so.parent / "gpu_kernels.fx").write_text("# source\n")
    assert _source("/build/src/pkg/gpu_kernels.fx", str(so)) == str(so.parent / "gpu_kernels.fx")
    assert _source(KERNELS_FX, str(so)) == KERNELS_FX           # the recorded file exists: kept


def test_stubs_list_the_kernels():
    from fastext.build.stubs import stub_for_file
    text = stub_for_file(KERNELS_FX, "gpu_kernels")
    assert "def cpu_dot(x: Buffer, y: Buffer) -> float:" in text
    assert "saxpy: Any  # @gpu.kernel saxpy(a: f32, x: f32[:], y: f32[:], out: f32[:])" in text
    assert "def saxpy" not in text and "_sq" not in text       # kernels are no functions; device ones are private
    compile(text, "gpu_kernels.pyi", "exec")
