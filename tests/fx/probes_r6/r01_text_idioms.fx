# ARGS: "listen silent enlist google banana elgoog", "3,1,4,1,5"
counter = 0


def bump() -> int:
    global counter
    counter += 1
    return counter


def main(words: str, nums: str) -> int:
    groups = {}
    for w in words.split():
        groups.setdefault("".join(sorted(w)), []).append(w)
    for key, ws in sorted(groups.items()):
        print(key, ws, len(set(key)) == len(key))
    xs = list(map(int, nums.split(",")))
    print(xs, sum(map(int, str(9875))), [int(c) for c in str(2024)], int("".join(reversed(str(1230)))))
    print([w for w in words.split() if w == w[::-1]], "goo" in words, words.count("g"))
    for i, ch in enumerate("abc"):
        print(i, ch, end="|")
    print()
    try:
        v = int(nums.split(",")[0])
    except ValueError:
        v = -1
    else:
        v += 100
    finally:
        bump()
    assert v == 103, f"unexpected {v}"
    bump()
    print(v, counter)
    return len(groups)
