# ARGS: 100
def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_A_times_u(u):
    local_eval_A = eval_A
    return [sum([local_eval_A(i, j) * u_j for j, u_j in enumerate(u)]) for i in range(len(u))]


def eval_At_times_u(u):
    local_eval_A = eval_A
    return [sum([local_eval_A(j, i) * u_j for j, u_j in enumerate(u)]) for i in range(len(u))]


def eval_AtA_times_u(u):
    return eval_At_times_u(eval_A_times_u(u))


def main(n: int) -> float:
    u = [1] * n
    for dummy in range(10):
        v = eval_AtA_times_u(u)
        u = eval_AtA_times_u(v)
    vBv = vv = 0
    for ue, ve in zip(u, v):
        vBv += ue * ve
        vv += ve * ve
    r = (vBv / vv) ** 0.5
    print("%0.9f" % r)
    return r
