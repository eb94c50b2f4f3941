"""Per-partition kernels the cluster tests run on Dask and Ray workers (tests/test_clusters.py)."""
from fastext import f64


def scale_shift(block: f64[:], a: f64, b: f64) -> f64[:]:
    """a * block + b, as a new array (a Dask `map_blocks` function)."""
    out = block.copy()
    for i in range(len(out)):
        out[i] = a * out[i] + b
    return out


def total(block: f64[:]) -> f64:
    s = 0.0
    for i in range(len(block)):
        s += block[i]
    return s
