# A tokenizer and a recursive-descent calculator (the classic textbook grammar):
#   expr := term (('+' | '-') term)*   term := factor (('*' | '/' | '%') factor)*
#   factor := ('-' factor) | power     power := atom ('^' factor)?   atom := number | '(' expr ')'


def tokenize(text: str) -> list[tuple[str, str]]:
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] == "."):
                j += 1
            tokens.append(("num", text[i:j]))
            i = j
        elif ch in "+-*/%^()":
            tokens.append(("op", ch))
            i += 1
        else:
            raise ValueError(f"unexpected character {ch!r} at {i}")
    tokens.append(("end", ""))
    return tokens


class Parser:
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos][1]

    def take(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expr(self) -> float:
        value = self.term()
        while self.peek() in ("+", "-"):
            op = self.take()[1]
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.factor()
        while self.peek() in ("*", "/", "%"):
            op = self.take()[1]
            rhs = self.factor()
            if op == "*":
                value *= rhs
            elif op == "/":
                value /= rhs
            else:
                value %= rhs
        return value

    def factor(self) -> float:
        if self.peek() == "-":
            self.take()
            return -self.factor()
        base = self.atom()
        if self.peek() == "^":
            self.take()
            return base ** self.factor()
        return base

    def atom(self):
        kind, text = self.take()
        if kind == "num":
            return float(text)
        if text == "(":
            value = self.expr()
            if self.take()[1] != ")":
                raise ValueError("expected )")
            return value
        raise ValueError(f"unexpected token {text!r}")


def evaluate(text):
    p = Parser(text)
    value = p.expr()
    if p.peek() != "":
        raise ValueError("trailing input")
    return value


def main(n: int):
    exprs = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-4 + 10 / 4", "7 % 3 + 0.5",
             "((2))*(3+4)", "1 / 0", "2 * (3", "4 $ 4", "-(-2) ^ 2"]
    total = 0.0
    for e in exprs[:n]:
        try:
            v = evaluate(e)
            total += v
            print(f"{e:>14} = {v}")
        except ZeroDivisionError:
            print(f"{e:>14} : division by zero")
        except ValueError as err:
            print(f"{e:>14} : error: {err}")
    print(len(tokenize("12.5*(3+4)")), total)
    return total
# ARGS: 10
