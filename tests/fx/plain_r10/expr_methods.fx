# A recursive-descent evaluator whose methods carry no annotations at all: `factor` begins with
# `return -self.factor()` and `atom` calls back into `expr`, so no method has returned when the
# first recursive call is met.
#   expr := term (('+' | '-') term)*    term := factor (('*' | '//' | '%') factor)*
#   factor := '-' factor | atom         atom := digits | '(' expr ')' | 'max' '(' expr ',' expr ')'


class Evaluator:
    def __init__(self, text):
        self.text = text.replace(" ", "")
        self.pos = 0

    def peek(self):
        if self.pos < len(self.text):
            return self.text[self.pos]
        return ""

    def eat(self, ch):
        if self.peek() != ch:
            raise ValueError(f"expected {ch!r} at {self.pos}")
        self.pos += 1

    def expr(self):
        value = self.term()
        while self.peek() in ("+", "-"):
            op = self.peek()
            self.pos += 1
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.factor()
        while self.peek() in ("*", "/", "%"):
            op = self.peek()
            self.pos += 1
            if op == "/":
                self.eat("/")
            rhs = self.factor()
            if op == "*":
                value *= rhs
            elif op == "/":
                value //= rhs
            else:
                value %= rhs
        return value

    def factor(self):
        if self.peek() == "-":
            self.pos += 1
            return -self.factor()
        return self.atom()

    def atom(self):
        if self.peek() == "(":
            self.pos += 1
            inner = self.expr()
            self.eat(")")
            return inner
        if self.text.startswith("max", self.pos):
            self.pos += 3
            self.eat("(")
            a = self.expr()
            self.eat(",")
            b = self.expr()
            self.eat(")")
            return a if a > b else b
        start = self.pos
        while self.peek().isdigit():
            self.pos += 1
        if start == self.pos:
            raise ValueError(f"number expected at {start}")
        return int(self.text[start:self.pos])


def evaluate(text):
    ev = Evaluator(text)
    value = ev.expr()
    if ev.pos != len(ev.text):
        raise ValueError(f"trailing input at {ev.pos}")
    return value


def main(n: int):
    cases = ["1 + 2 * 3", "(1 + 2) * 3", "--7 - -2", "17 // 5 % 2", "max(3, 4 * 2) - 1",
             "2 * (3 + max(1, -5))", "7 // 0", "(1 + 2", "4 $ 4", "-(6 * 7)", "100 - 3 * (2 + 8) // 4"]
    total = 0
    for text in cases[:n]:
        try:
            v = evaluate(text)
            total += v
            print(f"{text:<24} = {v}")
        except ZeroDivisionError as e:
            print(f"{text:<24} ! {e}")
        except ValueError as e:
            print(f"{text:<24} ? {e}")
    return total
# ARGS: 11
