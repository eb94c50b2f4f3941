# ARGS: "2 3 + 4 *"
def add(a: float, b: float) -> float:
    return a + b


def mul(a: float, b: float) -> float:
    return a * b


OPS = {"+": add, "*": mul}
PIPELINE = [add, mul, max]


def main(expr: str) -> float:
    stack = []
    for tok in expr.split():
        if tok in OPS:
            b = stack.pop()
            a = stack.pop()
            stack.append(OPS[tok](a, b))
        else:
            stack.append(float(tok))
    for f in PIPELINE:
        print(f(2.0, 5.0))
    print(len(OPS), len(PIPELINE))
    return stack[-1]
