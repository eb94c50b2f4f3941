import math
def is_prime(n: int) -> bool:
    if n < 2:
        return False
    return all(n % d for d in range(2, math.isqrt(n) + 1))

def goldbach(n: int):
    for p in range(2, n // 2 + 1):
        if is_prime(p) and is_prime(n - p):
            return p, n - p
    return None

def main(n: int):
    for k in range(4, n, 2):
        pair = goldbach(k)
        if pair:
            a, b = pair
            print(f"{k} = {a} + {b}")
    return n
# ARGS: 20
