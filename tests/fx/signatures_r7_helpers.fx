"""Functions with *args, keyword-only parameters and **extra that tests/fx/signatures_r7.fx imports."""


def total(*xs: float) -> float:
    s = 0.0
    for x in xs:
        s += x
    return s

def scaled(a: float, *, k: float, **extra: float) -> float:
    return a * k + len(extra)
