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
