"""Differences the program fuzzer found, kept as regressions (tests/test_fuzz_findings.py)."""
import math

from fastext import f64, i64, u64


def mod(a: i64, b: i64) -> i64:
    return a % b


def floordiv(a: i64, b: i64) -> i64:
    return a // b


def floor_of_int(a: i64) -> i64:
    return math.floor(a) + math.ceil(a) - math.trunc(a)


def floor_of_u64(a: u64) -> u64:
    return math.floor(a)


def int_by_float(a: i64, b: i64) -> f64:
    return a / float(b)


def float_by_int(x: f64, b: i64) -> f64:
    return x / b
