# ARGS: 3
def main(n: int) -> str:
    m = [[(i + 1) / (j + 1) for j in range(n)] for i in range(n)]
    text = "\n".join(" ".join(f"{v:6.2f}" for v in row) for row in m)
    print(text)
    diag = [m[i][i] for i in range(n)]
    print(diag, sum(diag))
    t = [[m[j][i] for j in range(n)] for i in range(n)]
    print(t[0])
    return text.split("\n")[0]
