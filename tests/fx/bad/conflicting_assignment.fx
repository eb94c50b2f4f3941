from fastext import f64, i64


def total(x: f64[:]) -> f64:
    s = 0
    for i in range(len(x)):
        s = s + x[i]
    return x[s]         # s is an index too: it cannot become a float, as `t = 0; t += x` would
