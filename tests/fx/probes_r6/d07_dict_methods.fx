# ARGS: 3
def main(n: int) -> int:
    d = {"a": 1, "b": 2, "c": 3}
    d["d"] = 4
    print(d, len(d))
    print(d.get("z", -1), d.get("a", -1))
    print(list(d.keys()), list(d.values()), list(d.items()))
    v = d.pop("a")
    print(v, d)
    for k, v in d.items():
        print(k, "=", v)
    e = dict(d)
    e["b"] = 20
    print(d["b"], e["b"])
    inv = {v: k for k, v in d.items()}
    print(inv)
    d.update({"x": 9})
    print(d)
    return len(d) + n
