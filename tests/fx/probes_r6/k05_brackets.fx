# ARGS: "([]{()})", "([)]"
PAIRS = {")": "(", "]": "[", "}": "{"}


def balanced(s: str) -> bool:
    stack = []
    for c in s:
        if c in "([{":
            stack.append(c)
        elif c in PAIRS:
            if not stack or stack.pop() != PAIRS[c]:
                return False
    return not stack


def main(a: str, b: str) -> tuple[bool, bool]:
    for s in (a, b, "", "((", "x(y)z"):
        print(repr(s), balanced(s))
    return balanced(a), balanced(b)
