"""`np.einsum` in `.fx` code (docs/numpy-linalg.md, "Einstein summation"): tests/fx/np_einsum.fx
compiled and compared with the same file run by NumPy — values (within rounding: NumPy's einsum
sums in its own order), shapes, dtypes and scalar types — over contiguous, transposed, strided,
reversed and empty operands; which forms run as matrix products; NumPy's run-time errors; and
the misuses that are located compile errors."""
from __future__ import annotations

import textwrap
import warnings

import numpy as np
import pytest

import fxload
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source, typed_ir_file

PATH = f"{fxload.FX_DIR}/np_einsum.fx"
rng = np.random.default_rng(7)


def f(*shape):
    return rng.standard_normal(shape)


def c(*shape):
    return f(*shape) + 1j * f(*shape)


def i(dtype, *shape, lo=-9, hi=10):
    return rng.integers(lo, hi, shape).astype(dtype)


def bools(*shape):
    return rng.random(shape) > 0.5


# name -> argument sets (each run as given: C-contiguous, transposed, strided, reversed, empty)
ARGS = {
    "matmul": [(f(3, 4), f(4, 5)), (f(4, 3).T, f(5, 4).T), (f(3, 8)[:, ::2], f(4, 5)[::-1]), (f(0, 4), f(4, 2)),
               (f(3, 0), f(0, 2))],
    "matmul_implicit": [(f(3, 4), f(4, 5))],
    "matmul_spaced": [(f(2, 3), f(3, 2))],
    "matmul_out_t": [(f(3, 4), f(4, 5))],
    "at_b": [(f(4, 3), f(4, 5)), (f(3, 4).T, f(4, 5))],
    "a_bt": [(f(3, 4), f(5, 4))],
    "matvec": [(f(3, 4), f(4)), (f(4, 3).T, f(8)[::2])],
    "vecmat": [(f(3), f(3, 4))],
    "matvec_t": [(f(4, 3), f(4))],
    "dot": [(f(7), f(7)), (f(14)[::2], f(7)[::-1]), (f(0), f(0))],
    "dot_implicit": [(f(5), f(5))],
    "batched": [(f(2, 3, 4), f(2, 4, 5)), (f(2, 4, 3).transpose(0, 2, 1), f(2, 4, 5))],
    "batched_moved": [(f(3, 2, 4), f(4, 2, 5))],
    "matmul_f32": [(f(3, 4).astype(np.float32), f(4, 5).astype(np.float32))],
    "matmul_c128": [(c(3, 4), c(4, 2))],
    "matmul_i32": [(i(np.int32, 3, 4), i(np.int32, 4, 5))],
    "matmul_mixed": [(i(np.int32, 3, 4), f(4, 5).astype(np.float32))],
    "dot_bool": [(bools(6), bools(6)), (np.zeros(3, bool), bools(3))],
    "matmul_views": [(f(4, 6), f(3, 6))],
    "trace": [(f(4, 4),), (f(6, 6)[::2, ::-2],), (f(0, 0),)],
    "trace_i32": [(i(np.int32, 5, 5),)],
    "diagonal": [(f(4, 4),), (f(4, 4).T,)],
    "diagonal3": [(f(3, 3, 3),)],
    "partial_diagonal": [(f(3, 4, 3),)],
    "transpose": [(f(3, 4),)],
    "transpose_implicit": [(f(3, 4),)],
    "identity": [(f(3, 4),)],
    "rows": [(f(3, 4),), (f(4, 3).T,), (f(3, 0),)],
    "cols": [(f(3, 4),), (f(6, 8)[::2, ::-2],)],
    "total": [(f(2, 3, 4),), (f(4, 3, 2).T,)],
    "middle": [(f(2, 3, 4),)],
    "permute3": [(f(2, 3, 4),)],
    "rows_i8": [(i(np.int8, 3, 40, lo=0, hi=120),)],
    "rows_u8": [(i(np.uint8, 3, 40, lo=0, hi=250),)],
    "any_bool": [(bools(4, 5),), (np.zeros((3, 2), bool),)],
    "cols_c64": [(c(3, 4).astype(np.complex64),)],
    "hadamard": [(f(3, 4), f(3, 4)), (f(4, 3).T, f(3, 8)[:, ::2])],
    "row_dots": [(f(3, 4), f(3, 4)), (f(3, 4), f(1, 4))],
    "frobenius": [(f(3, 4), f(3, 4))],
    "trace_of_product": [(f(3, 4), f(4, 3))],
    "outer": [(f(3), f(4))],
    "outer_implicit_order": [(f(3), f(4))],
    "scale_rows": [(f(3, 4), f(3))],
    "batched_matvec": [(f(2, 3, 4), f(2, 4))],
    "tensordot": [(f(2, 3, 4), f(3, 5)), (f(4, 3, 2).T, f(5, 3).T)],
    "two_summed": [(f(2, 3, 4), f(3, 4, 2))],
    "with_diagonal": [(f(3, 3), f(3))],
    "sum_only_left": [(f(3, 4), f(4, 5))],
    "chain3": [(f(3, 4), f(4, 5), f(5, 2))],
    "bilinear": [(c(3), c(3, 4), c(4))],
    "triple_hadamard": [tuple(f(9).astype(np.float32) for _ in range(3))],
    "mixed_i8_f32": [(i(np.int8, 3, 4), f(3, 4).astype(np.float32))],
    "int_wraps": [(i(np.int8, 4, lo=50, hi=120), i(np.int8, 3, lo=50, hi=120))],
    "complex_rows": [(c(3, 4), c(3, 4))],
    "uppercase": [(f(3, 4), f(4, 5))],
    "of_expressions": [(f(3, 4), np.abs(f(3, 4)))],
    "in_a_loop": [(f(3, 4, 4), f(4))],
}
CASES = [(name, k) for name, sets in ARGS.items() for k in range(len(sets))]


def _check(name, got, want):
    assert type(got) is type(want), (name, type(got), type(want))
    g, w = np.asarray(got), np.asarray(want)
    assert g.dtype == w.dtype and g.shape == w.shape, (name, g.dtype, w.dtype, g.shape, w.shape)
    if w.dtype.kind in "fc":
        rtol = 2e-5 if w.dtype in (np.float32, np.complex64) else 1e-12
        np.testing.assert_allclose(g, w, rtol=rtol, atol=1e-12 if rtol < 1e-6 else 1e-5, err_msg=name)
    else:
        assert np.array_equal(g, w), (name, g, w)


@pytest.mark.parametrize("name,k", CASES)
def test_einsum_matches_numpy(name, k):
    args = ARGS[name][k]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        want = getattr(fxload.interpreted(PATH), name)(*[a.copy() for a in args])
    got = getattr(fxload.compiled(PATH), name)(*args)
    _check(name, got, want)


def test_every_function_is_tested():
    assert set(fxload.exported(PATH)) == set(ARGS)


def test_matrix_product_forms_run_as_products():
    """The forms that are matrix products call the BLAS-backed product (`@`'s); others do not."""
    text = typed_ir_file(PATH)
    bodies = {part.split("(", 1)[0]: part for part in text.split("\ndef ")[1:]}
    for name in ("matmul", "matmul_implicit", "matmul_out_t", "at_b", "a_bt", "matvec", "vecmat", "matvec_t", "dot",
                 "batched", "batched_moved", "matmul_f32", "matmul_c128", "matmul_i32", "matmul_mixed",
                 "matmul_views", "uppercase"):
        assert "@linalg.matmul(" in bodies[name], (name, bodies[name])
    for name in ("hadamard", "row_dots", "trace_of_product", "tensordot", "chain3", "sum_only_left", "batched_matvec"):
        assert "@linalg.matmul(" not in bodies[name], (name, bodies[name])
    assert "axis=(1, 2)" in bodies["chain3"] and "@np.multiply" in bodies["chain3"]
    assert "@array.combine_axes" in bodies["diagonal"]


def _error(fn, *args):
    try:
        fn(*args)
    except ValueError as e:
        return type(e).__name__
    return None


@pytest.mark.parametrize("name,args", [
    ("matmul", (f(3, 4), f(5, 2))),
    ("hadamard", (f(3, 4), f(3, 5))),
    ("trace", (f(3, 4),)),
    ("diagonal3", (f(3, 3, 4),)),
    ("with_diagonal", (f(3, 3), f(4))),
    ("chain3", (f(3, 4), f(4, 5), f(6, 2))),
])
def test_shape_mismatches_raise_numpys_value_error(name, args):
    assert _error(getattr(fxload.interpreted(PATH), name), *args) == "ValueError"
    assert _error(getattr(fxload.compiled(PATH), name), *args) == "ValueError"


def test_collapsed_dimensions_message_is_numpys():
    with pytest.raises(ValueError) as want:
        fxload.interpreted(PATH).trace(f(3, 4))
    with pytest.raises(ValueError) as got:
        fxload.compiled(PATH).trace(f(3, 4))
    assert str(got.value) == str(want.value)


def test_views_of_the_operand_share_its_memory():
    """One operand without a sum is a view, as NumPy returns (the result of a returned view of a
    parameter is the compiled module's copy, its values the same)."""
    a = f(3, 3)
    assert np.array_equal(fxload.compiled(PATH).diagonal(a), np.diagonal(a))
    assert np.array_equal(fxload.compiled(PATH).transpose(a), a.T)


HEADER = "import numpy as np\nfrom fastext import f64, i64\n\n\n"


@pytest.mark.parametrize("body,message,where", [
    ("def f(a: f64[:, :]) -> f64:\n    return np.einsum('...ii', a)\n", "'...' (broadcasting with an ellipsis)",
     (6, 22)),
    ("def f(a: f64[:, :], b: f64[:, :]) -> f64:\n    return np.einsum('ij->', a, b)\n",
     "more operands provided to einstein sum function", (6, 22)),
    ("def f(a: f64[:, :]) -> f64:\n    return np.einsum('ij,jk->', a)\n",
     "fewer operands provided to einstein sum function", (6, 22)),
    ("def f(a: f64[:, :]) -> f64:\n    return np.einsum('ijk->', a)\n",
     "has 3 subscripts for operand 0, which has 2 dimensions", (6, 22)),
    ("def f(a: f64[:, :]) -> f64[:]:\n    return np.einsum('i1->i', a)\n", "invalid subscript '1'", (6, 22)),
    ("def f(a: f64[:, :]) -> f64[:, :]:\n    return np.einsum('ij->ii', a)\n", "output subscript 'i' multiple times",
     (6, 22)),
    ("def f(a: f64[:, :]) -> f64[:]:\n    return np.einsum('ij->k', a)\n", "output subscript 'k' which never appeared",
     (6, 22)),
    ("def f(a: f64[:, :]) -> f64:\n    return np.einsum('ij->->', a)\n", "one '->'", (6, 22)),
    ("def f(a: f64[:, :], s: str) -> f64:\n    return np.einsum(s, a)\n", "subscripts as a constant string", (6, 22)),
    ("def f(a: f64[:, :]) -> f64:\n    return np.einsum('i', 2.0)\n", "operand 0 must be an array", (6, 27)),
    ("def f(a: f64[:, :]) -> f64:\n    return np.einsum('ii')\n", "No input operands", (6, 12)),
    ("def f(a: f64[:, :]) -> f64[:, :]:\n    return np.einsum('ij', a, out=a)\n", "no parameter `out`", (6, 35)),
])
def test_misuse_is_a_located_compile_error(body, message, where):
    with pytest.raises(CompileError) as info:
        compile_source(HEADER + body, "misuse.fx", "misuse")
    d = info.value.diagnostics[0]
    assert message in d.message, d.message
    assert str(d.span) == "misuse.fx:%d:%d" % where, str(d.span)
    assert d.hint


def test_einsum_in_gpu_kernels_is_a_located_error():
    source = HEADER.replace("i64\n", "i64, gpu\n") + textwrap.dedent("""
        @gpu.kernel
        def k(a: f64[:, :], out: f64[:]) -> None:
            out[0] = np.einsum('ii', a)
        """)
    with pytest.raises(CompileError) as info:
        compile_source(source, "kernel.fx", "kernel")
    d = info.value.diagnostics[0]
    assert (d.span.line, d.span.col) == (8, 13) and d.message.startswith("np.einsum is not supported in GPU code")
