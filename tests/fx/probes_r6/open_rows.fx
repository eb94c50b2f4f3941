# ARGS: 2
def main(n: int) -> int:
    a = [[], [1, 2]]
    b = {"x": [], "y": [1.5]}
    c = [[], []]
    c[0].append(n)
    d = {1: [2, 3], 2: [4]}
    d[1].append(7)
    e = [[1, 2], [3]]
    e[1].append(2)
    print(a, b, c, d, e)
    return len(a)
