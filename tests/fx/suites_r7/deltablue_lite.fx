# ARGS: 50
from __future__ import annotations


class Variable:
    def __init__(self, name: str, value: int):
        self.name = name
        self.value = value
        self.stay = False
        self.dependents: list[Variable] = []
        self.offset = 0

    def depend(self, other: Variable, offset: int):
        other.dependents.append(self)
        self.offset = offset


def propagate(root: Variable) -> int:
    updates = 0
    todo = [root]
    while todo:
        v = todo.pop()
        for d in v.dependents:
            new = v.value + d.offset
            if not d.stay and d.value != new:
                d.value = new
                updates += 1
                todo.append(d)
    return updates


def chain_test(n: int) -> int:
    vars_ = [Variable("v%d" % i, 0) for i in range(n)]
    for i in range(1, n):
        vars_[i].depend(vars_[i - 1], 1)
    total = 0
    for value in (17, 42, 7):
        vars_[0].value = value
        total += propagate(vars_[0])
        if vars_[-1].value != value + n - 1:
            print("chain test failed", vars_[-1].value)
    vars_[n // 2].stay = True
    vars_[0].value = 100
    total += propagate(vars_[0])
    print(vars_[-1].name, vars_[-1].value, vars_[n // 2 - 1].value)
    return total


def main(n: int) -> int:
    t = chain_test(n)
    print("updates", t)
    return t
