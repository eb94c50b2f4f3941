# ARGS: 5
from fastext import struct, f64, i64


@struct(mutable=True)
class Account:
    number: i64
    balance: f64

    def deposit(self, amount: f64):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self.balance += amount

    def withdraw(self, amount: f64) -> bool:
        if amount > self.balance:
            return False
        self.balance -= amount
        return True


def main(n: int) -> float:
    accts = [Account(i, 10.0 * i) for i in range(n)]
    for a in accts:
        a.deposit(5.0)
    ok = [a.withdraw(20.0) for a in accts]
    print(ok)
    try:
        accts[0].deposit(-1.0)
    except ValueError as e:
        print("error:", e)
    by_num = {a.number: a.balance for a in accts}
    print(by_num)
    richest = max(accts, key=lambda a: a.balance)
    print(richest.number, f"{richest.balance:.2f}")
    return sum(a.balance for a in accts)
