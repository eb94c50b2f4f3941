from fastext import f64


def total_of(x: f64[:]) -> f64:
    total = 0.0
    for i in range(len(x)):
        total += x[i]
    return totl


def scaled(x: f64, factor: f64) -> f64:
    return x * facter


def twice(x: f64) -> f64:
    return dubble(x)


def dobble(x: f64) -> f64:
    return 2.0 * x
