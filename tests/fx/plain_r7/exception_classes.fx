class AppError(Exception):
    """Base of this program's errors."""

class ParseError(AppError, ):
    pass

class RangeError(ValueError):
    pass

class TooBig(RangeError):
    pass


def parse(tok: str) -> int:
    if not tok.isdigit():
        raise ParseError(f"not a number: {tok!r}")
    v = int(tok)
    if v > 100:
        raise TooBig(f"{v} > 100")
    if v == 0:
        raise RangeError
    return v


def total(text: str) -> int:
    s = 0
    for tok in text.split():
        try:
            s += parse(tok)
        except ParseError as e:
            print("skip:", e)
        except (TooBig, KeyError) as e:
            print("clip:", str(e), type(e).__name__)
            s += 100
        except ValueError:
            print("zero")
    return s


def main(text: str):
    print(total(text))
    try:
        parse("x1")
    except AppError as e:
        print("app error", e.args)
    try:
        parse("0")
    except RangeError as e:
        print("range", e.args, repr(str(e)))
    return total("7 8")
# ARGS: "12 abc 300 0 5"
