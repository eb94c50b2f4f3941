# A bank simulation with classes: accounts with a transaction history, an exception class
# for overdrafts, a savings account subclass with interest, and a bank that transfers.


class InsufficientFunds(Exception):
    pass


class Account:
    def __init__(self, owner: str, balance: float):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount: float):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount: float):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} cannot withdraw {amount:.2f}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def __str__(self):
        return f"{self.owner}: {self.balance:.2f}"


class Bank:
    def __init__(self):
        self.accounts = {}
        self.failed = 0

    def open(self, owner: str, amount: float):
        self.accounts[owner] = Account(owner, amount)

    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            print("  refused:", e)
            self.failed += 1
            return False
        self.accounts[dst].deposit(amount)
        return True

    def total(self):
        return sum(a.balance for a in self.accounts.values())


def main(months: int):
    bank = Bank()
    bank.open("alice", 100.0)
    bank.open("bob", 50.0)
    bank.open("carol", 0.0)
    print(bank.transfer("alice", "bob", 30.0), bank.transfer("carol", "alice", 5.0))
    print(bank.transfer("bob", "carol", 80.0))
    try:
        bank.accounts["bob"].deposit(-5.0)
    except ValueError as e:
        print("error:", e)
    rate = 0.01
    for month in range(months):
        for name in bank.accounts:
            acct = bank.accounts[name]
            interest = round(acct.balance * rate, 2)
            if interest > 0:
                acct.deposit(interest)
    for name in sorted(bank.accounts):
        acct = bank.accounts[name]
        print(acct, len(acct.history), acct.history[-1] if acct.history else None)
    print(f"total {bank.total():.2f}, failed {bank.failed}")
    return round(bank.total(), 2)
# ARGS: 3
