# ARGS: 3
class Account:
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance:.2f})"

def main(n: int):
    accts = [Account(f"user{i}", 10.0 * i) for i in range(n)]
    print(accts)
    return [x.owner for x in accts]
