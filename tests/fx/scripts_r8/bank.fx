# ARGS: 5
class Account:
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds for {self.owner}")
        self.balance -= amount
        self.history.append(("wd", amount))

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance:.2f})"

def main(n: int):
    accts = [Account(f"user{i}", 10.0 * i) for i in range(n)]
    for i, a in enumerate(accts):
        a.deposit(5.5 + i)
        try:
            a.withdraw(20.5)
        except ValueError as e:
            print("failed:", e)
    accts.sort(key=lambda a: -a.balance)
    print(accts)
    total = sum(a.balance for a in accts)
    print(f"total={total:,.2f}")
    print(accts[-1].history)
    return [len(a.history) for a in accts]
