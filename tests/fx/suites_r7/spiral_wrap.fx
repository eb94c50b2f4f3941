# ARGS: 5
def spiral(n: int) -> list[list[int]]:
    grid = [[0] * n for _ in range(n)]
    dr, dc = 0, 1
    r = c = 0
    for k in range(n * n):
        grid[r][c] = k
        nr, nc = r + dr, c + dc
        if not (0 <= nr < n and 0 <= nc < n) or grid[nr][nc] != 0 or (nr == 0 and nc == 0):
            dr, dc = dc, -dr
            nr, nc = r + dr, c + dc
        r, c = nr, nc
    return grid


def wrap(text: str, width: int) -> list[str]:
    lines = []
    line = None
    for word in text.split():
        if line is None:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line = line + " " + word
        else:
            lines.append(line)
            line = word
    if line is not None:
        lines.append(line)
    return lines


def balanced(s: str) -> bool:
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack


def main(n: int) -> int:
    for row in spiral(n):
        print(" ".join("%2d" % v for v in row))
    text = "the quick brown fox jumps over the lazy dog and keeps running far away"
    for ln in wrap(text, 4 * n):
        print("|" + ln.ljust(4 * n) + "|")
    print(wrap("", 10))
    for s in ("([]{})", "([)]", "((", ""):
        print(repr(s), balanced(s))
    return n
