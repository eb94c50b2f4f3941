import random
import numpy as np
# ARGS: 12345
def main(seed: int):
    random.seed(seed)
    print([random.random() for _ in range(3)])
    print([random.randint(1, 6) for _ in range(10)], random.randrange(10), random.randrange(3, 100, 7))
    print(random.randint(0, 2**40), random.randrange(-2**62, 2**62), random.randint(-2**63, 2**63 - 1))
    print([random.gauss(0.0, 1.0) for _ in range(3)], random.normalvariate(1.0, 2.0), random.expovariate(1.5))
    print(random.uniform(2.0, 3.0))
    xs = list(range(10))
    random.shuffle(xs)
    print(xs, random.choice(xs), random.choice(["a", "b", "c"]))
    a = np.arange(8.0)
    random.shuffle(a)
    print(a.tolist())
    print(random.sample(xs, 4), random.sample(list(range(100)), 10))
    random.seed(-seed)
    r1 = random.random()
    random.seed(0)
    r2 = random.random()
    random.seed(2**63 - 1)
    r3 = random.random()
    random.seed(2**32)
    r4 = random.random()
    print(r1, r2, r3, r4)
    return 0
