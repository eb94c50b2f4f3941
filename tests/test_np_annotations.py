"""NumPy's and typing's annotations (frontend/nptyping.py, annotations.py): code annotated for
mypy — `np.ndarray`, `npt.NDArray[np.float64]`, `NDArray[...]`, `np.ndarray[Any, np.dtype[...]]`,
`List[float]`, `Dict[int, int]`, `Tuple[...]` — compiles unchanged; each parameter's rank comes
from its use in the body, results from the returns."""
from __future__ import annotations

import ast
import os

import numpy as np
import pytest

import fxload
from test_np_lists import _same

PATH = os.path.join(fxload.FX_DIR, "np_annotations.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


R = np.random.default_rng(11)
CASES = [
    ("scale", (R.random(5), 2.0)), ("total", (R.random(5),)), ("matvec", (R.random((3, 4)), R.random(4))),
    ("row_sums", (R.random((3, 4)),)), ("col_means", (R.random((3, 4)),)), ("counts", (R.integers(0, 4, 20),)),
    ("split_pos", (R.normal(size=10),)), ("pairs", ([1.0, 2.0, 4.0],)), ("cube_sum", (R.random((2, 3, 4)),)),
    ("local", (R.random(6),)), ("image_blur", (R.random((5, 6)).astype(np.float32),)),
    ("nested_index", (R.random((2, 2)),)), ("shaped", (R.random((3, 2)),)), ("grid_rows", (R.random((3, 4)),)),
    ("zipped_rows", (R.random((3, 4)), R.random((3, 4)))), ("uses_helper", (R.random((4, 2)),)),
    ("fit_eval", (R.random((20, 3)), R.random(20))), ("centred_norms", (R.random((4, 3)),)),
]


@pytest.mark.parametrize("name,args", CASES, ids=[n for n, _ in CASES])
def test_like_python(both, name, args):
    _same(both, name, *args)


def test_ranks_and_dtypes_are_checked_at_the_call(both):
    """Python ignores the annotations; the compiled module says which parameter and what it takes."""
    compiled = both[0]
    with pytest.raises(ValueError, match=r"total\(\) argument 'a' must be f64\[:\] .*2-D"):
        compiled.total(np.ones((2, 2)))
    with pytest.raises(ValueError, match=r"scale\(\) argument 'a' must be f64\[:\]"):
        compiled.scale(np.arange(3), 2.0)


@pytest.mark.parametrize("body,rank", [
    ("return a[0]", 1), ("return a[i, j]", 2), ("return a[i][j][k]", 3), ("n, m = a.shape\n    return n", 2),
    ("return a.shape[2]", 3), ("return a.sum(axis=1)", 2), ("return np.mean(a, axis=-2)", 2),
    ("for row in a:\n        s = row[0]\n    return s", 2), ("for i, row in enumerate(a):\n        t = row.sum()\n    return t", 2),
    ("for x in a:\n        t = int(x)\n    return t", 1), ("return a[:, None, 0]", 2), ("return a[..., 0]", 1),
    ("return a[1:][2]", 1),
])
def test_rank_from_the_body(body, rank):
    from fastext.compiler.frontend.nptyping import infer_rank
    fn = ast.parse(f"def f(a, i, j, k):\n    {body}\n").body[0]
    assert infer_rank(fn, "a") == rank


def test_unsupported_numpy_typing_name_is_located(tmp_path):
    text = fxload.compile_error(tmp_path, "from numpy.typing import DTypeLike\n\n\ndef f(n: int) -> int:\n"
                                          "    return n\n")
    assert "bad_program.fx:1:26:" in text and "numpy.typing.DTypeLike is not supported" in text and "hint:" in text


def test_class_with_an_array_field_stays_inside(tmp_path):
    """A plain class holding an array (`self.w = w`) was an internal compiler error; it works
    inside compiled code (`fit_eval` above) and, like a class holding a list, is not returned to Python."""
    text = fxload.compile_error(tmp_path, "from fastext import f64\n\n\nclass Model:\n"
                                          "    def __init__(self, w: f64[:], b: float):\n        self.w = w\n"
                                          "        self.b = b\n\n\ndef make(w: f64[:]) -> Model:\n"
                                          "    return Model(w, 1.0)\n")
    assert "bad_program.fx:10:24:" in text and "hold containers, arrays or str values" in text and "hint:" in text


def test_rank_mismatch_hint_names_the_annotation(tmp_path):
    text = fxload.compile_error(tmp_path, "import numpy as np\n\n\ndef f(x: np.ndarray) -> float:\n"
                                          "    return float((x @ x).sum())\n\n\n"
                                          "def g(a: np.ndarray) -> float:\n    n, m = a.shape\n    return f(a)\n")
    assert "bad_program.fx:10:14:" in text and "annotate it `f64[:, :]`" in text
