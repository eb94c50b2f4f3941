from fastext import f64, i64


def misc(x: f64[:], n: i64) -> f64:
    global counter
    del n
    s = f"{n}"
    v = [(x[i] for i in range(n))]
    return x[0]
