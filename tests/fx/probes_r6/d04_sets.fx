# ARGS: 30
def main(n: int) -> int:
    seen = set()
    dup = []
    for i in range(n):
        v = (i * 7) % 11
        if v in seen:
            dup.append(v)
        else:
            seen.add(v)
    print(sorted(seen), dup)
    evens = {x for x in range(10) if x % 2 == 0}
    print(sorted(evens), 4 in evens, len(evens))
    for v in sorted(evens):
        print(v, end=" ")
    print()
    words = set("mississippi")
    print(sorted(words))
    return len(seen)
