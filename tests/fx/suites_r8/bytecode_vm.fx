# ARGS: 25
def assemble(src: str) -> list[tuple[str, int]]:
    labels: dict[str, int] = {}
    lines = [l.split("#")[0].strip() for l in src.strip().splitlines()]
    lines = [l for l in lines if l]
    pc = 0
    for l in lines:
        if l.endswith(":"):
            labels[l[:-1]] = pc
        else:
            pc += 1
    code = []
    for l in lines:
        if l.endswith(":"):
            continue
        parts = l.split()
        arg = 0
        if len(parts) > 1:
            a = parts[1]
            arg = labels[a] if a in labels else int(a)
        code.append((parts[0], arg))
    return code


def run(code: list[tuple[str, int]], n: int) -> tuple[list[int], int]:
    stack = [n]
    regs = [0] * 4
    out = []
    pc = 0
    steps = 0
    while pc < len(code):
        op, arg = code[pc]
        pc += 1
        steps += 1
        if op == "push":
            stack.append(arg)
        elif op == "load":
            stack.append(regs[arg])
        elif op == "store":
            regs[arg] = stack.pop()
        elif op == "add":
            b = stack.pop()
            stack.append(stack.pop() + b)
        elif op == "sub":
            b = stack.pop()
            stack.append(stack.pop() - b)
        elif op == "jz":
            if stack.pop() == 0:
                pc = arg
        elif op == "jmp":
            pc = arg
        elif op == "print":
            out.append(stack[-1])
        elif op == "halt":
            break
        else:
            raise ValueError("bad op " + op)
    return out, steps


PROGRAM = """
    store 0        # n
    push 0
    store 1        # a
    push 1
    store 2        # b
loop:
    load 0
    jz done
    load 1
    print
    load 2
    add
    load 2
    store 1
    store 2
    load 0
    push 1
    sub
    store 0
    jmp loop
done:
    halt
"""


def main(n: int) -> int:
    code = assemble(PROGRAM)
    print(len(code), code[:4])
    out, steps = run(code, n)
    print(out[-5:], steps)
    return out[-1]
