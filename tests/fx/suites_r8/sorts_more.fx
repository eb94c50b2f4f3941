# ARGS: 300
def heap_sort(xs: list[int]) -> list[int]:
    a = xs[:]
    n = len(a)

    def sift(start: int, end: int):
        root = start
        while 2 * root + 1 <= end:
            child = 2 * root + 1
            if child + 1 <= end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return

    for start in range(n // 2 - 1, -1, -1):
        sift(start, n - 1)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end - 1)
    return a


def radix_sort(xs: list[int]) -> list[int]:
    a = xs[:]
    exp = 1
    while a and max(a) // exp > 0:
        buckets = [[] for _ in range(10)]
        for v in a:
            buckets[(v // exp) % 10].append(v)
        a = [v for b in buckets for v in b]
        exp *= 10
    return a


def counting_sort(xs: list[int], top: int) -> list[int]:
    counts = [0] * (top + 1)
    for v in xs:
        counts[v] += 1
    out = []
    for v, c in enumerate(counts):
        out.extend([v] * c)
    return out


def shell_sort(xs: list[int]) -> list[int]:
    a = xs[:]
    gap = len(a) // 2
    while gap:
        for i in range(gap, len(a)):
            v = a[i]
            j = i
            while j >= gap and a[j - gap] > v:
                a[j] = a[j - gap]
                j -= gap
            a[j] = v
        gap //= 2
    return a


def quickselect(xs: list[int], k: int) -> int:
    a = xs[:]
    lo, hi = 0, len(a) - 1
    while True:
        pivot = a[(lo + hi) // 2]
        i, j = lo, hi
        while i <= j:
            while a[i] < pivot:
                i += 1
            while a[j] > pivot:
                j -= 1
            if i <= j:
                a[i], a[j] = a[j], a[i]
                i += 1
                j -= 1
        if k <= j:
            hi = j
        elif k >= i:
            lo = i
        else:
            return a[k]


def binary_search(a: list[int], x: int) -> int:
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(a) and a[lo] == x else -1


def main(n: int) -> int:
    xs = [(i * 7919 + 13) % 1009 for i in range(n)]
    ref = sorted(xs)
    results = [heap_sort(xs), radix_sort(xs), counting_sort(xs, 1008), shell_sort(xs)]
    print([r == ref for r in results])
    med = quickselect(xs, n // 2)
    print("median", med, ref[n // 2], "found at", binary_search(ref, med), binary_search(ref, 1009))
    return med
