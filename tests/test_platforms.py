"""Other platforms, as far as this Linux x86-64 machine can check them (docs/platforms.md).

Cross-compiled objects for AArch64 Linux and arm64 macOS are inspected with the real
binutils/LLVM tools: the right machine, the module's PyInit_ exported, no x86 code, and the
target's own libc constants; the macOS link command line is checked as text (nothing here
can run it); the module suffixes and the per-user cache folder per platform.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sysconfig

import numpy as np
import pytest

from fastext.compiler import platforms
from fastext.compiler.driver import compile_file
from fastext.config import Options
from fxload import FX_DIR, compiled, interpreted

FX = os.path.join(FX_DIR, "platform_kernels.fx")
AARCH64_LINUX = "aarch64-unknown-linux-gnu"
needs_objdump = pytest.mark.skipif(shutil.which("llvm-objdump") is None, reason="llvm-objdump not installed")
needs_readelf = pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf (binutils) not installed")


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def objects(tmp_path_factory):
    """target → (object path, optimised LLVM IR), each compiled once."""
    tmp = tmp_path_factory.mktemp("cross")
    out = {}
    for target in (AARCH64_LINUX, "arm64-apple-macos"):
        art = compile_file(FX, "platform_kernels", Options(triple=platforms.normalize(target, environ={})))
        path = tmp / f"{target}.o"
        path.write_bytes(art.object_code)
        out[target] = (str(path), art.llvm_ir)
    return out


def test_llvmlite_registers_the_targets():
    import llvmlite.binding as llvm
    llvm.initialize_all_targets()
    assert llvm.Target.from_triple(AARCH64_LINUX).name == "aarch64"
    assert llvm.Target.from_triple("arm64-apple-macosx11.0.0").name == "aarch64"


@needs_readelf
@needs_objdump
def test_aarch64_linux_object(objects):
    path, ir = objects[AARCH64_LINUX]
    assert re.search(r"Machine:\s+AArch64", _run("readelf", "-h", path))
    symbols = _run("readelf", "-s", "-W", path)
    assert re.search(r"FUNC\s+GLOBAL\s+DEFAULT\s+\d+\s+PyInit_platform_kernels$", symbols, re.M)
    relocations = _run("readelf", "-r", "-W", path)
    assert "R_AARCH64_" in relocations and "R_X86_64" not in relocations
    disassembly = _run("llvm-objdump", "-d", path)
    assert "elf64-littleaarch64" in disassembly and "<unknown>" not in disassembly
    assert "llvm.x86." not in ir and "llvm.aarch64.hint" in ir       # prange's spin-wait: Arm's `yield`
    assert "@sysconf(i32 84)" in ir and "@sched_getaffinity" in ir   # glibc's constants


@needs_objdump
def test_arm64_macos_object(objects):
    path, ir = objects["arm64-apple-macos"]
    headers = _run("llvm-objdump", "--macho", "--private-headers", path)
    assert re.search(r"MH_MAGIC_64\s+ARM64", headers)
    assert re.search(r"LC_BUILD_VERSION.*?platform macos.*?minos 11\.0", headers, re.S)
    symbols = _run("llvm-objdump", "--syms", path)
    assert re.search(r"\bg\s+F __TEXT,__text _PyInit_platform_kernels$", symbols, re.M)
    undefined = {line.split()[-1] for line in symbols.splitlines() if "*UND*" in line}
    # glibc-only symbols would fail to load on macOS
    assert not {s for s in undefined if "sched_getaffinity" in s or "_ZGV" in s or "errno_location" in s}
    assert {"_PyModuleDef_Init", "_pthread_create", "_sysconf", "_dlopen"} <= undefined
    disassembly = _run("llvm-objdump", "-d", "--macho", path)
    assert "<unknown>" not in disassembly and "llvm.x86." not in ir
    # Darwin's <unistd.h>, <time.h> and <dlfcn.h>: _SC_NPROCESSORS_ONLN 58, CLOCK_MONOTONIC 6, RTLD_LOCAL 4
    assert "@sysconf(i32 58)" in ir and "@clock_gettime(i32 6" in ir
    assert re.search(r"@dlopen\(ptr [^,]+, i32 [4-7]\)", ir)


@needs_objdump
def test_macos_deployment_target_reaches_the_object(tmp_path):
    triple = platforms.normalize("arm64-apple-macos", environ={"MACOSX_DEPLOYMENT_TARGET": "12.3"})
    assert triple == "arm64-apple-macosx12.3.0"
    path = tmp_path / "k.o"
    path.write_bytes(compile_file(os.path.join(FX_DIR, "debug_kernels.fx"), "k", Options(triple=triple)).object_code)
    assert "minos 12.3" in _run("llvm-objdump", "--macho", "--private-headers", str(path))


def test_macos_link_command():
    arm = platforms.normalize("arm64-apple-macos", environ={})
    assert platforms.link_command("cc", "m.o", "m.cpython-311-darwin.so", arm, environ={}) == [
        "cc", "-bundle", "-undefined", "dynamic_lookup", "-arch", "arm64", "-mmacosx-version-min=11.0",
        "-o", "m.cpython-311-darwin.so", "m.o"]
    intel = platforms.normalize("x86_64-apple-macos", environ={})
    cmd = platforms.link_command("clang", "m.o", "m.so", intel, b"pthread_create dlsym _ZGV",
                                 environ={"MACOSX_DEPLOYMENT_TARGET": "10.15"})
    assert cmd[cmd.index("-arch") + 1] == "x86_64" and "-mmacosx-version-min=10.15" in cmd
    assert not [a for a in cmd if a.startswith("-l")]        # libSystem has threads, dlopen and libm
    with pytest.raises(platforms.PlatformError, match="MACOSX_DEPLOYMENT_TARGET"):
        platforms.link_command("cc", "m.o", "m.so", arm, environ={"MACOSX_DEPLOYMENT_TARGET": "eleven"})


def test_linux_link_command_adds_libraries_the_object_needs():
    cmd = platforms.link_command("cc", "m.o", "m.so", AARCH64_LINUX, b"pthread_create dlsym")
    assert cmd == ["cc", "-shared", "-o", "m.so", "m.o", "-lm", "-lpthread", "-ldl"]


def test_extension_suffixes():
    assert platforms.ext_suffix("arm64-apple-macosx11.0.0", version=(3, 11)) == ".cpython-311-darwin.so"
    assert platforms.ext_suffix(AARCH64_LINUX, version=(3, 12)) == ".cpython-312-aarch64-linux-gnu.so"
    assert platforms.ext_suffix(AARCH64_LINUX, abi3=True) == ".abi3.so"
    # the host's, as CPython itself names it
    assert platforms.ext_suffix(platforms.host_triple()) == sysconfig.get_config_var("EXT_SUFFIX")


def test_target_names():
    assert platforms.normalize("aarch64-linux") == AARCH64_LINUX
    assert platforms.normalize("arm64-apple-macosx13.0.0") == "arm64-apple-macosx13.0.0"
    for bad, words in (("riscv64-unknown-linux-gnu", "x86_64 and aarch64"), ("x86_64-pc-windows-msvc", "Linux and macOS"),
                       ("arm64", "not a target triple")):
        with pytest.raises(platforms.PlatformError, match=words):
            platforms.normalize(bad)


def test_user_cache_root_per_platform():
    from fastext.importer.cache import user_cache_root
    home = os.path.expanduser("~")
    assert user_cache_root("darwin", {}) == os.path.join(home, "Library", "Caches", "fastext")
    assert user_cache_root("linux", {}) == os.path.join(home, ".cache", "fastext")
    assert user_cache_root("darwin", {"XDG_CACHE_HOME": "/x"}) == os.path.join("/x", "fastext")


def test_cli_target(tmp_path, capsys):
    from fastext.cli import main
    out = tmp_path / "k.o"
    assert main(["build", "--target", "aarch64-linux", "--emit", "obj", FX, "-o", str(out)]) == 0
    assert out.read_bytes()[:4] == b"\x7fELF" and out.read_bytes()[18] == 183     # e_machine EM_AARCH64
    assert main(["build", "--target", "arm64-apple-macos", FX]) == 2
    assert "--emit obj" in capsys.readouterr().err
    assert main(["build", "--target", "sparc-sun-solaris", "--emit", "obj", FX]) == 2
    assert "sparc-sun-solaris" in capsys.readouterr().err


def test_host_build_still_matches_plain_python():
    native, oracle = compiled(FX), interpreted(FX)
    x = np.linspace(-1, 1, 1001)
    assert native.dot(x, x[::-1]) == pytest.approx(oracle.dot(x, x[::-1]), rel=1e-12)
    assert native.parallel_sum(x) == pytest.approx(oracle.parallel_sum(x), abs=1e-12)
    a = np.arange(6.0).reshape(2, 3)
    np.testing.assert_allclose(native.product(a, a.T), oracle.product(a, a.T))
    assert native.elapsed(1000) >= 0.0
