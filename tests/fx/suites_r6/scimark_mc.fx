# ARGS: 20000
class Random:
    m1 = 2147483647
    m2 = 65536

    def __init__(self, seed: int):
        self.seed = seed
        self.m = [0] * 17
        self.i = 4
        self.j = 16
        jseed = seed % self.m1
        if jseed % 2 == 0:
            jseed -= 1
        k0 = 9069 % self.m2
        k1 = 9069 // self.m2
        j0 = jseed % self.m2
        j1 = jseed // self.m2
        for iloop in range(17):
            jseed = j0 * k0
            j1 = (jseed // self.m2 + j0 * k1 + j1 * k0) % (self.m2 // 2)
            j0 = jseed % self.m2
            self.m[iloop] = j0 + self.m2 * j1

    def next_double(self) -> float:
        k = self.m[self.i] - self.m[self.j]
        if k < 0:
            k += self.m1
        self.m[self.j] = k
        if self.i == 0:
            self.i = 16
        else:
            self.i -= 1
        if self.j == 0:
            self.j = 16
        else:
            self.j -= 1
        return k / self.m1


def monte_carlo(samples: int, rng: Random) -> float:
    under_curve = 0
    for count in range(samples):
        x = rng.next_double()
        y = rng.next_double()
        if x * x + y * y <= 1.0:
            under_curve += 1
    return under_curve / samples * 4.0


def main(samples: int) -> float:
    rng = Random(113)
    pi = monte_carlo(samples, rng)
    print("pi ~ %.6f" % pi)
    print([round(rng.next_double(), 6) for _ in range(3)])
    return pi
