from __future__ import annotations
from typing import Optional


class Node:
    def eval(self, env: list[float]) -> float:
        raise NotImplementedError

    def show(self) -> str:
        return "?"

    def size(self) -> int:
        return 1


class Num(Node):
    def __init__(self, value: float):
        self.value = value

    def eval(self, env: list[float]) -> float:
        return self.value

    def show(self) -> str:
        return str(self.value)


class Var(Node):
    def __init__(self, slot: int):
        self.slot = slot

    def eval(self, env: list[float]) -> float:
        return env[self.slot]

    def show(self) -> str:
        return f"x{self.slot}"


class BinOp(Node):
    def __init__(self, left: Node, right: Node):
        self.left = left
        self.right = right

    def size(self) -> int:
        return 1 + self.left.size() + self.right.size()


class Add(BinOp):
    def eval(self, env: list[float]) -> float:
        return self.left.eval(env) + self.right.eval(env)

    def show(self) -> str:
        return f"({self.left.show()} + {self.right.show()})"


class Mul(BinOp):
    def eval(self, env: list[float]) -> float:
        return self.left.eval(env) * self.right.eval(env)

    def show(self) -> str:
        return f"({self.left.show()} * {self.right.show()})"


class Neg(Node):
    def __init__(self, inner: Node):
        self.inner = inner

    def eval(self, env: list[float]) -> float:
        return -self.inner.eval(env)

    def show(self) -> str:
        return "-" + self.inner.show()

    def size(self) -> int:
        return 1 + self.inner.size()


def _build(depth: int, k: int) -> Node:
    if depth == 0:
        if k % 3 == 0:
            return Var(k % 2)
        return Num(float(k % 7) + 0.5)
    if k % 4 == 0:
        return Neg(_build(depth - 1, k + 1))
    if k % 2 == 0:
        return Add(_build(depth - 1, k * 3 + 1), _build(depth - 1, k + 2))
    return Mul(_build(depth - 1, k + 5), _build(depth - 1, k * 2 + 1))


def _count_kinds(tree: Node) -> int:
    n = 0
    if isinstance(tree, BinOp):
        n += 1 + _count_kinds(tree.left) + _count_kinds(tree.right)
    elif isinstance(tree, Neg):
        n += _count_kinds(tree.inner)
    return n


def run(depth: int, steps: int) -> float:
    tree = _build(depth, 1)
    if depth < 4:
        print(tree.show())
    print("size", tree.size())
    print("binary nodes:", _count_kinds(tree))
    env = [0.0, 0.0]
    total = 0.0
    for i in range(steps):
        env[0] = i * 0.25
        env[1] = 1.0 - i * 0.125
        total += tree.eval(env)
    return total


# The same kind of tree written without annotations, as benchmark programs are: each method
# is specialised per call, the dispatcher too.
class Term:
    def evaluate(self, x):
        raise NotImplementedError


class Const(Term):
    def __init__(self, v):
        self.v = v

    def evaluate(self, x):
        return self.v


class X(Term):
    def evaluate(self, x):
        return x


class Plus(Term):
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def evaluate(self, x):
        return self.a.evaluate(x) + self.b.evaluate(x)


class Times(Plus):
    def evaluate(self, x):
        return self.a.evaluate(x) * self.b.evaluate(x)


def _poly() -> Term:
    return Plus(Times(Const(3.0), Times(X(), X())), Plus(Times(Const(-2.0), X()), Const(1.0)))


def untyped_table(n: int) -> float:
    p = _poly()
    s = 0.0
    for i in range(n):
        v = p.evaluate(i * 0.5)
        s += v
        if i < 3:
            print(i, v)
    return s
