# ARGS: 40
ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def quote(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif ord(ch) < 32:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def dump_list(xs: list[int]) -> str:
    return "[" + ", ".join(str(x) for x in xs) + "]"


def dump_record(name: str, age: int, scores: list[int], ratio: float) -> str:
    parts = []
    parts.append(quote("name") + ": " + quote(name))
    parts.append(quote("age") + ": " + str(age))
    parts.append(quote("scores") + ": " + dump_list(scores))
    parts.append(quote("ratio") + ": " + repr(ratio))
    return "{" + ", ".join(parts) + "}"


def main(n: int) -> int:
    names = ["ann", "bob \"the\" builder", "c\\d", "tab\there", "new\nline"]
    records = []
    for i in range(n):
        name = names[i % len(names)] + str(i)
        scores = [(i * 7 + k * 3) % 11 for k in range(i % 5)]
        records.append(dump_record(name, 20 + i % 13, scores, i / 8))
    doc = "[\n  " + ",\n  ".join(records) + "\n]"
    for line in doc.splitlines()[:6]:
        print(line)
    print(len(doc), doc.count('"'), doc.count("\\"))
    return len(doc)
