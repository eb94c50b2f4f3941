"""`str` parameters with a default (`who: str = "world"`): from Python and from .fx calls."""
from fastext import i64

def greet(n: i64, who: str = "world", sep: str = "é\x00!") -> str:
    return f"{who}{sep}" * n

def count(s: str = "abcabc", c: str = "b") -> i64:
    k = 0
    for ch in s:
        if ch == c[0]:
            k += 1
    return k

def inner(n: i64) -> str:
    return greet(n) + greet(1, "x")

def total() -> i64:
    return count() + count("bbb")
