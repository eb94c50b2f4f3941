# ARGS: 500
IDENT1, IDENT2, IDENT3 = 1, 2, 3


class Record:
    def __init__(self, discr=0, enum_comp=0, int_comp=0):
        self.discr = discr
        self.enum_comp = enum_comp
        self.int_comp = int_comp

    def copy(self):
        return Record(self.discr, self.enum_comp, self.int_comp)


int_glob = 0
bool_glob = False
array1 = [0] * 51
array2 = [[0] * 51 for _ in range(51)]


def proc7(a, b):
    return a + 2 + b


def proc8(a1, a2, i1, i2):
    global int_glob
    loc = i1 + 5
    a1[loc] = i2
    a1[loc + 1] = a1[loc]
    a1[loc + 30] = loc
    for idx in range(loc, loc + 2):
        a2[loc][idx] = loc
    a2[loc][loc - 1] += 1
    a2[loc + 20][loc] = a1[loc]
    int_glob = 5


def func1(c1, c2):
    return IDENT1 if c1 != c2 else IDENT2


def main(loops: int) -> None:
    global bool_glob
    rec = Record(IDENT3, IDENT2, 17)
    total = 0
    for i in range(loops):
        a = i % 7
        b = proc7(a, 3)
        proc8(array1, array2, a, b)
        bool_glob = func1("A", "B" if i % 2 else "A") == IDENT1
        r2 = rec.copy()
        r2.int_comp += i
        total += r2.int_comp + int_glob + (1 if bool_glob else 0)
    print(total, array1[8], array2[8][7], int_glob)
