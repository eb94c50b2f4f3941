from fastext import f64


def safe_div(a: f64, b: f64) -> f64:
    try:
        a = a / b
    except ZeroDivisionError:
        a = 0.0
    return a
