# exception classes with their own __init__, fields, methods and __str__, raised and caught in .fx
class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__(msg)
        self.pos = pos

    def where(self):
        return f"at column {self.pos}"

class EmptyInput(ParseError):
    pass

class Limit(ValueError):
    """Over the limit."""
    code = 7

    def __init__(self, value: int, limit: int = 100):
        super().__init__(f"{value} exceeds {limit}")
        self.value = value
        self.limit = limit

    def __str__(self):
        return f"limit {self.limit}: got {self.value}"

def parse_digits(text: str) -> int:
    if not text:
        raise EmptyInput("empty", 0)
    total = 0
    for i, ch in enumerate(text):
        if not ch.isdigit():
            raise ParseError(f"unexpected {ch!r}", i)
        total = total * 10 + ord(ch) - ord("0")
    if total > 1000:
        raise Limit(total, limit=1000)
    return total

def main(text: str):
    for t in text.split(","):
        try:
            print(parse_digits(t))
        except EmptyInput as e:
            print("empty:", e, e.pos, e.args)
        except ParseError as e:
            print("error:", str(e), e.pos, e.where(), type(e).__name__)
        except Limit as e:
            print("limit:", e, e.value, e.code, repr(e.args))
    return parse_digits(text.split(",")[0])
# ARGS: "12,4x5,,99999,7"
