# a NamedTuple with a str field: indexed, unpacked, sorted; namedtuple() values made tuples and lists
from typing import NamedTuple
from collections import namedtuple


class Employee(NamedTuple):
    name: str
    age: int
    salary: float = 100.0


Pair = namedtuple("Pair", "left right")


def main(n: int):
    e = Employee("ann", n)
    print(e, e[0], e[1], e[2], e[-3], len(e))
    name, age, salary = e
    print(name.upper(), age + 1, salary / 2)
    staff = [Employee("bob", 3, 5.0), e, Employee("al", 40)]
    staff.sort()
    print(staff)
    print(sorted(staff, key=lambda x: x.salary)[0].name, max(staff).age)
    p = Pair(1.5, 2.5)
    print(p, p[0] + p[1], [x * 2 for x in p], list(Pair(3.0, 4.0)), tuple(Pair(5.0, 6.0)))
    print(max([Pair(1.0, 2.0), Pair(1.0, 3.0)]), Pair(1.0, 2.0) != Pair(1.0, 2.0))
    totals = {Pair(1.0, 2.0): 1.5}
    totals[Pair(1.0, 2.0)] += 1
    print(totals, Pair(1.0, 2.0) in totals, Pair(2.0, 1.0) in totals)
    return e.age
# ARGS: 7
