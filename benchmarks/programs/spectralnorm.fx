# The Benchmarks Game's spectral-norm, as its plain-Python entries write it.
from math import sqrt
from fastext import f64, i64


def eval_A(i: i64, j: i64) -> f64:
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_A_times_u(u: list[f64]) -> list[f64]:
    local_eval_A = eval_A
    return [sum([local_eval_A(i, j) * u_j for j, u_j in enumerate(u)]) for i in range(len(u))]


def eval_At_times_u(u: list[f64]) -> list[f64]:
    local_eval_A = eval_A
    return [sum([local_eval_A(j, i) * u_j for j, u_j in enumerate(u)]) for i in range(len(u))]


def eval_AtA_times_u(u: list[f64]) -> list[f64]:
    return eval_At_times_u(eval_A_times_u(u))


def main(n: i64) -> f64:
    u = [1] * n
    for dummy in range(10):
        v = eval_AtA_times_u(u)
        u = eval_AtA_times_u(v)
    vBv = vv = 0.0
    for ue, ve in zip(u, v):
        vBv += ue * ve
        vv += ve * ve
    result = sqrt(vBv / vv)
    print("%0.9f" % result)
    return result
