# ARGS: "3 4 + 2 * 7 -"
def add(a: float, b: float) -> float:
    return a + b


def sub(a: float, b: float) -> float:
    return a - b


def mul(a: float, b: float) -> float:
    return a * b


def rpn(expr: str) -> float:
    stack = []
    for tok in expr.split():
        if tok == "+":
            b = stack.pop()
            a = stack.pop()
            stack.append(add(a, b))
        elif tok == "-":
            b = stack.pop()
            a = stack.pop()
            stack.append(sub(a, b))
        elif tok == "*":
            b = stack.pop()
            a = stack.pop()
            stack.append(mul(a, b))
        else:
            try:
                stack.append(float(tok))
            except ValueError:
                raise ValueError(f"bad token {tok!r}")
    if len(stack) != 1:
        raise ValueError(f"stack has {len(stack)} items")
    return stack[0]


def main(expr: str) -> float:
    print(rpn(expr))
    for bad in ["1 +", "1 2", "x"]:
        try:
            rpn(bad)
        except IndexError:
            print("underflow")
        except ValueError as e:
            print("error:", e)
    return rpn("1 2 + 3 *")
