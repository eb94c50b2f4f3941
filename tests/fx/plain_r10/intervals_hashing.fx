# Interview problems on lists, dicts and sets: merging intervals, two-sum, grouping anagrams,
# the longest run of consecutive numbers, and a sliding-window maximum.


def merge(intervals):
    out = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def two_sum(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return seen[target - x], i
        seen[x] = i
    return -1, -1


def anagram_groups(words):
    groups = {}
    for w in words:
        key = "".join(sorted(w))
        groups.setdefault(key, []).append(w)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=len, reverse=True)


def longest_run(nums):
    values = set(nums)
    best = 0
    best_start = 0
    for x in values:
        if x - 1 not in values:
            y = x
            while y + 1 in values:
                y += 1
            if y - x + 1 > best or y - x + 1 == best and x < best_start:
                best, best_start = y - x + 1, x
    return best, best_start


def window_max(nums, k):
    out = []
    dq = []
    for i, x in enumerate(nums):
        while dq and nums[dq[-1]] <= x:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.pop(0)
        if i >= k - 1:
            out.append(nums[dq[0]])
    return out


def main(n: int):
    print(merge([(1, 3), (2, 6), (8, 10), (15, 18), (17, 20), (9, 9)]))
    nums = [(i * 37) % 23 for i in range(n)]
    print(nums)
    print(two_sum(nums, 30), two_sum(nums, 1000))
    print(anagram_groups(["listen", "silent", "enlist", "google", "gogole", "cat", "act", "dog"]))
    print(longest_run(nums + [100, 101, 102]))
    print(window_max(nums, 3))
    return sum(window_max(nums, 4))
# ARGS: 15
