import random
# ARGS: 20000
def main(n: int):
    random.seed(42)
    inside = 0
    for _ in range(n):
        x, y = random.random(), random.random()
        if x * x + y * y <= 1.0:
            inside += 1
    pi = 4.0 * inside / n
    pos = 0
    path = [0]
    for _ in range(20):
        pos += random.choice([-1, 1])
        path.append(pos)
    dice = [random.randint(1, 6) for _ in range(10)]
    deck = list(range(10))
    random.shuffle(deck)
    print(f"pi ~ {pi:.4f}", path, dice, deck)
    print(round(random.uniform(2.0, 3.0), 6), round(random.gauss(0.0, 1.0), 6))
    return inside
