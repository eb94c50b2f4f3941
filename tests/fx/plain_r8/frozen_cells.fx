# Conway's life on a set of frozen dataclass cells (hashable by their fields), moved with replace()
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Cell:
    row: int
    col: int

    def around(self):
        out = []
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr != 0 or dc != 0:
                    out.append(Cell(self.row + dr, self.col + dc))
        return out


def step(alive):
    counts = {}
    for cell in alive:
        for nb in cell.around():
            counts[nb] = counts.get(nb, 0) + 1
    born = set()
    for cell, k in counts.items():
        if k == 3 or k == 2 and cell in alive:
            born.add(cell)
    return born


def main(generations: int):
    glider = {Cell(0, 1), Cell(1, 2), Cell(2, 0), Cell(2, 1), Cell(2, 2)}
    for g in range(generations):
        glider = step(glider)
    cells = sorted(glider, key=lambda c: (c.row, c.col))
    print(cells)
    shifted = {replace(c, col=c.col - 1) for c in cells}
    print(len(shifted), Cell(3, 2) in glider, cells[0] == Cell(cells[0].row, cells[0].col))
    return len(glider)
# ARGS: 4
