# ARGS: 12
def step(board: list[list[int]]) -> list[list[int]]:
    rows = len(board)
    cols = len(board[0])
    new = [[0] * cols for _ in range(rows)]
    for r in range(rows):
        for c in range(cols):
            alive = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if dr == 0 and dc == 0:
                        continue
                    alive += board[(r + dr) % rows][(c + dc) % cols]
            if board[r][c] and alive in (2, 3):
                new[r][c] = 1
            elif not board[r][c] and alive == 3:
                new[r][c] = 1
    return new


def show(board):
    for row in board:
        print("".join("#" if cell else "." for cell in row))


def main(gens: int) -> int:
    board = [[0] * 10 for _ in range(8)]
    for r, c in [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2), (5, 6), (5, 7), (5, 8)]:
        board[r][c] = 1
    for g in range(gens):
        board = step(board)
    show(board)
    return sum(map(sum, board))
