"""Golden typed IR (`fastext build --emit typed-ir`) of the array language's constructs, and the
registry's own consistency: every spelling resolves, flags agree with each other, and the
docs table is the one the registry generates.

Regenerate the goldens after an intended change with FASTEXT_UPDATE_GOLDEN=1 and review the diff.
"""
from __future__ import annotations

import glob
import os

import pytest

import fxload
from fastext.compiler import ops
from fastext.compiler.driver import typed_ir_file

GOLDEN_DIR = os.path.join(fxload.FX_DIR, "typed_ir")
FILES = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(GOLDEN_DIR, "*.fx")))
UPDATE = os.environ.get("FASTEXT_UPDATE_GOLDEN", "") not in ("", "0")


@pytest.mark.parametrize("name", FILES)
def test_golden_typed_ir(name):
    text = typed_ir_file(os.path.join(GOLDEN_DIR, f"{name}.fx"))
    expected = os.path.join(GOLDEN_DIR, f"{name}.expected")
    if UPDATE or not os.path.exists(expected):
        with open(expected, "w", encoding="utf-8") as f:
            f.write(text)
        if not UPDATE:
            pytest.fail(f"wrote missing golden file {expected}; review it")
    with open(expected, encoding="utf-8") as f:
        assert text == f.read()


def test_cli_emits_typed_ir(tmp_path, capsys):
    from fastext.cli import main
    assert main(["build", os.path.join(GOLDEN_DIR, "array_language.fx"), "--emit", "typed-ir"]) == 0
    out = capsys.readouterr().out
    assert "map[f64[:, :]](x[:, None], y[None, :]) { @np.subtract(%0, %1): f64 }" in out


def test_registry_is_consistent():
    ops._load()
    for name, op in ops.REGISTRY.items():
        assert op.name == name
        for s in op.spellings:
            assert ops.by_spelling(s) is op
        if op.writes:
            assert not op.pure, f"{name} writes an argument but is marked pure"
        if any(s.startswith(("numpy.", "ndarray.")) for s in op.spellings):
            assert op.signature and op.check is not None, f"{name} is callable from NumPy code without a signature"


def test_unknown_numpy_names_get_close_matches():
    assert "numpy.sqrt" in ops.close_to("numpy.sqrtt")
    assert "numpy.cumsum" in ops.close_to("numpy.cumsun")


def test_docs_table_is_generated_from_the_registry():
    from fastext.compiler.ops.docs import replace_in
    path = os.path.join(fxload.REPO, "docs", "language.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert replace_in(text) == text, "run `python -m fastext.compiler.ops.docs --write`"
