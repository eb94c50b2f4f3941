"""str items, keys and values in native containers (tests/test_str_containers.py)."""
from fastext import i64


def words_count(text: str) -> dict[str, i64]:
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


def lines(n: i64) -> str:
    out = []
    for i in range(n):
        out.append(f"{i}: {i * i}")
    return "\n".join(out)


def list_ops(xs: list[str]) -> list[str]:
    ys = xs[::-1] + xs
    ys.append("end")
    ys.insert(0, "start")
    ys[1] = ys[1] + "!"
    p = ys.pop()
    ys.remove(ys[-1])
    q = ys.pop(0)
    ys.extend(xs[1:])
    zs = ys.copy()
    zs[0:2] = ["a", "b", "c"]
    del zs[-1:]
    ws = zs * 2
    return ws + [p, q, str(len(ys)), str("y" in ys), str(ys.count("y"))]


def searching(xs: list[str], w: str) -> i64:
    if w in xs:
        return xs.index(w)
    return -1


def sorting(xs: list[str]) -> list[str]:
    ys = sorted(xs)
    ys.sort(reverse=True)
    zs = list(xs)
    zs.sort(key=len)
    return ys + zs + [min(xs, key=len), max(xs)] if xs else ys


def by_length(text: str) -> dict[i64, list[str]]:
    groups: dict[i64, list[str]] = {}
    for w in text.split():
        groups.setdefault(len(w), []).append(w)
    return groups


def last_word(text: str) -> dict[i64, str]:
    d = {}
    for i, w in enumerate(text.split()):
        d[len(w)] = w
    for k in list(d.keys()):
        if k % 2 == 0:
            del d[k]
    return d


def dict_ops(text: str) -> list[str]:
    d: dict[str, str] = {}
    for w in text.split():
        d[w.upper()] = w
        d.setdefault(w, "first")
    out = []
    for k, v in d.items():
        out.append(k + "=" + v)
    e = d.copy()
    if "A" in e:
        out.append(e.pop("A"))
    out.append(e.pop("nothing", "none"))
    out.append(e.get("b", "nob"))
    for v in e.values():
        out.append(v)
    return out


def letters(text: str) -> set[str]:
    s = set()
    for c in text:
        s.add(c)
    s.discard(" ")
    t = {"x", "y"}
    return (s | t) - {"q"}


def common(a: set[str], b: set[str]) -> list[str]:
    return sorted(a & b)


def chars(text: str) -> list[str]:
    out = [c for c in text if c != " "]
    return [c + c for c in out]


def unique_words(text: str) -> i64:
    return len(set(text.split()))


def missing_key(d: dict[str, i64], k: str) -> i64:
    return d[k]


def bad_index(xs: list[str], i: i64) -> str:
    return xs[i]


def raise_midway(n: i64) -> list[str]:
    out = []
    for i in range(n):
        out.append(str(i))
        if i == 5:
            out.append(str(int("not a number")))
    return out


def early_return(xs: list[str], stop: str) -> str:
    seen = []
    for x in xs:
        seen.append(x + "!")
        if x == stop:
            return "|".join(seen)
    return ""


def keep_one(xs: list[str]) -> i64:
    ys = list(xs)
    ys.append(xs[0] if xs else "")
    return len(ys)


def words(text: str) -> list[str]:
    return text.split()


def top(counts: dict[str, i64], k: i64) -> list[tuple[str, i64]]:
    return sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:k]


def top_words(text: str, k: i64) -> str:
    out = []
    for w, n in top(words_count(text), k):
        out.append(f"{w}={n}")
    return ", ".join(out)


def pairs(text: str) -> list[tuple[str, i64]]:
    ps = [(w, len(w)) for w in text.split()]
    ps.append(("last", -1))
    ps.sort()
    return ps


def first_pair(text: str) -> tuple[str, i64]:
    t = ("none", 0)
    for w in text.split():
        t = (w, len(w))
        break
    a, b = t
    return (a + "!", b)


def distinct(xs: list[str]) -> i64:
    return len(set(xs))


def moved_items(words: list[str]) -> list[str]:
    """Items moved between lists (append/insert/set of another list's item, pop) while the
    source is overwritten, and a line list reset after each join (its storage reused)."""
    src = words + ["".join(["tail", "-", "word"])]
    kept: list[str] = []
    line: list[str] = []
    joined: list[str] = []
    for k in range(len(src)):
        line.append(src[k])
        kept.insert(0, src[k])
        src[k] = "gone"
        if len(line) == 2:
            joined.append("+".join(line))
            line = []
    while src:
        kept.append(src.pop())
    if kept:
        kept[0] = joined[0] if joined else kept[-1]
    return kept + joined + line
