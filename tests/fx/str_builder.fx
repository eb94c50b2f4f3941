"""`s += ...` in loops (lower/strbuild.py: byte buffers) and `s[a:b]` with int bounds."""
from fastext import u8, i16


def runs(term: str) -> str:
    spoken = ""
    run = 1
    for i in range(1, len(term) + 1):
        if i < len(term) and term[i] == term[i - 1]:
            run += 1
        else:
            spoken += str(run) + term[i - 1]
            run = 1
    return spoken


def chars_and_ints(text: str, lo: int) -> str:
    s = "<"
    k = lo
    for ch in text:
        s += ch
        s += str(k) + "|"
        k -= 7
    return s + ">"


def pieces(words: list[str], n: int) -> str:
    s = "start:"
    for i in range(n):
        for w in words:
            s += w + f"[{i}:{len(w)}]"
        s += "; "
    return s


def fstrings(n: int) -> str:
    out = ""
    i = 0
    while i < n:
        x = i * 0.5
        out += f"{i}={x:.2f},"
        i += 1
    return out


def doubling(n: int) -> str:
    s = "ab"
    for _ in range(n):
        s += s
    return s


def read_in_condition(n: int) -> str:
    s = ""
    while len(s) < n:
        s += "xy"
    return s


def shared_prefix(n: int) -> list[str]:
    s = "base"
    kept = [s]
    for i in range(n):
        s += str(i)
    kept.append(s)
    return kept


def leave_early(text: str, stop: str) -> str:
    s = ""
    for ch in text:
        if ch == stop:
            break
        s += ch
    else:
        s += "(no stop)"
    return s


def return_inside(n: int, at: int) -> int:
    s = ""
    for i in range(n):
        if i == at:
            return i * 100
        s += str(i)
    return len(s)


def raise_inside(n: int, at: int) -> str:
    s = ""
    for i in range(n):
        if i == at:
            raise ValueError("stopped at " + str(i))
        s += str(i)
    return s


def extremes(xs: list[int]) -> str:
    s = ""
    for x in xs:
        s += str(x) + ","
    return s


def small_ints(n: int) -> str:
    s = ""
    for i in range(n):
        b = u8(i * 37 % 256)
        t = i16(i * -1000)
        s += str(b) + str(t) + str(i % 2 == 0)
    return s


def nested_rows(rows: int, cols: int) -> str:
    table = ""
    for r in range(rows):
        line = ""
        for c in range(cols):
            line += str(r * c) + " "
        table += line + "\n"
    return table


def slices(s: str, a: int, b: int) -> list[str]:
    return [s[a:b], s[a:], s[:b], s[:], s[-a:b], s[a:-b], s[-a:], s[:-b]]


def joins(words: list[str], n: int) -> list[str]:
    parts = []
    for i in range(n):
        parts.append(str(i))
    out = ["".join(parts), ", ".join(words), "-".join(words[:0]), "".join(words[:1])]
    out.append("|".join([w + "".join(parts[:2]) for w in words]))
    return out


def lines(n: int) -> int:
    line = []
    total = 0
    for i in range(n):
        line.append("acgt"[i % 4])
        if len(line) == 7:
            text = "".join(line)
            print(text)
            total += len(text)
            line = []
    print("".join(line))
    return total


def items(s: str, ks: list[int]) -> list[str]:
    t = s + ""
    out = []
    for k in ks:
        out.append(t[k])
    return out


def item_error(s: str, k: int) -> str:
    t = s + "!"
    return t[k]
