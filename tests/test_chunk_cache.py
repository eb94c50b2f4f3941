"""Arena chunks freed by one call are reused by the next (lower/chunkcache.py): results stay
right, threads calling at once share the cache safely, and no block is left live."""
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

import fxload

PATH = os.path.join(fxload.FX_DIR, "chunks.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def test_reused_chunks_give_the_same_results(both):
    compiled, interpreted = both
    # 30,000 three-item lists: far more chunks than the cache keeps, then fewer, then more
    for n in (30_000, 10, 5_000, 30_000, 0, 1):
        assert compiled.many_small(n) == interpreted.many_small(n)
        assert compiled.small_then_array(n) == interpreted.small_then_array(n)
    assert compiled.__fastext_live_blocks__() == 0


def test_threads_share_the_cache(both):
    compiled, interpreted = both
    sizes = [20_000, 3, 7_000, 15_000] * 8
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(compiled.many_small, sizes))
    assert got == [interpreted.many_small(n) for n in sizes]
    assert compiled.__fastext_live_blocks__() == 0


def _fork_and_call(compiled, expect: int, timeout: float = 10.0) -> int:
    """Fork; the child calls compiled code and exits 0 when the result is right.  The child's
    exit code, or -1 when it hung (killed after `timeout` seconds)."""
    import signal
    import time
    import warnings
    with warnings.catch_warnings():      # Python 3.12 warns of fork() in a process with threads
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:
        try:
            ok = compiled.many_small(3_000) == expect and compiled.many_small(30_000) > 0
        finally:
            os._exit(0 if ok else 3)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return -1
        time.sleep(0.005)


def _lock_word(compiled):
    """The module's chunk-cache lock (`fx$chunks.lock`, a local symbol of the shared object) as a
    ctypes int, found from the symbol table: the test plays a thread that holds it at fork()."""
    import ctypes
    import shutil
    import subprocess
    if shutil.which("nm") is None:
        pytest.skip("no nm to read the module's symbol table")
    table = subprocess.run(["nm", compiled.__file__], capture_output=True, text=True, check=True).stdout
    symbols = {parts[2]: int(parts[0], 16) for parts in (line.split() for line in table.splitlines())
               if len(parts) == 3}
    init = "PyInit_" + compiled.__name__
    lib = ctypes.CDLL(compiled.__file__)           # the loaded object again (dlopen's handle)
    base = ctypes.cast(getattr(lib, init), ctypes.c_void_p).value - symbols[init]
    return ctypes.c_int32.from_address(base + symbols["fx$chunks.lock"])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_fork_while_another_thread_holds_the_lock(both):
    compiled, interpreted = both
    expect = interpreted.many_small(3_000)
    compiled.many_small(30_000)          # chunks in the cache, so the child pops and pushes
    lock = _lock_word(compiled)
    assert lock.value == 0
    lock.value = os.getpid()             # "a thread of this process is inside a push"
    try:
        code = _fork_and_call(compiled, expect)
    finally:
        lock.value = 0
    assert code == 0, "the forked child deadlocked on the chunk cache's lock" if code == -1 else code
    assert compiled.many_small(3_000) == expect


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
def test_fork_while_threads_run_compiled_code(both):
    import threading
    compiled, interpreted = both
    expect = interpreted.many_small(3_000)
    stop = threading.Event()

    def work():
        while not stop.is_set():
            compiled.many_small(200)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        codes = [_fork_and_call(compiled, expect) for _ in range(40)]
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert codes == [0] * 40
    assert compiled.__fastext_live_blocks__() == 0
