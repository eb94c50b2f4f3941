# class-level counters and settings changed through the class (Counter.instances += 1, cls.x, type(self).x)
class Counter:
    instances = 0
    label = "counter"

    def __init__(self, step: int):
        Counter.instances += 1
        self.step = step
        self.ident = self.instances

    def describe(self) -> str:
        return f"{self.label} #{self.ident} of {Counter.instances} (step {self.step})"

    @classmethod
    def reset(cls):
        cls.instances = 0

class Account:
    rate = 0.5
    opened = 0

    def __init__(self, balance: float):
        type(self).opened += 1
        self.balance = balance

    def interest(self) -> float:
        return self.balance * self.rate

def main(n: int):
    cs = [Counter(i) for i in range(n)]
    for c in cs:
        print(c.describe())
    print(Counter.instances, cs[0].ident)
    Counter.reset()
    print(Counter.instances)
    Counter(7)
    print(Counter.instances)
    a = Account(10.0)
    Account.rate = 0.25
    b = Account(4.0)
    print(Account.opened, a.interest(), b.interest())
    return Counter.instances + Account.opened
# ARGS: 3
