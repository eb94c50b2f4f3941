class Matrix:
    def __init__(self, rows: int, cols: int, fill: float = 0.0):
        self.rows = rows
        self.cols = cols
        self.data = [[fill] * cols for _ in range(rows)]

    def __getitem__(self, idx):
        r, c = idx
        return self.data[r][c]

    def __setitem__(self, idx, value):
        r, c = idx
        self.data[r][c] = value

    def __mul__(self, other: "Matrix") -> "Matrix":
        out = Matrix(self.rows, other.cols)
        for i in range(self.rows):
            for j in range(other.cols):
                s = 0.0
                for k in range(self.cols):
                    s += self.data[i][k] * other.data[k][j]
                out.data[i][j] = s
        return out

    def __repr__(self) -> str:
        return "\n".join(" ".join(f"{v:5.1f}" for v in row) for row in self.data)

def main(n: int):
    a = Matrix(2, 2)
    a[0, 0] = 1.0
    a[0, 1] = 2.0
    a[1, 0] = 3.0
    a[1, 1] = 4.0
    b = a * a
    print(b)
    return b[1, 1]
# ARGS: 1
