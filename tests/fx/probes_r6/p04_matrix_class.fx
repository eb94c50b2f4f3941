# ARGS: 3
class Matrix:
    def __init__(self, rows: int, cols: int):
        self.rows = rows
        self.cols = cols
        self.data = [[0.0] * cols for _ in range(rows)]

    def set(self, i: int, j: int, v: float):
        self.data[i][j] = v

    def mul(self, other: "Matrix") -> "Matrix":
        out = Matrix(self.rows, other.cols)
        for i in range(self.rows):
            for j in range(other.cols):
                s = 0.0
                for k in range(self.cols):
                    s += self.data[i][k] * other.data[k][j]
                out.data[i][j] = s
        return out

    def trace(self) -> float:
        return sum(self.data[i][i] for i in range(min(self.rows, self.cols)))


def main(n: int) -> float:
    a = Matrix(n, n)
    for i in range(n):
        for j in range(n):
            a.set(i, j, float(i + j))
    b = a.mul(a)
    print(b.data)
    return b.trace()
