# ARGS: "3 + 4 * (2 - 1) / 2 - 10 * 2"
def tokenize(text: str) -> list[str]:
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            tokens.append(text[i:j])
            i = j
        elif ch in "+-*/()":
            tokens.append(ch)
            i += 1
        else:
            raise ValueError("bad character %r at %d" % (ch, i))
    return tokens


PREC = {"+": 1, "-": 1, "*": 2, "/": 2}


def to_rpn(tokens: list[str]) -> list[str]:
    out = []
    ops = []
    for tok in tokens:
        if tok.isdigit():
            out.append(tok)
        elif tok == "(":
            ops.append(tok)
        elif tok == ")":
            while ops and ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            while ops and ops[-1] != "(" and PREC[ops[-1]] >= PREC[tok]:
                out.append(ops.pop())
            ops.append(tok)
    while ops:
        out.append(ops.pop())
    return out


def evaluate(rpn: list[str]) -> float:
    stack = []
    for tok in rpn:
        if tok.isdigit():
            stack.append(float(tok))
        else:
            b = stack.pop()
            a = stack.pop()
            if tok == "+":
                stack.append(a + b)
            elif tok == "-":
                stack.append(a - b)
            elif tok == "*":
                stack.append(a * b)
            else:
                stack.append(a / b)
    return stack[0]


def main(expr: str) -> float:
    tokens = tokenize(expr)
    rpn = to_rpn(tokens)
    print(" ".join(rpn))
    value = evaluate(rpn)
    print(f"{expr} = {value}")
    try:
        tokenize("2 $ 3")
    except ValueError as e:
        print("error:", e)
    return value
