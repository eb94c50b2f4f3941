"""Module-level containers (frontend/module_containers.py): built at import, shared by the
module's functions across calls, with Python's aliasing."""
from fastext import f64, i64

SCALE = 2.0
A = [1.0, 2.0, 3.0]
B = [A, A, [SCALE, 0.5]]            # B[0] and B[1] are A itself
T = (A, [4, 5, 6], 7.5)
COUNTS = [0, 0]
STACK = [10, 20, 30, 40]
SQUARES = [i * i for i in range(6)]
CFG = {"a": ([1.0, 2.0], 1.5), "b": ([3.0], 2.5), "c": ([4.0, 5.0, 6.0], 0.5)}
ITEMS = list(CFG.values())


def pairs(xs):
    out = []
    for i in range(len(xs) - 1):
        for y in xs[i + 1:]:
            out.append((xs[i], y))
    return out


PAIRS = pairs(ITEMS)


def bump_alias(x: f64) -> f64:
    """Writes through B[1], reads through A and T: one list under three names."""
    B[1][0] += x
    return A[0] + T[0][0]


def tick() -> i64:
    COUNTS[0] += 1
    COUNTS[1] += COUNTS[0]
    return COUNTS[1]


def pop_one() -> i64:
    return STACK.pop()


def stack_len() -> i64:
    return len(STACK)


def square_sum() -> i64:
    s = 0
    for q in SQUARES:
        s += q
    return s


def scale_cfg(key: i64, f: f64) -> f64:
    ref = CFG["a"] if key == 0 else CFG["c"]
    (xs, w) = ref
    for i in range(len(xs)):
        xs[i] *= f
    total = 0.0
    for (ys, v) in CFG.values():
        total += sum(ys) * v
    return total


def pair_report() -> f64:
    """Reads through PAIRS the lists scale_cfg changed through CFG."""
    e = 0.0
    for ((x1, w1), (x2, w2)) in PAIRS:
        e += x1[0] * w2 - x2[0] * w1
    for (xs, w) in ITEMS:
        e += xs[-1] * w
    print("%.6f" % e)
    return e


def local_lists(n: i64) -> f64:
    """Lists made during a call, of types no module container holds, grow freely."""
    ys = []
    for i in range(n):
        ys.append(i * 0.5)
    m = [[y] for y in ys]
    return sum(ys) + len(m)


def first_of_t() -> i64:
    (xs, ints, z) = T
    ints[1] += 1
    return ints[0] + ints[1] + len(xs)
