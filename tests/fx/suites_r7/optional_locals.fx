# ARGS: 5
def closest(xs: list[int], t: int):
    best = None
    for i in range(len(xs)):
        d = abs(xs[i] - t)
        if best is None or d < best[0]:
            best = (d, i)
    return best


def first_neg(xs: list[float]):
    found = None
    for x in xs:
        if x < 0:
            found = x
            break
    return found


def main(n: int) -> int:
    print(closest([3, 9, 4, 12], n))
    print(closest([], n))
    print(first_neg([1.0, -2.5]))
    print(first_neg([1.0]))
    r = first_neg([1.0])
    if r is None:
        print("none")
    m = None
    for k in range(n):
        if m is None:
            m = k
        else:
            m = m + k
    print(m)
    s = None
    if n > 2:
        s = "big"
    if s:
        print(s)
    lst = None
    if n > 1:
        lst = [1, 2]
    if lst is not None:
        lst.append(3)
        print(lst)
    return 0
