import random
class Spline:
    def __init__(self, points, degree: int, knots):
        self.points = points
        self.degree = degree
        self.knots = knots
    def get_domain(self):
        return (self.knots[self.degree - 1], self.knots[len(self.knots) - self.degree])

def main(n: int):
    pts = [(0.0, 1.0), (1.0, 2.0), (2.0, 0.5)]
    s = Spline(pts, 3, [0, 0, 0, 1, 1, 1])
    lo, hi = s.get_domain()
    print(lo, hi)
    return hi - lo
# ARGS: 1
