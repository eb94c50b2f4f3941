# ARGS: "00100\n11110\n10110\n10111\n10101\n01111\n00111\n11100\n10000\n11001\n00010\n01010"
def power(lines: list[str]) -> int:
    width = len(lines[0])
    gamma = ""
    for i in range(width):
        ones = sum(1 for l in lines if l[i] == "1")
        gamma += "1" if ones * 2 >= len(lines) else "0"
    g = int(gamma, 2)
    e = g ^ ((1 << width) - 1)
    print("gamma", gamma, g, "epsilon", e, bin(e))
    return g * e


def rating(lines: list[str], most: bool) -> int:
    pool = list(lines)
    i = 0
    while len(pool) > 1:
        ones = [l for l in pool if l[i] == "1"]
        zeros = [l for l in pool if l[i] == "0"]
        if most:
            pool = ones if len(ones) >= len(zeros) else zeros
        else:
            pool = zeros if len(zeros) <= len(ones) else ones
        i += 1
    return int(pool[0], 2)


def main(text: str) -> int:
    lines = text.split()
    p = power(lines)
    o2, co2 = rating(lines, True), rating(lines, False)
    print("power", p, "life support", o2 * co2, format(o2, "05b"), f"{co2:#x}")
    return p + o2 * co2
