counter = 0
def bump(k: int):
    global counter
    counter += k

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

def main(n: int):
    for i in range(n):
        bump(i)
    print(counter)
    i = 0
    while True:
        i += 1
        if i * i > n:
            break
    else:
        print("never")
    total = 0
    try:
        for j in range(5):
            total += j
    finally:
        print("done", total)
    assert total == 10, "sum wrong"
    return counter
# ARGS: 10
