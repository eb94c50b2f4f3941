# ARGS: "Monkey 0:\n  Starting items: 79, 98\n  Operation: new = old * 19\n  Test: divisible by 23\n    If true: throw to monkey 2\n    If false: throw to monkey 3\n\nMonkey 1:\n  Starting items: 54, 65, 75, 74\n  Operation: new = old + 6\n  Test: divisible by 19\n    If true: throw to monkey 2\n    If false: throw to monkey 0\n\nMonkey 2:\n  Starting items: 79, 60, 97\n  Operation: new = old * old\n  Test: divisible by 13\n    If true: throw to monkey 1\n    If false: throw to monkey 3\n\nMonkey 3:\n  Starting items: 74\n  Operation: new = old + 3\n  Test: divisible by 17\n    If true: throw to monkey 0\n    If false: throw to monkey 1"
import math


class Monkey:
    def __init__(self, block: str):
        lines = block.splitlines()
        self.items = [int(x) for x in lines[1].split(":")[1].split(",")]
        expr = lines[2].split("=")[1].split()
        self.op = expr[1]
        self.arg = expr[2]
        self.div = int(lines[3].split()[-1])
        self.if_true = int(lines[4].split()[-1])
        self.if_false = int(lines[5].split()[-1])
        self.inspected = 0

    def worry(self, old: int) -> int:
        value = old if self.arg == "old" else int(self.arg)
        return old * value if self.op == "*" else old + value


def play(text: str, rounds: int, relief: bool) -> int:
    monkeys = [Monkey(b) for b in text.split("\n\n")]
    modulus = math.prod(m.div for m in monkeys)
    for _ in range(rounds):
        for m in monkeys:
            for item in m.items:
                m.inspected += 1
                w = m.worry(item)
                w = w // 3 if relief else w % modulus
                target = m.if_true if w % m.div == 0 else m.if_false
                monkeys[target].items.append(w)
            m.items = []
    counts = sorted((m.inspected for m in monkeys), reverse=True)
    return counts[0] * counts[1]


def main(text: str) -> int:
    a = play(text, 20, True)
    b = play(text, 1000, False)
    print("monkey business", a, b)
    return a + b
