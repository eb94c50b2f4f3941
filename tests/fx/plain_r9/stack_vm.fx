# A small stack-based virtual machine: an assembler from text to (opcode, argument) tuples,
# labels resolved in a first pass, and an interpreter loop with a dispatch on opcode
# strings; runs factorial, a countdown and gcd programs.

FACTORIAL = """
    push 1
    store acc
loop:
    load n
    jz done
    load acc
    load n
    mul
    store acc
    load n
    push 1
    sub
    store n
    jmp loop
done:
    load acc
    print
    halt
"""

GCD = """
top:
    load b
    jz end
    load a
    load b
    mod
    load b
    store a
    store b
    jmp top
end:
    load a
    print
    halt
"""


def assemble(source):
    labels = {}
    code = []
    for line in source.strip().splitlines():
        line = line.strip()
        if line.endswith(":"):
            labels[line[:-1]] = len(code)
        elif line:
            parts = line.split()
            code.append((parts[0], parts[1] if len(parts) > 1 else ""))
    program = []
    for op, arg in code:
        if op in ("jmp", "jz"):
            program.append((op, str(labels[arg])))
        else:
            program.append((op, arg))
    return program


def run(program, memory, limit=10000):
    stack = []
    pc = 0
    steps = 0
    output = []
    while steps < limit:
        op, arg = program[pc]
        pc += 1
        steps += 1
        if op == "push":
            stack.append(int(arg))
        elif op == "load":
            stack.append(memory[arg])
        elif op == "store":
            memory[arg] = stack.pop()
        elif op in ("add", "sub", "mul", "mod"):
            b = stack.pop()
            a = stack.pop()
            if op == "add":
                stack.append(a + b)
            elif op == "sub":
                stack.append(a - b)
            elif op == "mul":
                stack.append(a * b)
            else:
                stack.append(a % b)
        elif op == "jmp":
            pc = int(arg)
        elif op == "jz":
            if stack.pop() == 0:
                pc = int(arg)
        elif op == "print":
            output.append(stack.pop())
        elif op == "halt":
            break
        else:
            raise RuntimeError("bad opcode " + op)
    return output, steps


def main(n: int):
    fact = assemble(FACTORIAL)
    print(len(fact), fact[:3])
    for k in range(n):
        out, steps = run(fact, {"n": k, "acc": 0})
        print(f"{k}! = {out[0]} in {steps} steps")
    out, steps = run(assemble(GCD), {"a": 1071, "b": 462})
    print("gcd", out, steps)
    try:
        run([("push", "1"), ("bogus", "")], {})
    except RuntimeError as e:
        print("error:", e)
    return steps
# ARGS: 6
