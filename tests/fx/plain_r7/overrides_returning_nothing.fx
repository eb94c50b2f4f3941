class Base:
    def __init__(self, k: int):
        self.k = k
    def execute(self):
        pass

class A(Base):
    def execute(self):
        self.k += 1

class B(Base):
    def execute(self):
        self.k *= 2

def main(n: int):
    xs = [A(1), B(2), A(3)]
    for x in xs:
        x.execute()
    print([x.k for x in xs])
    return n
# ARGS: 1
