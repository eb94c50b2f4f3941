"""Templates in another .fx module, used by funcvals.fx (calls across modules)."""


def _mean_of(f, a, b):
    return (f(a) + f(b)) / 2.0
