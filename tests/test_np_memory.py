"""Memory of array expressions in loops: a confined name's assignment recycles its site's two
buffers (bounded memory however many steps run), names that escape keep every value, and
overlapping stores go through a temporary that is freed at once (lower/reuse.py)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "np_memory.fx")


@pytest.fixture(scope="module")
def mods():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


@settings(max_examples=20, deadline=None)
@given(n=st.integers(0, 12), size=st.integers(3, 40), seed=st.integers(0, 2**32 - 1))
def test_recycled_and_escaping_names_match_numpy(mods, n, size, seed):
    native, oracle = mods
    x = np.random.default_rng(seed).standard_normal(size)
    assert np.isclose(native.steps(x, n), oracle.steps(x, n), rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(native.self_ref(x, n), oracle.self_ref(x, n), rtol=1e-12)
    for g, w in zip(native.escapes(x, n), oracle.escapes(x, n)):
        np.testing.assert_array_equal(g, w)
    assert native.escapes_by_view(x, n) == oracle.escapes_by_view(x, n)


def test_memory_stays_bounded_in_long_loops():
    """400 steps of a 4 MB result: without recycling the call would hold 1.6 GB."""
    script = textwrap.dedent(f"""
        import resource, sys
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        import fxload
        m = fxload.compiled({PATH!r})
        m.big_loop(2, 500_000)                      # warm: the module loaded, NumPy imported
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        assert m.big_loop(400, 500_000) == sum(range(400))
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(grown)
        assert grown < 200, grown
        assert m.__fastext_live_blocks__() == 0
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr + run.stdout


def test_a_returned_name_recycles_its_earlier_buffers(mods):
    """`y = np.zeros_like(x)`, then `y = y * x + c` 400 times, then `return y`: the return hands out
    only the last buffer, so the loop holds two buffers, not 400 (and the result is NumPy's)."""
    native, oracle = mods
    coeffs, x = np.linspace(-1, 1, 7), np.linspace(0, 1, 11)
    np.testing.assert_array_equal(native.horner_loop(coeffs, x), oracle.horner_loop(coeffs, x))
    script = textwrap.dedent(f"""
        import resource, sys
        import numpy as np
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        import fxload
        m = fxload.compiled({PATH!r})
        x = np.ones(500_000)
        m.horner_loop(np.ones(2), x)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        y = m.horner_loop(np.ones(400), x)
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        assert y[0] == 400.0 and grown < 200, grown
        del y
        assert m.__fastext_live_blocks__() == 0
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr + run.stdout


@settings(max_examples=15, deadline=None)
@given(n=st.integers(0, 9), size=st.integers(1, 30), seed=st.integers(0, 2**32 - 1))
def test_rotated_names_match_numpy(mods, n, size, seed):
    native, oracle = mods
    x = np.random.default_rng(seed).standard_normal(size)
    np.testing.assert_array_equal(native.rotate_swap(x, n), oracle.rotate_swap(x, n))
    for g, w in zip(native.rotate_names(x, n), oracle.rotate_names(x, n)):
        np.testing.assert_array_equal(g, w)


def test_rotated_names_recycle_their_buffers():
    """`prev, cur = cur, nxt` over 300 steps of 8 MB arrays: the group's site keeps four buffers
    (three names + one), not 300."""
    script = textwrap.dedent(f"""
        import resource, sys
        import numpy as np
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        import fxload
        m = fxload.compiled({PATH!r})
        x = np.ones(1_000_000)
        m.rotate_swap(x, 2), m.rotate_names(x, 2)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        y = m.rotate_swap(x, 300)
        z = m.rotate_names(x, 300)
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        assert grown < 100, grown
        del y, z
        assert m.__fastext_live_blocks__() == 0
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr + run.stdout


def test_overlapping_stores_free_their_temporaries(mods):
    """`u[1:-1] = u[:-2] + u[2:]` reads what it writes: a malloc'd temporary per step, freed at
    once (no arena block survives, and the result is NumPy's)."""
    native, _ = mods
    src = ("import numpy as np\nfrom fastext import f64\n\ndef smooth(u: f64[:], n: int) -> None:\n"
           "    for _ in range(n):\n        u[1:-1] = 0.5 * (u[:-2] + u[2:])\n")
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "smooth.fx")
        with open(path, "w") as f:
            f.write(src)
        m, p = fxload.compiled(path), fxload.interpreted(path)
        a = np.random.default_rng(0).standard_normal(50)
        b = a.copy()
        m.smooth(a, 30)
        p.smooth(b, 30)
        np.testing.assert_allclose(a, b, rtol=1e-14)
        assert m.__fastext_live_blocks__() == 0


@settings(max_examples=15, deadline=None)
@given(n=st.integers(0, 9), size=st.integers(1, 30), seed=st.integers(0, 2**32 - 1))
def test_rebound_parameters_and_temporaries_match_numpy(mods, n, size, seed):
    native, oracle = mods
    x = np.random.default_rng(seed).standard_normal(size)
    before = x.copy()
    np.testing.assert_array_equal(native.mask_steps(x, n), oracle.mask_steps(x, n))
    np.testing.assert_array_equal(x, before)         # the caller's array is never computed into
    assert native.masked_sums(x, n) == oracle.masked_sums(x, n)
    assert native.appended(x, n) == oracle.appended(x, n)


def test_stepping_a_parameter_and_temporaries_keep_memory_flat():
    """400 steps over 1,000,000 floats (8 MB): the rebound parameter and the temporaries a
    statement consumes (`np.sum(x[m])`, `np.sort(np.abs(x))`) recycle their buffers; before, each
    step left 8-16 MB in the call's arena (3+ GB in all)."""
    script = textwrap.dedent(f"""
        import resource, sys
        import numpy as np
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        import fxload
        m = fxload.compiled({PATH!r})
        x = np.linspace(-1.0, 1.0, 1_000_000)
        m.mask_steps(x, 2), m.masked_sums(x, 2)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        y = m.mask_steps(x, 400)
        m.masked_sums(x, 200)
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(grown)
        assert grown < 100, grown
        del y
        assert m.__fastext_live_blocks__() == 0
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr + run.stdout
