"""Misuse of str parameters and their characters: each is a located error with a hint."""
from fastext import i64


def number(s: str) -> bool:
    return s[0] == 48


def whole(s: str) -> bool:
    return s < "abc"


def slicing(s: str) -> i64:
    t = s[1:]
    return len(t)


def arith(s: str) -> i64:
    return s[0] + 1


def returns_str(s: str) -> str:
    return s


def contains(s: str) -> bool:
    return s[0] in s
