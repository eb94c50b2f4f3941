# ARGS: 7
def fannkuch(n: int) -> tuple[int, int]:
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        if perm1[0] != 0:
            perm = perm1[:]
            flips = 0
            k = perm[0]
            while k:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if sign == 1 else -flips
        if sign == 1:
            perm1[0], perm1[1] = perm1[1], perm1[0]
            sign = -1
        else:
            perm1[1], perm1[2] = perm1[2], perm1[1]
            sign = 1
            while True:
                if r == n:
                    return checksum, max_flips
                first = perm1[0]
                perm1[:r + 1] = perm1[1:r + 1] + [first]
                count[r] -= 1
                if count[r] > 0:
                    break
                r += 1
            r = 1


def main(n: int) -> int:
    checksum, flips = fannkuch(n)
    print(checksum)
    print("Pfannkuchen(%d) = %d" % (n, flips))
    return flips
