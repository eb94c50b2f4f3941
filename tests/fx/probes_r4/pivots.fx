# ARGS: 5
def lu_factor(A):
    n = len(A)
    pivot = list(range(n))
    for j in range(n):
        jp = j
        t = abs(A[j][j])
        for i in range(j + 1, n):
            ab = abs(A[i][j])
            if ab > t:
                jp, t = i, ab
        pivot[j] = jp
        if A[jp][j] == 0:
            raise ValueError("singular matrix")
        if jp != j:
            A[j], A[jp] = A[jp], A[j]
        if j < n - 1:
            recp = 1.0 / A[j][j]
            for k in range(j + 1, n):
                A[k][j] *= recp
        for ii in range(j + 1, n):
            for jj in range(j + 1, n):
                A[ii][jj] -= A[ii][j] * A[j][jj]
    return pivot


def main(n: int) -> None:
    A = [[1.0 / (i + j + 1) + (1.0 if i == j else 0.0) for j in range(n)] for i in range(n)]
    piv = lu_factor(A)
    print(piv)
    for row in A:
        print(["%.5f" % v for v in row])
    try:
        lu_factor([[0.0, 0.0], [0.0, 0.0]])
    except ValueError as e:
        print("error:", e)
