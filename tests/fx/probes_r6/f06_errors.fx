# ARGS: "12,x,7,-3,,40"
def parse(tok: str) -> int:
    if tok == "":
        raise ValueError("empty token")
    v = int(tok)
    if v < 0:
        raise ValueError(f"negative value {v}")
    return v


def main(s: str) -> int:
    total = 0
    errs = []
    for tok in s.split(","):
        try:
            total += parse(tok)
        except ValueError as e:
            errs.append(str(e))
            print("bad:", e)
    print(errs)
    try:
        x = [1, 2, 3]
        print(x[5])
    except IndexError:
        print("index error")
    try:
        d = {"a": 1}
        print(d["b"])
    except KeyError as e:
        print("missing", e)
    finally:
        print("finally")
    return total
