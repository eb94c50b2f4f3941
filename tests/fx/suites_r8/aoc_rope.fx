# ARGS: "R 4\nU 4\nL 3\nD 1\nR 4\nD 1\nL 5\nR 2\nR 5\nU 8\nL 8\nD 3\nR 17\nD 10\nL 25\nU 20", 10
DIRS = {"R": (1, 0), "L": (-1, 0), "U": (0, 1), "D": (0, -1)}


def sign(v: int) -> int:
    return (v > 0) - (v < 0)


def simulate(moves: str, knots: int) -> int:
    rope = [(0, 0)] * knots
    seen = {(0, 0)}
    for line in moves.splitlines():
        d, n = line.split()
        dx, dy = DIRS[d]
        for _ in range(int(n)):
            hx, hy = rope[0]
            rope[0] = (hx + dx, hy + dy)
            for k in range(1, knots):
                px, py = rope[k - 1]
                tx, ty = rope[k]
                if abs(px - tx) > 1 or abs(py - ty) > 1:
                    rope[k] = (tx + sign(px - tx), ty + sign(py - ty))
            seen.add(rope[-1])
    return len(seen)


def main(moves: str, knots: int) -> int:
    a = simulate(moves, 2)
    b = simulate(moves, knots)
    print("two knots:", a, "long rope:", b)
    return a * 1000 + b
