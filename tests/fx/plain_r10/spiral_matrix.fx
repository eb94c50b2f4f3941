# Interview classics on matrices as lists of lists: spiral order, rotation, transposition,
# search in a sorted matrix, and islands counted by flood fill.


def spiral(m):
    out = []
    if not m:
        return out
    top, bottom, left, right = 0, len(m) - 1, 0, len(m[0]) - 1
    while top <= bottom and left <= right:
        for c in range(left, right + 1):
            out.append(m[top][c])
        for r in range(top + 1, bottom + 1):
            out.append(m[r][right])
        if top < bottom:
            for c in range(right - 1, left - 1, -1):
                out.append(m[bottom][c])
        if left < right:
            for r in range(bottom - 1, top, -1):
                out.append(m[r][left])
        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
    return out


def rotate(m):
    n = len(m)
    return [[m[n - 1 - c][r] for c in range(n)] for r in range(n)]


def transpose(m):
    return [list(row) for row in zip(*m)]


def search(m, target):
    r, c = 0, len(m[0]) - 1
    steps = 0
    while r < len(m) and c >= 0:
        steps += 1
        if m[r][c] == target:
            return (r, c), steps
        if m[r][c] > target:
            c -= 1
        else:
            r += 1
    return None, steps


def islands(grid):
    rows, cols = len(grid), len(grid[0])
    seen = [[False] * cols for _ in range(rows)]
    count = 0
    sizes = []
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "#" and not seen[r][c]:
                count += 1
                stack = [(r, c)]
                seen[r][c] = True
                size = 0
                while stack:
                    y, x = stack.pop()
                    size += 1
                    for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                        ny, nx = y + dy, x + dx
                        if 0 <= ny < rows and 0 <= nx < cols and grid[ny][nx] == "#" and not seen[ny][nx]:
                            seen[ny][nx] = True
                            stack.append((ny, nx))
                sizes.append(size)
    return count, sorted(sizes, reverse=True)


def main(n: int):
    m = [[r * n + c for c in range(n)] for r in range(n)]
    print(spiral(m))
    print(spiral([[1, 2, 3]]), spiral([[1], [2], [3]]))
    for row in rotate(m):
        print(" ".join(f"{v:2d}" for v in row))
    print(transpose([[1, 2, 3], [4, 5, 6]]))
    for t in (0, n + 1, n * n - 1, -3):
        print(t, search(m, t))
    grid = ["##..#", "#...#", "..#..", "##..#", "#..##"]
    print(islands(grid))
    return sum(spiral(m)[::2])
# ARGS: 4
