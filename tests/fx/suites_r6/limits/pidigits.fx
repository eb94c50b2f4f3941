# ARGS: 30
def main(n: int) -> int:
    k = 0
    acc = 0
    den = 1
    num = 1
    i = 0
    line = ""
    while i < n:
        k += 1
        k2 = k * 2 + 1
        acc = (acc + num * 2) * k2
        den *= k2
        num *= k
        if num > acc:
            continue
        d3 = (num * 3 + acc) // den
        d4 = (num * 4 + acc) // den
        if d3 != d4:
            continue
        line += str(d3)
        i += 1
        if i % 10 == 0:
            print("%s\t:%d" % (line, i))
            line = ""
        acc -= den * d3
        acc *= 10
        num *= 10
    return i
