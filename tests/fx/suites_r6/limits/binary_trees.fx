# ARGS: 8
def make_tree(depth: int):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tree(depth), make_tree(depth))


def check_tree(node) -> int:
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


def main(max_depth: int) -> int:
    min_depth = 4
    max_depth = max(min_depth + 2, max_depth)
    stretch = max_depth + 1
    print("stretch tree of depth %d\t check: %d" % (stretch, check_tree(make_tree(stretch))))
    long_lived = make_tree(max_depth)
    for d in range(min_depth, stretch, 2):
        iterations = 2 ** (max_depth - d + min_depth)
        check = 0
        for i in range(iterations):
            check += check_tree(make_tree(d))
        print("%d\t trees of depth %d\t check: %d" % (iterations, d, check))
    print("long lived tree of depth %d\t check: %d" % (max_depth, check_tree(long_lived)))
    return check_tree(long_lived)
