# ARGS: "The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs. How vexingly quick daft zebras jump! Sphinx of black quartz, judge my vow.", 28
def wrap(words: list[str], width: int) -> list[list[str]]:
    lines = []
    cur = []
    length = 0
    for w in words:
        if cur and length + 1 + len(w) > width:
            lines.append(cur)
            cur = []
            length = 0
        length += len(w) + (1 if cur else 0)
        cur.append(w)
    if cur:
        lines.append(cur)
    return lines


def justify(line: list[str], width: int) -> str:
    if len(line) == 1:
        return line[0].ljust(width)
    gaps = len(line) - 1
    spaces = width - sum(len(w) for w in line)
    base, extra = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(line[:-1]):
        out += w + " " * (base + (1 if i < extra else 0))
    return out + line[-1]


def main(text: str, width: int) -> int:
    lines = wrap(text.split(), width)
    for i, line in enumerate(lines):
        if i == len(lines) - 1:
            print("|" + " ".join(line).ljust(width) + "|")
        else:
            print("|" + justify(line, width) + "|")
    centred = [" ".join(l).center(width, "*") for l in lines]
    print(centred[0])
    print(max(len(" ".join(l)) for l in lines), text.title()[:20], text.upper().count("Q"))
    return len(lines)
