# ARGS: 60
def merge_sort(xs: list[int]) -> list[int]:
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left = merge_sort(xs[:mid])
    right = merge_sort(xs[mid:])
    merged = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged


def insertion_sort(xs):
    xs = list(xs)
    for i in range(1, len(xs)):
        key = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > key:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = key
    return xs


def bubble_sort(xs):
    xs = xs[:]
    n = len(xs)
    swapped = True
    while swapped:
        swapped = False
        for i in range(n - 1):
            if xs[i] > xs[i + 1]:
                xs[i], xs[i + 1] = xs[i + 1], xs[i]
                swapped = True
        n -= 1
    return xs


def quicksort(xs):
    if len(xs) < 2:
        return xs
    pivot = xs[len(xs) // 2]
    return quicksort([x for x in xs if x < pivot]) + [x for x in xs if x == pivot] + \
        quicksort([x for x in xs if x > pivot])


def main(n: int) -> int:
    seed = 12345
    data = []
    for _ in range(n):
        seed = (seed * 69069 + 1) % 4294967296
        data.append(seed % 1000)
    a = merge_sort(data)
    b = insertion_sort(data)
    c = bubble_sort(data)
    d = quicksort(data)
    print(a == b == c == d == sorted(data), a[:8], a[-3:])
    words = "the quick brown fox jumps over the lazy dog".split()
    print(merge_sort([len(w) for w in words]), sorted(words, key=len), sorted(words, reverse=True)[:3])
    return sum(a[::7])
