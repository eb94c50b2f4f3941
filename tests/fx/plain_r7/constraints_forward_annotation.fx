from __future__ import annotations
class Strength:
    def __init__(self, strength: int, name: str):
        self.strength = strength
        self.name = name

    def stronger(self, other: "Strength") -> bool:
        return self.strength < other.strength

    def weakest_of(self, other: "Strength") -> "Strength":
        return self if other.stronger(self) else other


REQUIRED = Strength(0, "required")
STRONG_PREFERRED = Strength(1, "strongPreferred")
PREFERRED = Strength(2, "preferred")
NORMAL = Strength(4, "normal")
WEAKEST = Strength(6, "weakest")


class Variable:
    def __init__(self, name: str, value: int = 0):
        self.name = name
        self.value = value
        self.constraints: list[Constraint] = []
        self.determined_by = None
        self.walk_strength = WEAKEST
        self.stay = True

    def add_constraint(self, c):
        self.constraints.append(c)


class Constraint:
    def __init__(self, strength: Strength):
        self.strength = strength

    def is_input(self) -> bool:
        return False

    def execute(self):
        pass


class EqualityConstraint(Constraint):
    def __init__(self, a: Variable, b: Variable, strength: Strength):
        super().__init__(strength)
        self.a = a
        self.b = b
        a.add_constraint(self)
        b.add_constraint(self)

    def execute(self):
        self.b.value = self.a.value


class ScaleConstraint(Constraint):
    def __init__(self, src: Variable, dst: Variable, scale: int, offset: int, strength: Strength):
        super().__init__(strength)
        self.src = src
        self.dst = dst
        self.scale = scale
        self.offset = offset

    def execute(self):
        self.dst.value = self.src.value * self.scale + self.offset


def main(n: int):
    vars_ = [Variable(f"v{i}", i) for i in range(n)]
    plan = []
    for i in range(n - 1):
        if i % 2:
            plan.append(EqualityConstraint(vars_[i], vars_[i + 1], NORMAL))
        else:
            plan.append(ScaleConstraint(vars_[i], vars_[i + 1], 2, 1, REQUIRED))
    for c in plan:
        c.execute()
    print([v.value for v in vars_])
    print(NORMAL.weakest_of(REQUIRED).name, len(vars_[1].constraints))
    return vars_[-1].value
# ARGS: 8
