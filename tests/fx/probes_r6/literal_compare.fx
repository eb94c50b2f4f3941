# ARGS: 1
def main(n: int) -> bool:
    print("abc" < "abd", "B" < "a", "ab" == "ab", "x" != "xy")
    return "a" < "b"
