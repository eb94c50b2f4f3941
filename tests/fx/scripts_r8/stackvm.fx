# ARGS: "3 4 + 2 * 10 swap - dup *"
def run(prog: str) -> list:
    stack = []
    for tok in prog.split():
        if tok.isdigit():
            stack.append(int(tok))
        elif tok == "+":
            b = stack.pop(); a = stack.pop(); stack.append(a + b)
        elif tok == "-":
            b = stack.pop(); a = stack.pop(); stack.append(a - b)
        elif tok == "*":
            b = stack.pop(); a = stack.pop(); stack.append(a * b)
        elif tok == "dup":
            stack.append(stack[-1])
        elif tok == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        else:
            raise ValueError(f"unknown token {tok!r}")
    return stack

def main(prog: str):
    s = run(prog)
    print("stack:", s)
    try:
        run("1 foo")
    except ValueError as e:
        print("error:", e)
    return s
