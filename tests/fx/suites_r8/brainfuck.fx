# ARGS: "Fast ext!", 3
def generate(text: str) -> str:
    # Each character: grow the cell by a multiple of 10 in a loop, then adjust and print.
    code = []
    cur = 0
    for ch in text:
        target = ord(ch)
        diff = target - cur
        tens, ones = divmod(abs(diff), 10)
        sign = "+" if diff > 0 else "-"
        if tens:
            code.append(">" + "+" * tens + "[<" + sign * 10 + ">-]<")
        code.append(sign * ones + ".")
        cur = target
    return "".join(code)


def match_brackets(code: str) -> dict[int, int]:
    stack = []
    jumps = {}
    for i, ch in enumerate(code):
        if ch == "[":
            stack.append(i)
        elif ch == "]":
            j = stack.pop()
            jumps[i] = j
            jumps[j] = i
    return jumps


def run(code: str) -> str:
    jumps = match_brackets(code)
    tape = [0] * 300
    ptr = 0
    pc = 0
    out = []
    steps = 0
    while pc < len(code):
        op = code[pc]
        if op == "+":
            tape[ptr] = (tape[ptr] + 1) % 256
        elif op == "-":
            tape[ptr] = (tape[ptr] - 1) % 256
        elif op == ">":
            ptr += 1
        elif op == "<":
            ptr -= 1
        elif op == ".":
            out.append(chr(tape[ptr]))
        elif op == "[":
            if tape[ptr] == 0:
                pc = jumps[pc]
        elif op == "]":
            if tape[ptr] != 0:
                pc = jumps[pc]
        pc += 1
        steps += 1
    print("steps", steps)
    return "".join(out)


def main(text: str, times: int) -> int:
    code = generate(text)
    print(len(code), code[:40])
    out = ""
    for _ in range(times):
        out = run(code)
    print(repr(out), out == text)
    return len(out)
