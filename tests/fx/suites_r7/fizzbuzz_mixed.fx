# ARGS: 16
def main(n: int) -> int:
    for i in range(1, n):
        print("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else i, end=" ")
    print()
    for i in range(4):
        print(i if i % 2 else i * 1.5, "x" if i else 0 if i < 0 else 2.5)
    return n
