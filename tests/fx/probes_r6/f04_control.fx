# ARGS: 30
def is_prime(n: int) -> bool:
    if n < 2:
        return False
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            return False
    return True


def main(n: int) -> int:
    i = 0
    found = 0
    while 1:
        i += 1
        if i > n:
            break
        if is_prime(i):
            found += 1
    for k in range(2, 10):
        for j in range(2, k):
            if k % j == 0:
                print(k, "=", j, "*", k // j)
                break
        else:
            print(k, "is prime")
    j = 0
    while j < 3:
        j += 1
    else:
        print("while done", j)
    while True:
        j -= 1
        if j == 0:
            break
    return found
