"""Plain Python on top of the compiled kernels."""
from array import array

from wheelpkg.vecmath import moments


def _vector(values) -> array:
    return values if isinstance(values, array) and values.typecode == "d" else array("d", values)


def describe(values) -> dict[str, float]:
    """Count, mean, standard deviation, min and max of a sequence of numbers."""
    x = _vector(values)
    mean, var = moments(x)
    return {"n": len(x), "mean": mean, "std": var ** 0.5, "min": min(x), "max": max(x)}


def zscores(values) -> list[float]:
    """(x - mean) / std for each value."""
    x = _vector(values)
    mean, var = moments(x)
    std = var ** 0.5
    return [(v - mean) / std for v in x]
