# unannotated mutually recursive functions, typed from the parts of their returns


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def even2(n):
    return n == 0 or odd2(n - 1)


def odd2(n):
    return n != 0 and even2(n - 1)


def female(n):
    return 1 if n == 0 else n - male(female(n - 1))


def male(n):
    return 0 if n == 0 else n - female(male(n - 1))


def steps_up(n, count):
    if n == 1:
        return count
    return steps_down(n, count + 1)


def steps_down(n, count):
    return steps_up(n // 2 if n % 2 == 0 else 3 * n + 1, count)


def main(n: int):
    print(is_even(n), is_odd(n), even2(n), odd2(n + 1))
    print([female(i) for i in range(n)], [male(i) for i in range(n)])
    print(steps_up(n, 0), steps_up(27, 0))
    return even2(n)
# ARGS: 11
