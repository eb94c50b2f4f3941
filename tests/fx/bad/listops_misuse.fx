from fastext import f64, i64


def tuple_of_list(n: i64) -> i64:
    xs = [1, 2]
    t = tuple(xs)
    return n


def key_not_function(xs: list[f64]) -> list[f64]:
    k = 2
    return sorted(xs, key=k)


def reverse_runtime(xs: list[f64], r: bool) -> list[f64]:
    return sorted(xs, reverse=r)


def list_vs_number(xs: list[f64]) -> bool:
    return xs == 1.0


def dict_order(n: i64) -> bool:
    d = {1: 2.0}
    return d < d


def set_with_list(n: i64) -> i64:
    s = {1, 2}
    t = s | [3]
    return n


def dict_minus(n: i64) -> i64:
    d = {1: 2.0}
    e = d - d
    return n


def chained(xs: list[i64], ys: list[i64]) -> bool:
    return xs < ys < 3


def struct_sort_key(n: i64) -> i64:
    xs = [1j, 2j]
    xs.sort()
    return n


def min_keyword(xs: list[f64]) -> f64:
    return min(xs, initial=0.0)


def sample_array(n: i64) -> i64:
    import random
    import numpy as np
    a = np.zeros(3)
    b = random.sample(a, 2)
    return n


def list_of_mixed_tuple(n: i64) -> i64:
    xs = list((1, [2]))
    return n


def min_array_key(a: f64[:]) -> f64:
    return min(a, key=abs)
