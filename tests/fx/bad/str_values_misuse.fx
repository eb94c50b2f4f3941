from fastext import f64, i64


def concat_number(n: i64) -> str:
    return "n = " + n


def subtract(s: str) -> str:
    return s - "x"


def hex_of_float(x: f64) -> str:
    return hex(x)


def unknown_method(n: i64) -> str:
    s = str(n)
    return s.frobnicate()


def bad_keyword(n: i64) -> None:
    print(n, colour="red")


def order_with_number(n: i64) -> bool:
    s = str(n)
    return s < 3


def into_array(a: f64[:]) -> None:
    a[0] = "1.5"


def chained(n: i64) -> bool:
    s = str(n)
    return "0" < s < 9


def str_into_float(n: i64) -> f64:
    s = str(n)
    x: f64 = s
    return x

