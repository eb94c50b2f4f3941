# ARGS: 5
def main(n: int) -> int:
    people = [("bob", 31), ("alice", 25), ("carol", 31), ("dave", 19)]
    by_age = sorted(people, key=lambda p: p[1])
    print(by_age)
    by_age_desc = sorted(people, key=lambda p: (-p[1], p[0]))
    print(by_age_desc)
    names = sorted([p[0] for p in people], reverse=True)
    print(names)
    xs = [5.5, 1.25, 3.0, -2.0]
    xs.sort(reverse=True)
    print(xs)
    words = ["pear", "fig", "banana", "kiwi"]
    words.sort(key=len)
    print(words)
    print(sorted(words, key=lambda w: w[-1]))
    return len(people) + n
