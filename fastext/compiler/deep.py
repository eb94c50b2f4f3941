"""Deeply nested sources: the compiler's recursive walks on a thread with a big stack.

The front end, the verifier and the lowering walk the program recursively, one Python
frame or a few per level of nesting, so a source CPython's own parser accepts -- an `elif`
chain of a few thousand branches, `return x + x + …` with thousands of terms, which nest
as deep as ~3,000 levels under CPython 3.11/3.12's default limits and ~10,000 under 3.13's
-- would overflow the interpreter's recursion limit (1,000 frames).  Rewriting every walk
as a loop with an explicit stack would touch every pass and make each harder to read;
instead `call` runs a stage normally and, only if it hits the recursion limit, runs it
again on a fresh thread whose C stack and recursion limit are sized from the depth of the
source (what CPython's parser accepted bounds that depth).  Ordinary sources never pay for
it, and the recursion limit is raised only while such a thread runs (under a lock, so two
deep compiles never race on the interpreter-wide setting).

Sizing (measured, see tests/test_deep_sources.py): the deepest chain costs under 16 Python
frames per level of AST nesting; the thread gets `FRAMES_PER_LEVEL` frames and
`STACK_PER_LEVEL` bytes of C stack per level (virtual memory: only the pages touched are
committed).  A source deeper than even that (a recursion limit raised far past the default
before parsing) gets a located "too deeply nested" error, never a traceback.
"""
from __future__ import annotations

import ast
import sys
import threading

FRAMES_PER_LEVEL = 40           # Python frames per level of AST nesting (measured need: < 16)
STACK_PER_LEVEL = 96 * 1024     # bytes of C stack per level of nesting (generous: C-level recursion
#                                 through generators, dataclass helpers and llvmlite calls)
BASE_FRAMES = 10_000
BASE_STACK = 64 * 1024 * 1024
MAX_STACK = 4 * 1024 * 1024 * 1024 - 4096   # what 64-bit Linux accepts for a thread stack, comfortably

_lock = threading.Lock()


class TooDeep(Exception):
    """Even the deep-stack retry ran out of recursion: `node` is the deepest point of the source."""

    def __init__(self, depth: int, node: ast.AST | None):
        super().__init__(f"nested {depth} levels deep")
        self.depth, self.node = depth, node


def ast_depth(tree: ast.AST) -> tuple[int, ast.AST | None]:
    """(the nesting depth of `tree`, its deepest node), found without recursion."""
    best, deepest = 0, None
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > best and hasattr(node, "lineno"):    # not `Load()` & co.: they have no place
            best, deepest = depth, node
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return best, deepest


def call(fn, depth_of, *args, **kwargs):
    """`fn(*args, **kwargs)`; if it exceeds the recursion limit, again on a deep stack.

    `depth_of()` gives (depth, deepest node) of the source being compiled (called only
    when the retry is needed).  Raises `TooDeep` if the retry too runs out of recursion.
    """
    try:
        return fn(*args, **kwargs)
    except RecursionError:
        pass
    depth, node = depth_of()
    try:
        return run_deep(depth, fn, *args, **kwargs)
    except RecursionError:
        raise TooDeep(depth, node) from None


def run_deep(depth: int, fn, *args, **kwargs):
    """`fn(*args, **kwargs)` on a thread sized for `depth` levels of nesting; its result or exception."""
    depth = max(depth, 1)
    frames = BASE_FRAMES + FRAMES_PER_LEVEL * depth
    stack = min(MAX_STACK, BASE_STACK + STACK_PER_LEVEL * depth)
    return _on_thread(frames, stack, fn, *args, **kwargs)


def run_fresh(fn, *args, **kwargs):
    """`fn(*args, **kwargs)` at the bottom of a new thread's stack, under the current recursion limit:
    what CPython's parser accepts when a file is run or imported from the top level."""
    return _on_thread(None, None, fn, *args, **kwargs)


def _on_thread(frames: int | None, stack: int | None, fn, *args, **kwargs):
    outcome: dict[str, object] = {}

    def target():
        try:
            outcome["value"] = fn(*args, **kwargs)
        except BaseException as e:  # noqa: BLE001 - handed to the calling thread as is
            outcome["error"] = e

    with _lock:
        old_limit = sys.getrecursionlimit()
        old_stack = threading.stack_size()
        try:
            if stack is not None:
                threading.stack_size(stack)
            if frames is not None:
                sys.setrecursionlimit(max(old_limit, frames))   # before the thread starts: it reads the limit
            worker = threading.Thread(target=target, name="fastext-deep-compile", daemon=True)
            worker.start()
        finally:
            threading.stack_size(old_stack)
        try:
            worker.join()
        finally:
            sys.setrecursionlimit(old_limit)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
