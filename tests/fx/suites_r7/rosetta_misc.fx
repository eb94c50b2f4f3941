# ARGS: 30
def doors(n: int) -> list[int]:
    open_ = [False] * (n + 1)
    for step in range(1, n + 1):
        for d in range(step, n + 1, step):
            open_[d] = not open_[d]
    return [d for d in range(1, n + 1) if open_[d]]


def look_and_say(s: str) -> str:
    out = []
    prev = None
    count = 0
    for ch in s:
        if prev is not None and ch != prev:
            out.append(str(count) + prev)
            count = 0
        prev = ch
        count += 1
    if prev is not None:
        out.append(str(count) + prev)
    return "".join(out)


def luhn(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def happy(n: int) -> bool:
    seen = set()
    while n != 1 and n not in seen:
        seen.add(n)
        n = sum(int(c) ** 2 for c in str(n))
    return n == 1


def josephus(n: int, k: int) -> int:
    people = list(range(n))
    i = 0
    last = None
    while people:
        i = (i + k - 1) % len(people)
        last = people.pop(i)
    return last


def main(n: int) -> int:
    print("open doors:", doors(n * 3))
    s = "1"
    for _ in range(8):
        print(s)
        s = look_and_say(s)
    for num in ("49927398716", "49927398717", "1234567812345678", "1234567812345670"):
        print(num, luhn(num))
    print("happy:", [k for k in range(1, n * 2) if happy(k)])
    print("josephus", josephus(n + 11, 3))
    for i in range(1, 16):
        print("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else i, end=" ")
    print()
    return len(s)
