"""The CPU emulation of a kernel launch: what `gpu.thread_idx`, `gpu.syncthreads()` & co. mean
under plain Python.

Design (documented in docs/gpu.md, "Emulation mode"):

* Blocks run one after another, in grid order (x fastest).
* A kernel whose code never names `syncthreads` or a shuffle (checked once per kernel on its
  bytecode and on the device functions it reaches) runs each thread to completion in the calling
  thread: no barrier can be waited on, so the order of threads is not observable except
  through races, which CUDA leaves undefined as well.
* Any other kernel runs the threads of a block as Python threads.  `syncthreads()` is a block
  barrier that threads which returned from the kernel have left (as on sm_70+ hardware),
  shuffles are a warp-synchronous exchange among the live threads of the warp.  A thread
  stuck at a barrier longer than `BARRIER_TIMEOUT` seconds (divergent `syncthreads`) fails the
  launch with an error instead of hanging.
* `shared.array` returns, for all threads of a block, the same array per call site; fresh
  per block and poisoned (NaN for floats, 0xA5 bytes for integers) because CUDA shared memory
  starts uninitialised.
* Atomics hold one process-wide lock.
* An exception in a thread stops the launch and is re-raised in the launching thread, of the
  same type, its message naming the block and thread.
"""
from __future__ import annotations

import sys
import threading
import types

MAX_THREADS_PER_BLOCK = 1024
WARP_SIZE = 32
BARRIER_TIMEOUT = 60.0

_tls = threading.local()
_atomic_lock = threading.Lock()
_BARRIER_NAMES = frozenset({"syncthreads", "shfl", "shfl_down", "shfl_up", "shfl_xor"})


class EmulationError(RuntimeError):
    """A launch the emulator cannot carry out (a deadlock at a barrier, a divergent shuffle)."""


class _Abort(BaseException):
    """Unwinds the other threads of a block after one of them failed."""


def _state():
    try:
        return _tls.state
    except AttributeError:
        raise RuntimeError("gpu thread/block indices, syncthreads, shared arrays and shuffles exist only "
                           "inside a kernel launch (kernel[grid, block](...))") from None


class Dim3(tuple):
    """A (x, y, z) triple with `.x .y .z`."""

    __slots__ = ()

    def __new__(cls, x=1, y=1, z=1):
        return tuple.__new__(cls, (x, y, z))

    x = property(lambda self: self[0])
    y = property(lambda self: self[1])
    z = property(lambda self: self[2])

    def __repr__(self) -> str:
        return f"({self[0]}, {self[1]}, {self[2]})"


class _IndexReader:
    """`gpu.thread_idx` and friends: `.x .y .z` read the calling emulated thread's state."""

    __slots__ = ("_field", "_name")

    def __init__(self, field: str, name: str):
        self._field, self._name = field, name

    @property
    def x(self) -> int:
        return getattr(_state(), self._field)[0]

    @property
    def y(self) -> int:
        return getattr(_state(), self._field)[1]

    @property
    def z(self) -> int:
        return getattr(_state(), self._field)[2]

    def __repr__(self) -> str:
        return f"fastext.gpu.{self._name}"


thread_idx = _IndexReader("thread_idx", "thread_idx")
block_idx = _IndexReader("block_idx", "block_idx")
block_dim = _IndexReader("block_dim", "block_dim")
grid_dim = _IndexReader("grid_dim", "grid_dim")


def global_id(dim: int) -> int:
    """block_idx * block_dim + thread_idx along `dim` (0, 1 or 2)."""
    s = _state()
    return s.block_idx[dim] * s.block_dim[dim] + s.thread_idx[dim]


def lane_id() -> int:
    """The calling thread's lane in its warp (linear thread index % 32)."""
    return _state().linear % WARP_SIZE


def _not_threaded(what: str):
    return EmulationError(f"{what} reached in a launch emulated without threads: the kernel's code did not "
                          f"name it where the emulator looks (the kernel and the functions it reaches through its "
                          f"module's globals); call it as gpu.{what.partition('(')[0]}(...) there")


def syncthreads() -> None:
    """Block barrier: wait until every live thread of the block has arrived."""
    s = _state()
    if s.block is None:
        raise _not_threaded("syncthreads()")
    s.block.barrier.wait(s)


# -- shared memory ---------------------------------------------------------------------------

def _poisoned(shape, dtype):
    import numpy as np

    dtype = np.dtype(dtype)
    if dtype.kind in "fc":
        return np.full(shape, np.nan, dtype)
    arr = np.empty(shape, dtype)
    arr.view(np.uint8).fill(0xA5)
    return arr


class _Shared:
    """`gpu.shared.array(shape, dtype)`: block-shared storage, one array per call site."""

    def array(self, shape, dtype):
        from fastext.gpu.params import numpy_dtype
        from fastext.importer.interpreted import PyView

        s = _state()
        frame = sys._getframe(1)
        key = (frame.f_code, frame.f_lasti)
        store = s.shared
        found = store.get(key)
        if found is None:
            with s.shared_lock:
                found = store.get(key)
                if found is None:
                    np_dtype = numpy_dtype(dtype)
                    shape = tuple(shape) if isinstance(shape, tuple) else (shape,)
                    found = store[key] = PyView(_poisoned(shape, np_dtype))
        return found


shared = _Shared()


# -- atomics -------------------------------------------------------------------------------------

def atomic_add(arr, idx, val):
    """arr[idx] += val atomically; returns the old value."""
    with _atomic_lock:
        old = arr[idx]
        arr[idx] = old + val
        return old


def atomic_min(arr, idx, val):
    """arr[idx] = min(arr[idx], val) atomically; returns the old value."""
    with _atomic_lock:
        old = arr[idx]
        if val < old:
            arr[idx] = val
        return old


def atomic_max(arr, idx, val):
    """arr[idx] = max(arr[idx], val) atomically; returns the old value."""
    with _atomic_lock:
        old = arr[idx]
        if val > old:
            arr[idx] = val
        return old


def atomic_cas(arr, idx, expected, new):
    """If arr[idx] == expected: arr[idx] = new; atomically; returns the old value."""
    with _atomic_lock:
        old = arr[idx]
        if old == expected:
            arr[idx] = new
        return old


# -- warp shuffles ------------------------------------------------------------------------------

def _shuffle(value, source_of_lane):
    s = _state()
    lane = s.linear % WARP_SIZE
    if s.block is None:
        raise _not_threaded("a warp shuffle")
    warp = s.block.warps[s.linear // WARP_SIZE]
    return warp.exchange(s, lane, value, source_of_lane(lane))


def shfl_down(value, delta: int):
    """The value of lane (lane + delta); a lane past the warp keeps its own value."""
    return _shuffle(value, lambda lane: lane + delta)


def shfl_up(value, delta: int):
    """The value of lane (lane - delta); a lane before 0 keeps its own value."""
    return _shuffle(value, lambda lane: lane - delta)


def shfl_xor(value, mask: int):
    """The value of lane (lane ^ mask) (butterfly exchange)."""
    return _shuffle(value, lambda lane: lane ^ mask)


def shfl(value, src_lane: int):
    """The value of lane `src_lane`."""
    return _shuffle(value, lambda lane: src_lane)


# -- barriers ------------------------------------------------------------------------------------

class _Barrier:
    """A barrier among the live threads of a group; a thread that returns leaves it."""

    def __init__(self, block: "_Block", parties: int, what: str):
        self.block, self.live, self.what = block, parties, what
        self.arrived = 0
        self.generation = 0
        self.cond = block.cond

    def _release_if_complete(self):
        if self.arrived and self.arrived >= self.live:
            self.arrived = 0
            self.generation += 1
            self.cond.notify_all()

    def wait(self, s) -> None:
        with self.cond:
            self._check()
            generation = self.generation
            self.arrived += 1
            self._release_if_complete()
            while self.generation == generation:
                if not self.cond.wait(BARRIER_TIMEOUT):
                    self.block.fail(EmulationError(
                        f"{self.what} timed out after {BARRIER_TIMEOUT:g} s in block {s.block_idx!r}, thread "
                        f"{s.thread_idx!r}: threads of the block wait at different barriers (divergent "
                        f"syncthreads or shuffle)"), s)
                self._check()

    def leave(self) -> None:
        with self.cond:
            self.live -= 1
            self._release_if_complete()

    def _check(self):
        if self.block.failed:
            raise _Abort


class _Warp(_Barrier):
    def __init__(self, block, parties):
        super().__init__(block, parties, "a warp shuffle")
        self.slots = [None] * WARP_SIZE
        self.present = [False] * WARP_SIZE

    def exchange(self, s, lane, value, source):
        self.slots[lane] = value
        self.present[lane] = True
        self.wait(s)                      # every live lane has written its value
        result = self.slots[source] if 0 <= source < WARP_SIZE and self.present[source] else value
        self.wait(s)                      # every live lane has read before the slots are reused
        return result


class _Block:
    """The state shared by the threads of one block in threaded mode."""

    def __init__(self, nthreads: int):
        self.cond = threading.Condition()
        self.failed = False
        self.error = None
        self.barrier = _Barrier(self, nthreads, "syncthreads()")
        self.warps = [_Warp(self, min(WARP_SIZE, nthreads - w * WARP_SIZE))
                      for w in range((nthreads + WARP_SIZE - 1) // WARP_SIZE)]

    def fail(self, error, s) -> None:
        with self.cond:
            if not self.failed:
                self.failed = True
                self.error = (error, s.block_idx, s.thread_idx)
            self.cond.notify_all()
        raise _Abort

    def leave(self, linear: int) -> None:
        warp = self.warps[linear // WARP_SIZE]
        warp.present[linear % WARP_SIZE] = False   # a returned lane has no value to shuffle
        self.barrier.leave()
        warp.leave()


class _ThreadState:
    __slots__ = ("thread_idx", "block_idx", "block_dim", "grid_dim", "linear", "block", "shared",
                 "shared_lock")


def _uses_barriers(fn, seen=None) -> bool:
    """Whether `fn`, or a function it reaches through its globals, names a barrier or shuffle."""
    seen = set() if seen is None else seen
    fn = getattr(fn, "__wrapped__", fn)
    code = getattr(fn, "__code__", None)
    if code is None or code in seen:
        return False
    seen.add(code)
    names = set()
    stack = [code]
    while stack:
        c = stack.pop()
        names.update(c.co_names)
        stack.extend(k for k in c.co_consts if isinstance(k, types.CodeType))
    if names & _BARRIER_NAMES:
        return True
    glob = dict(getattr(fn, "__globals__", {}))
    for name, cell in zip(code.co_freevars, getattr(fn, "__closure__", None) or ()):
        try:
            glob[name] = cell.cell_contents
        except ValueError:   # an empty cell
            pass
    reached = [glob[n] for n in names if isinstance(glob.get(n), types.FunctionType)]
    for value in glob.values():   # `other.helper(...)` with `other` an imported module
        if isinstance(value, (types.ModuleType, types.SimpleNamespace)) and not getattr(value, "__name__", "").startswith(
                ("fastext", "numpy", "math")):
            reached += [f for f in (getattr(value, n, None) for n in names) if isinstance(f, types.FunctionType)]
    return any(_uses_barriers(f, seen) for f in reached)


def _enter(fn, args, s):
    _tls.state = s
    try:
        fn(*args)
    finally:
        del _tls.state


def _with_location(error: BaseException, block, thread) -> BaseException:
    where = f"(in block {block!r}, thread {thread!r} of the emulated launch)"
    try:
        new = type(error)(f"{error} {where}")
    except Exception:
        error.add_note(where)
        return error
    new.__cause__ = error
    return new


def _thread_indices(block):
    bx, by, bz = block
    return [Dim3(x, y, z) for z in range(bz) for y in range(by) for x in range(bx)]


def run(fn, grid: Dim3, block: Dim3, args: tuple, threaded: bool | None = None) -> None:
    """Emulate `fn[grid, block](*args)` (arguments already converted); blocks in order."""
    if _getattr_state() is not None:
        raise EmulationError("a kernel cannot launch another kernel (no dynamic parallelism in emulation)")
    if threaded is None:
        threaded = _uses_barriers(fn)
    threads = _thread_indices(block)
    if len(threads) > MAX_THREADS_PER_BLOCK:
        raise ValueError(f"emulation runs at most {MAX_THREADS_PER_BLOCK} threads per block, got {len(threads)}")
    gx, gy, gz = grid
    blocks = [Dim3(bx, by, bz) for bz in range(gz) for by in range(gy) for bx in range(gx)]
    if threaded:
        _run_threaded(fn, grid, block, blocks, threads, args)
    else:
        for bidx in blocks:
            _run_block_sequential(fn, grid, block, bidx, threads, args)


def _getattr_state():
    return getattr(_tls, "state", None)


def _new_state(grid, block, bidx, tidx, linear, blk, shared, lock):
    s = _ThreadState()
    s.grid_dim, s.block_dim, s.block_idx, s.thread_idx = grid, block, bidx, tidx
    s.linear, s.block, s.shared, s.shared_lock = linear, blk, shared, lock
    return s


def _run_block_sequential(fn, grid, block, bidx, threads, args):
    shared, lock = {}, threading.Lock()
    for linear, tidx in enumerate(threads):
        s = _new_state(grid, block, bidx, tidx, linear, None, shared, lock)
        try:
            _enter(fn, args, s)
        except Exception as e:
            raise _with_location(e, bidx, tidx) from None


def _run_threaded(fn, grid, block, blocks, threads, args):
    """One Python thread per thread of the block, reused for every block of the launch: a gate
    (threading.Barrier) between blocks swaps in the next block's barrier state and shared memory."""
    nthreads = len(threads)
    lock = threading.Lock()
    current = {"block": _Block(nthreads), "shared": {}}
    failure = []

    def next_block():
        blk = current["block"]
        if blk.error is not None and not failure:
            failure.append(blk.error)
        current["block"], current["shared"] = _Block(nthreads), {}

    gate = threading.Barrier(nthreads, action=next_block)

    def body(linear, tidx):
        for bidx in blocks:
            blk, shared = current["block"], current["shared"]
            s = _new_state(grid, block, bidx, tidx, linear, blk, shared, lock)
            try:
                _enter(fn, args, s)
            except _Abort:
                pass
            except BaseException as e:   # noqa: BLE001 - re-raised in the launching thread
                with blk.cond:
                    if not blk.failed:
                        blk.failed = True
                        blk.error = (e, bidx, tidx)
                    blk.cond.notify_all()
            else:
                blk.leave(linear)
            try:
                gate.wait()
            except threading.BrokenBarrierError:
                return
            if failure:
                return

    workers = [threading.Thread(target=body, args=(linear, tidx), daemon=True, name=f"fastext-gpu-emu-{tidx!r}")
               for linear, tidx in enumerate(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if failure:
        error, b, t = failure[0]
        raise _with_location(error, b, t) from None
