# ARGS: "3 4 + 2 * 7 - 2 /"
def add(a: float, b: float) -> float:
    return a + b


def sub(a: float, b: float) -> float:
    return a - b


def mul(a: float, b: float) -> float:
    return a * b


def div(a: float, b: float) -> float:
    return a / b


def square(x: float) -> float:
    return x * x


def cube(x: float) -> float:
    return x * x * x


def main(expr: str) -> float:
    ops = {"+": add, "-": sub, "*": mul, "/": div}
    stack = []
    for tok in expr.split():
        if tok in "+-*/":
            b = stack.pop()
            a = stack.pop()
            stack.append(ops[tok](a, b))
        else:
            stack.append(float(tok))
    fs = [square, cube, abs]
    for f in fs:
        print(f(-2.0))
    print(len(fs), fs[1](3.0), fs[-1](-4.5))
    for i in range(len(fs)):
        print(i, fs[i](1.5))
    try:
        print(ops["%"](1.0, 2.0))
    except KeyError as e:
        print("no op", e)
    try:
        k = 5
        print(fs[k](1.0))
    except IndexError as e:
        print(e)
    return stack[0]
