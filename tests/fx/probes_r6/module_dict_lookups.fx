# ARGS: "b"
TABLE = {"a": 1.5, "b": 2.5, "c": 4.0}


def main(k: str) -> float:
    print(len(TABLE), TABLE.get(k, 0.0), TABLE.get("zz", -1.0))
    for name in TABLE:
        print(name, TABLE[name])
    for name, v in TABLE.items():
        print(name, v)
    print(sorted(TABLE.keys()), list(TABLE.values()))
    return sum(TABLE.values())
