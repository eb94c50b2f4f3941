# ARGS: "3 + 4 * 2 / ( 1 - 5 ) ^ 2 ^ 3", "(1+2)*(3+4)-10/4"
PREC = {"^": 4, "*": 3, "/": 3, "+": 2, "-": 2}
RIGHT = {"^"}


def tokenize(expr: str) -> list[str]:
    tokens = []
    i = 0
    while i < len(expr):
        ch = expr[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(expr) and (expr[j].isdigit() or expr[j] == "."):
                j += 1
            tokens.append(expr[i:j])
            i = j
        else:
            tokens.append(ch)
            i += 1
    return tokens


def to_rpn(tokens: list[str]) -> list[str]:
    out = []
    ops = []
    for tok in tokens:
        if tok in PREC:
            while ops and ops[-1] != "(" and (PREC[ops[-1]] > PREC[tok] or (PREC[ops[-1]] == PREC[tok] and tok not in RIGHT)):
                out.append(ops.pop())
            ops.append(tok)
        elif tok == "(":
            ops.append(tok)
        elif tok == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            out.append(tok)
    while ops:
        out.append(ops.pop())
    return out


def evaluate(rpn: list[str]) -> float:
    stack = []
    for tok in rpn:
        if tok in PREC:
            b = stack.pop()
            a = stack.pop()
            if tok == "+":
                stack.append(a + b)
            elif tok == "-":
                stack.append(a - b)
            elif tok == "*":
                stack.append(a * b)
            elif tok == "/":
                stack.append(a / b)
            else:
                stack.append(a ** b)
        else:
            stack.append(float(tok))
    return stack[0]


def main(e1: str, e2: str) -> float:
    total = 0.0
    for e in (e1, e2):
        rpn = to_rpn(tokenize(e))
        v = evaluate(rpn)
        print(" ".join(rpn), "=", v)
        total += v
    return total
