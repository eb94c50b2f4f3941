# ARGS: 97
def smallest_factor(n: int) -> int:
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return n
    return d


def main(n: int) -> list[int]:
    out = []
    k = n
    while k > 1:
        f = smallest_factor(k)
        out.append(f)
        k //= f
    print(out, [smallest_factor(x) for x in (91, 97, 100, 2)])
    return out
