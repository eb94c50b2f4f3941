# ARGS: [3, 10, 2, 1, 20, 4, 6, 7, 30, 5, 8, 9, 11, 25], 37
import bisect


def lis_length(xs: list[int]) -> int:
    tails = []
    for x in xs:
        i = bisect.bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(tails)


def lis_sequence(xs: list[int]) -> list[int]:
    n = len(xs)
    best = [1] * n
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if xs[j] < xs[i] and best[j] + 1 > best[i]:
                best[i] = best[j] + 1
                prev[i] = j
    k = max(range(n), key=lambda i: best[i])
    seq = []
    while k != -1:
        seq.append(xs[k])
        k = prev[k]
    seq.reverse()
    return seq


def coin_ways(coins: list[int], amount: int) -> int:
    ways = [0] * (amount + 1)
    ways[0] = 1
    for c in coins:
        for a in range(c, amount + 1):
            ways[a] += ways[a - c]
    return ways[amount]


def min_coins(coins: list[int], amount: int) -> int:
    inf = amount + 1
    best = [0] + [inf] * amount
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and best[a - c] + 1 < best[a]:
                best[a] = best[a - c] + 1
    return best[amount] if best[amount] != inf else -1


def matrix_chain(dims: list[int]) -> int:
    n = len(dims) - 1
    cost = [[0] * n for _ in range(n)]
    for length in range(2, n + 1):
        for i in range(n - length + 1):
            j = i + length - 1
            cost[i][j] = min(cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1]
                             for k in range(i, j))
    return cost[0][n - 1]


def main(xs: list[int], amount: int) -> int:
    print("lis", lis_length(xs), lis_sequence(xs))
    coins = [1, 2, 5, 10, 25]
    print("ways", coin_ways(coins, amount), "fewest", min_coins(coins, amount), min_coins([4, 6], 7))
    print("chain", matrix_chain([30, 35, 15, 5, 10, 20, 25]))
    return lis_length(xs) + coin_ways(coins, amount)
