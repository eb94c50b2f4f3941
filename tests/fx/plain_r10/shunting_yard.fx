# Infix to postfix with Dijkstra's shunting-yard algorithm, then a stack evaluation of the
# postfix form; bracket matching reports the first mismatch.

PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3}
PAIRS = {")": "(", "]": "[", "}": "{"}


def tokens_of(text):
    out = []
    num = ""
    for ch in text:
        if ch.isdigit():
            num += ch
            continue
        if num:
            out.append(num)
            num = ""
        if ch in PREC or ch in "()":
            out.append(ch)
        elif not ch.isspace():
            raise ValueError(f"bad character {ch!r}")
    if num:
        out.append(num)
    return out


def to_postfix(tokens):
    output = []
    ops = []
    for tok in tokens:
        if tok.isdigit():
            output.append(tok)
        elif tok == "(":
            ops.append(tok)
        elif tok == ")":
            while ops and ops[-1] != "(":
                output.append(ops.pop())
            if not ops:
                raise ValueError("unbalanced )")
            ops.pop()
        else:
            while ops and ops[-1] != "(" and (PREC[ops[-1]] > PREC[tok] or
                                              PREC[ops[-1]] == PREC[tok] and tok != "^"):
                output.append(ops.pop())
            ops.append(tok)
    while ops:
        op = ops.pop()
        if op == "(":
            raise ValueError("unbalanced (")
        output.append(op)
    return output


def run_postfix(postfix):
    stack = []
    for tok in postfix:
        if tok.isdigit():
            stack.append(float(tok))
            continue
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
    return stack[0]


def first_mismatch(text):
    stack = []
    for i, ch in enumerate(text):
        if ch in "([{":
            stack.append((ch, i))
        elif ch in PAIRS:
            if not stack or stack[-1][0] != PAIRS[ch]:
                return i
            stack.pop()
    return stack[0][1] if stack else -1


def main(n: int):
    exprs = ["3 + 4 * 2 / (1 - 5) ^ 2 ^ 3", "(1 + 2) * (3 + 4)", "10 / 4 - 2", "2 ^ 3 ^ 2",
             "((7))", "1 + (2", "8 / (3 - 3)", "4 & 2"]
    for e in exprs[:n]:
        try:
            post = to_postfix(tokens_of(e))
            print(f"{e:<28} | {' '.join(post):<28} | {run_postfix(post)}")
        except ValueError as err:
            print(f"{e:<28} | error: {err}")
        except ZeroDivisionError as err:
            print(f"{e:<28} | {err}")
    for s in ["([]{})", "([)]", "((", "}", "a[b{c}d]e"]:
        print(repr(s), first_mismatch(s))
    return len(tokens_of(exprs[0]))
# ARGS: 8
