# Indexings inside `while` loops (FunctionLowering.wrap_index: one unsigned compare, the
# negative-index wrap in a cold block): Python's negative indices and IndexError at the right
# iteration, after the side effects before it.
import numpy as np
from fastext import f64, i64


def scan_up(a: list[f64], i: i64, pivot: f64) -> i64:
    while a[i] < pivot:
        i += 1
    return i


def scan_down(a: list[f64], j: i64, pivot: f64) -> i64:
    while a[j] > pivot:
        j -= 1
    return j


def partition(a: list[f64], lo: i64, hi: i64) -> list[f64]:
    i = lo
    j = hi
    pivot = a[(lo + hi) // 2]
    while i <= j:
        while a[i] < pivot:
            i += 1
        while a[j] > pivot:
            j -= 1
        if i <= j:
            a[i], a[j] = a[j], a[i]
            i += 1
            j -= 1
    return a


def fill_until(out: f64[:], k: i64, step: i64) -> i64:
    n = 0
    while True:
        out[k] = n       # stores before the failing one stay
        n += 1
        k += step


def chars(s: str, i: i64, step: i64) -> i64:
    total = 0
    while s[i] != "x":
        total += ord(s[i])
        i += step
    return total
