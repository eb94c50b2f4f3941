def tokenize(expr: str):
    tokens = []
    num = ""
    for ch in expr:
        if ch.isdigit() or ch == ".":
            num += ch
        else:
            if num:
                tokens.append(num)
                num = ""
            if ch in "+-*/()":
                tokens.append(ch)
    if num:
        tokens.append(num)
    return tokens

def evaluate(tokens):
    def parse_expr(i: int) -> tuple[float, int]:
        val, i = parse_term(i)
        while i < len(tokens) and tokens[i] in "+-":
            op = tokens[i]
            rhs, i = parse_term(i + 1)
            val = val + rhs if op == "+" else val - rhs
        return val, i
    def parse_term(i: int) -> tuple[float, int]:
        val, i = parse_atom(i)
        while i < len(tokens) and tokens[i] in "*/":
            op = tokens[i]
            rhs, i = parse_atom(i + 1)
            val = val * rhs if op == "*" else val / rhs
        return val, i
    def parse_atom(i: int) -> tuple[float, int]:
        if tokens[i] == "(":
            val, i = parse_expr(i + 1)
            return val, i + 1
        return float(tokens[i]), i + 1
    return parse_expr(0)[0]

def main(s: str):
    t = tokenize(s)
    print(t)
    print(evaluate(t))
    return evaluate(t)
# ARGS: "3 + 4 * (2 - 1.5) / 2"
