# ClassVar counters of a dataclass and a class attribute shared by a hierarchy, changed from methods and functions
from dataclasses import dataclass
from typing import ClassVar

@dataclass
class Order:
    next_id: ClassVar[int] = 1
    log: ClassVar[str] = ""
    qty: int
    price: float = 1.0


    def stamp(self) -> int:
        Order.next_id += 1
        Order.log = Order.log + "x"
        return Order.next_id

class Base:
    made = 0
    def __init__(self):
        Base.made += 1
    def count(self) -> int:
        return self.made

class Child(Base):
    def __init__(self):
        super().__init__()
        Base.made += 10

def reset():
    Order.next_id = 100

def main(n: int):
    o = Order(n)
    print(o.stamp(), o.stamp(), Order.log, o)
    reset()
    print(o.stamp(), Order.next_id)
    b = Base()
    c = Child()
    print(Base.made, b.count(), c.count())
    return Order.next_id
# ARGS: 7
