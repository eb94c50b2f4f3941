# Polynomials as a class over a coefficient list: addition, multiplication, evaluation by
# Horner's rule, derivative, pretty printing, and Newton's method for a root.


class Poly:
    def __init__(self, coeffs: list[float]):
        c = list(coeffs)
        while len(c) > 1 and c[-1] == 0:
            c.pop()
        self.c = c

    def degree(self):
        return len(self.c) - 1

    def __add__(self, other):
        n = max(len(self.c), len(other.c))
        out = []
        for i in range(n):
            a = self.c[i] if i < len(self.c) else 0.0
            b = other.c[i] if i < len(other.c) else 0.0
            out.append(a + b)
        return Poly(out)

    def __mul__(self, other):
        out = [0.0] * (len(self.c) + len(other.c) - 1)
        for i, a in enumerate(self.c):
            for j, b in enumerate(other.c):
                out[i + j] += a * b
        return Poly(out)

    def at(self, x):
        total = 0.0
        for coef in reversed(self.c):
            total = total * x + coef
        return total

    def derivative(self):
        if len(self.c) == 1:
            return Poly([0.0])
        return Poly([i * self.c[i] for i in range(1, len(self.c))])

    def __str__(self):
        terms = []
        for i in range(len(self.c) - 1, -1, -1):
            coef = self.c[i]
            if coef == 0:
                continue
            if i == 0:
                terms.append(f"{coef:g}")
            elif i == 1:
                terms.append(f"{coef:g}x")
            else:
                terms.append(f"{coef:g}x^{i}")
        return " + ".join(terms) if terms else "0"


def newton(p, x, steps):
    d = p.derivative()
    for _ in range(steps):
        x = x - p.at(x) / d.at(x)
    return x


def main(steps: int):
    p = Poly([1.0, -3.0, 0.0, 2.0])
    q = Poly([-1.0, 1.0])
    print("p =", p, "degree", p.degree())
    print("q =", q)
    print("p + q =", p + q)
    print("p * q =", p * q)
    print("p' =", p.derivative(), "p'' =", p.derivative().derivative())
    print([p.at(x) for x in (-2.0, -1.0, 0.0, 0.5, 1.0)])
    root = newton(p, -2.0, steps)
    print(f"root near -2: {root:.10f}, p(root) = {p.at(root):.2e}")
    sq = Poly([-2.0, 0.0, 1.0])
    print(f"sqrt(2) ~ {newton(sq, 1.0, steps):.12f}")
    return round(root, 6)
# ARGS: 8
