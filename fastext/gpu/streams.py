"""Streams, events and CUDA-graph capture.

On a GPU these are CUDA streams/events/graphs.  In emulation mode every operation happens at
once, in order: a Stream is a name for "now", an Event records the host clock, and a Graph
records the launches made while capturing and replays them on `launch()` (as on a GPU, the
captured launches do not run during capture).
"""
from __future__ import annotations

import threading
import time

from fastext.gpu import mode

_tls = threading.local()
active = 0   # graphs being captured in any thread: launches check the thread's own only when > 0


def _tls_graph():
    return getattr(_tls, "graph", None) if active else None


def capturing():
    """The Graph being captured in this thread, or None."""
    return getattr(_tls, "graph", None)


class Stream:
    """A CUDA stream (created with `Stream()`, or `Stream.external(handle)` for another library's).

    Launches on a stream are asynchronous: they take device arrays only (NumPy arrays raise a
    TypeError naming the parameter).  `synchronize()` waits for its work."""

    def __init__(self, non_blocking: bool = False, *, _handle=None, _owned: bool = True):
        self.emulated = mode.emulating() if _handle is None else False
        self._owned = _owned and _handle is None
        self._keep = []   # host buffers of queued async copies, released at synchronize()
        if self.emulated:
            self.handle = None
        elif _handle is not None:
            self.handle = _handle
        else:
            from fastext.gpu import driver

            self.handle = driver.stream_create(non_blocking)

    @classmethod
    def external(cls, handle) -> "Stream":
        """Wrap a stream another library owns (an int `cudaStream_t`, e.g. `cupy_stream.ptr` or
        `torch.cuda.current_stream().cuda_stream`); it is not destroyed by fastext."""
        from fastext.gpu import driver

        return cls(_handle=driver.stream_wrap(int(handle)), _owned=False)

    def __int__(self) -> int:
        return 0 if self.handle is None else int(self.handle)

    def synchronize(self) -> None:
        """Wait until all work queued on this stream has finished."""
        if self.handle is not None:
            from fastext.gpu import driver

            driver.stream_synchronize(self.handle)
        self._keep.clear()

    def wait(self, event: "Event") -> None:
        """Make later work on this stream wait for `event`."""
        if self.handle is not None and event.handle is not None:
            from fastext.gpu import driver

            driver.stream_wait_event(self.handle, event.handle)

    def record(self, event: "Event | None" = None) -> "Event":
        """Record `event` (a new one when None) on this stream; returns it."""
        event = Event() if event is None else event
        event.record(self)
        return event

    def __del__(self):
        if getattr(self, "_owned", False) and self.handle is not None:
            from fastext.gpu import driver

            driver.stream_destroy(self.handle)

    def __repr__(self) -> str:
        return "<fastext.gpu.Stream emulated>" if self.handle is None else f"<fastext.gpu.Stream 0x{int(self):x}>"


class Event:
    """A CUDA event: `record(stream)`, `synchronize()`, `query()`, `elapsed_time(end)` in ms."""

    def __init__(self, timing: bool = True):
        self.emulated = mode.emulating()
        self.timing = timing
        self._time = None
        if self.emulated:
            self.handle = None
        else:
            from fastext.gpu import driver

            self.handle = driver.event_create(timing)

    def record(self, stream: Stream | None = None) -> "Event":
        if self.handle is None:
            self._time = time.perf_counter()
        else:
            from fastext.gpu import driver

            driver.event_record(self.handle, None if stream is None else stream.handle)
        return self

    def synchronize(self) -> None:
        if self.handle is not None:
            from fastext.gpu import driver

            driver.event_synchronize(self.handle)

    def query(self) -> bool:
        """Whether the work before the record has finished."""
        if self.handle is None:
            return True
        from fastext.gpu import driver

        return driver.event_query(self.handle)

    def elapsed_time(self, end: "Event") -> float:
        """Milliseconds from this event to `end` (both recorded, timing enabled)."""
        if not (self.timing and end.timing):
            raise ValueError("elapsed_time needs events created with timing=True")
        if self.handle is None:
            if self._time is None or end._time is None:
                raise ValueError("elapsed_time needs both events recorded")
            return (end._time - self._time) * 1e3
        from fastext.gpu import driver

        return driver.event_elapsed_ms(self.handle, end.handle)

    def __del__(self):
        if getattr(self, "handle", None) is not None:
            from fastext.gpu import driver

            driver.event_destroy(self.handle)


class Graph:
    """A captured sequence of launches, replayed with `launch()`.

        with gpu.capture() as graph:
            step[grid, block](x, y)      # captured, not run
            other[grid, block](y)
        for _ in range(100):
            graph.launch()
        gpu.synchronize()

    Launches inside the `with` block without a stream go to the capture stream; they must take
    device arrays (a NumPy argument raises TypeError, as for any asynchronous launch)."""

    def __init__(self, stream: Stream | None = None):
        self.stream = stream
        self.emulated = mode.emulating()
        self._calls = []
        self._graph = self._exec = None
        self.captured = False

    def __enter__(self) -> "Graph":
        if _tls_graph() is not None:
            raise RuntimeError("a graph is already being captured in this thread")
        if self.captured:
            raise RuntimeError("this graph has been captured already")
        if self.stream is None:
            self.stream = Stream()
        if not self.emulated:
            from fastext.gpu import driver

            driver.capture_begin(self.stream.handle)
        global active
        _tls.graph = self
        active += 1
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        global active
        _tls.graph = None
        active -= 1
        self.captured = True
        if not self.emulated:
            from fastext.gpu import driver

            graph, exe = driver.capture_end(self.stream.handle)
            if exc_type is not None:
                driver.graph_destroy(graph, exe)
                return
            self._graph, self._exec = graph, exe

    def _record(self, call) -> None:
        self._calls.append(call)

    def launch(self, stream: Stream | None = None) -> None:
        """Run the captured launches (queued on `stream`, default: the legacy default stream)."""
        if not self.captured:
            raise RuntimeError("launch() a graph after its capture block has ended")
        if self.emulated:
            for call in self._calls:
                call()
            return
        from fastext.gpu import driver

        driver.graph_launch(self._exec, None if stream is None else stream.handle)

    def __len__(self) -> int:
        """Launches recorded (emulation only; 0 on a GPU, where the driver holds them)."""
        return len(self._calls)

    def __del__(self):
        if getattr(self, "_exec", None) is not None:
            from fastext.gpu import driver

            driver.graph_destroy(self._graph, self._exec)


def capture(stream: Stream | None = None) -> Graph:
    """`with gpu.capture() as graph:` — capture the launches of the block into a Graph."""
    return Graph(stream)


def synchronize() -> None:
    """Wait for all work on the device (no-op in emulation)."""
    if mode.state.resolved is False or (mode.state.resolved is None and not mode.emulating()):
        from fastext.gpu import driver

        driver.synchronize()
