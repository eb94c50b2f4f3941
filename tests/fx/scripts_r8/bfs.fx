from collections import deque
# ARGS: 6
def main(n: int):
    grid = ["." * n for _ in range(n)]
    grid[2] = "." + "#" * (n - 2) + "."
    start, goal = (0, 0), (n - 1, n - 1)
    dist = {start: 0}
    q = deque([start])
    while q:
        r, c = q.popleft()
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < n and 0 <= nc < n and grid[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                q.append((nr, nc))
    print("\n".join(grid))
    print("steps:", dist.get(goal, -1))
    return len(dist)
