# Accounts that log what happens to them in a list field `__init__` leaves empty; the amounts
# reach the methods unannotated, rounded to cents by the callers.


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            self.history.append(("refused", amount))
            return False
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return True

    def statement(self):
        lines = [f"{self.owner}:"]
        for kind, amount in self.history:
            lines.append(f"  {kind:<9}{amount:>10.2f}")
        lines.append(f"  {'balance':<9}{self.balance:>10.2f}")
        return "\n".join(lines)


def simulate(months, rate):
    acct = Account("ada", 250.0)
    for m in range(months):
        interest = round(acct.balance * rate, 2)
        acct.deposit(interest)
        ok = acct.withdraw(round(40.0 + 7.5 * m, 2))
        if not ok:
            acct.deposit(round(acct.balance * 0.5 + 1.0, 2))
    return acct


def main(n: int):
    acct = simulate(n, 0.015)
    print(acct.statement())
    try:
        acct.deposit(round(-acct.balance, 2))
    except ValueError as e:
        print("error:", e)
    kinds = {}
    for kind, amount in acct.history:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(sorted(kinds.items()))
    return round(acct.balance, 2)
# ARGS: 9
