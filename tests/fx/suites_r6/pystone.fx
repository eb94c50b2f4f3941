# ARGS: 500
IDENT_1 = 1
IDENT_2 = 2
IDENT_3 = 3
IDENT_4 = 4
IDENT_5 = 5


class Record:
    def __init__(self, ptr_comp=None, discr: int = 0, enum_comp: int = 0,
                 int_comp: int = 0, string_comp: int = 0):
        self.ptr_comp = ptr_comp
        self.discr = discr
        self.enum_comp = enum_comp
        self.int_comp = int_comp
        self.string_comp = string_comp

    def copy(self) -> "Record":
        return Record(self.ptr_comp, self.discr, self.enum_comp, self.int_comp, self.string_comp)


int_glob = 0
bool_glob = False
array1_glob = [0] * 51
array2_glob = [x[:] for x in [array1_glob] * 51]


def func1(char_par1: str, char_par2: str) -> int:
    char_loc1 = char_par1
    char_loc2 = char_loc1
    if char_loc2 != char_par2:
        return IDENT_1
    return IDENT_2


def func2(str_par1: str, str_par2: str) -> bool:
    int_loc = 1
    char_loc = "A"
    while int_loc <= 1:
        if func1(str_par1[int_loc], str_par2[int_loc + 1]) == IDENT_1:
            char_loc = "A"
            int_loc = int_loc + 1
    if "W" <= char_loc <= "Z":
        int_loc = 7
    if char_loc == "X":
        return True
    if str_par1 > str_par2:
        int_loc = int_loc + 7
        return True
    return False


def func3(enum_par_in: int) -> bool:
    return enum_par_in == IDENT_3


def proc6(enum_par_in: int) -> int:
    enum_par_out = enum_par_in
    if not func3(enum_par_in):
        enum_par_out = IDENT_4
    if enum_par_in == IDENT_1:
        enum_par_out = IDENT_1
    elif enum_par_in == IDENT_2:
        if int_glob > 100:
            enum_par_out = IDENT_1
        else:
            enum_par_out = IDENT_4
    elif enum_par_in == IDENT_3:
        enum_par_out = IDENT_2
    elif enum_par_in == IDENT_5:
        enum_par_out = IDENT_3
    return enum_par_out


def proc7(int_par_i1: int, int_par_i2: int) -> int:
    return int_par_i2 + int_par_i1 + 2


def proc8(array1_par: list[int], array2_par: list[list[int]], int_par_i1: int, int_par_i2: int) -> None:
    global int_glob
    int_loc = int_par_i1 + 5
    array1_par[int_loc] = int_par_i2
    array1_par[int_loc + 1] = array1_par[int_loc]
    array1_par[int_loc + 30] = int_loc
    for int_index in range(int_loc, int_loc + 2):
        array2_par[int_loc][int_index] = int_loc
    array2_par[int_loc][int_loc - 1] = array2_par[int_loc][int_loc - 1] + 1
    array2_par[int_loc + 20][int_loc] = array1_par[int_loc]
    int_glob = 5


def main(loops: int) -> int:
    # (pystone's Char1Glob/Char2Glob are module globals; a str global assigned from a function
    # is outside the dialect — docs/language.md — so they are locals here)
    global int_glob, bool_glob
    char1_glob = "\0"
    char2_glob = "\0"
    glob = Record()
    next_glob = Record()
    glob.ptr_comp = next_glob
    glob.discr = IDENT_1
    glob.enum_comp = IDENT_3
    glob.int_comp = 40
    string1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    array2_glob[8][7] = 10
    checksum = 0
    for i in range(loops):
        char1_glob = "A"
        char2_glob = "B"
        bool_glob = True
        int_loc1 = 2
        int_loc2 = 3
        string2 = "DHRYSTONE PROGRAM, 2'ND STRING"
        enum_loc = IDENT_2
        bool_glob = not func2(string1, string2)
        while int_loc1 < int_loc2:
            int_loc3 = 5 * int_loc1 - int_loc2
            int_loc3 = proc7(int_loc1, int_loc2)
            int_loc1 = int_loc1 + 1
        proc8(array1_glob, array2_glob, int_loc1, int_loc3)
        enum_loc = proc6(IDENT_3)
        char_index = "A"
        while char_index <= char2_glob:
            if enum_loc == func1(char_index, "C"):
                enum_loc = proc6(IDENT_1)
            char_index = chr(ord(char_index) + 1)
        int_loc3 = int_loc2 * int_loc1
        int_loc2 = int_loc3 // int_loc1
        int_loc2 = 7 * (int_loc3 - int_loc2) - int_loc1
        nxt = glob.ptr_comp.copy()
        nxt.int_comp = glob.int_comp + i % 7
        checksum += int_loc1 + int_loc2 + int_loc3 + enum_loc + nxt.int_comp + int(bool_glob)
    print("int_glob", int_glob, "bool_glob", bool_glob, "chars", char1_glob, char2_glob)
    print("array1[8]", array1_glob[8], "array2[8][7]", array2_glob[8][7])
    return checksum
