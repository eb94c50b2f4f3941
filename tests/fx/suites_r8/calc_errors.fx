# ARGS: ["1 + 2 * 3", "10 / (5 - 5)", "2 * (3 + 4", "7 - - 2", "8 / 4 / 2", "abc", "2 ** 10", ""]
class ParseError(ValueError):
    pass


class Parser:
    def __init__(self, text: str):
        self.tokens = text.replace("(", " ( ").replace(")", " ) ").split()
        self.pos = 0

    def peek(self) -> str:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ""

    def take(self) -> str:
        tok = self.peek()
        if not tok:
            raise ParseError("unexpected end")
        self.pos += 1
        return tok

    def expr(self) -> float:
        value = self.term()
        while self.peek() in ("+", "-"):
            if self.take() == "+":
                value += self.term()
            else:
                value -= self.term()
        return value

    def term(self) -> float:
        value = self.factor()
        while self.peek() in ("*", "/", "**"):
            op = self.take()
            rhs = self.factor()
            if op == "*":
                value *= rhs
            elif op == "/":
                value /= rhs
            else:
                value **= rhs
        return value

    def factor(self) -> float:
        tok = self.take()
        if tok == "-":
            return -self.factor()
        if tok == "(":
            value = self.expr()
            if self.take() != ")":
                raise ParseError("expected )")
            return value
        try:
            return float(tok)
        except ValueError:
            raise ParseError("bad number " + repr(tok))


def evaluate(text: str) -> float:
    p = Parser(text)
    value = p.expr()
    if p.peek():
        raise ParseError("trailing " + p.peek())
    return value


def main(lines: list[str]) -> int:
    ok = 0
    for line in lines:
        try:
            print(repr(line), "=", evaluate(line))
            ok += 1
        except ZeroDivisionError:
            print(repr(line), "-> division by zero")
        except ParseError as e:
            print(repr(line), "-> parse error:", e)
    return ok
