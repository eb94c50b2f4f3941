# ARGS: 500
IntGlob = 0
BoolGlob = False
Char1Glob = "\0"
Char2Glob = "\0"
Label = ""


def proc4():
    global Char2Glob, BoolGlob
    BoolLoc = Char1Glob == "A"
    BoolGlob = BoolLoc or BoolGlob
    Char2Glob = "B"


def proc5():
    global Char1Glob, BoolGlob
    Char1Glob = "A"
    BoolGlob = False


def func1(c1: str, c2: str) -> str:
    loc1 = c1
    loc2 = loc1
    if loc2 != c2:
        return "A"
    return "B"


def tag(i: int):
    global Label
    Label = Label + "ABCDE"[i % 5]
    if len(Label) > 12:
        Label = Label[-6:]


def main(loops: int) -> int:
    global IntGlob
    print(repr(Char1Glob), repr(Char2Glob), repr(Label))
    for i in range(loops):
        proc5()
        proc4()
        IntGlob += 1 if func1(Char1Glob, Char2Glob) == "A" else 2
        for ch in "ABC":
            if ch == func1(ch, "C"):
                IntGlob += 1
        tag(i)
    print(Char1Glob, Char2Glob, BoolGlob, IntGlob, Label)
    return IntGlob
