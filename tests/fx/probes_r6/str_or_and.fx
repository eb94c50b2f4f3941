# ARGS: "", "x"
def main(a: str, b: str) -> str:
    c = a or b or "z"
    d = b and a
    e = b and "yes"
    print(repr(c), repr(d), repr(e), repr(a or "empty"), repr("" or ""))
    return a or "none"
