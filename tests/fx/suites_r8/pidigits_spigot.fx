# ARGS: 60
def pi_digits(n: int) -> list[int]:
    # Rabinowitz and Wagon's spigot: every value stays far below 2**63 for small n.
    size = n * 10 // 3 + 1
    a = [2] * size
    digits = []
    nines = 0
    predigit = 0
    for j in range(n):
        q = 0
        for i in range(size, 0, -1):
            x = 10 * a[i - 1] + q * i
            a[i - 1] = x % (2 * i - 1)
            q = x // (2 * i - 1)
        a[0] = q % 10
        q = q // 10
        if q == 9:
            nines += 1
        elif q == 10:
            digits.append(predigit + 1)
            for _ in range(nines):
                digits.append(0)
            predigit = 0
            nines = 0
        else:
            if j > 0:
                digits.append(predigit)
            predigit = q
            for _ in range(nines):
                digits.append(9)
            nines = 0
    digits.append(predigit)
    return digits


def main(n: int) -> int:
    ds = pi_digits(n)
    text = "".join(str(d) for d in ds)
    for i in range(0, len(text), 10):
        chunk = text[i:i + 10]
        print(chunk.ljust(10), "\t:%d" % (i + len(chunk)))
    return sum(ds)
