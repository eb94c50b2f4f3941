def main(n: int):
    xs = [1.5, 2.0]
    d = {"a": 1}
    print(type(n).__name__, type(xs[0]).__name__, type(xs).__name__, type(d).__name__, type("s").__name__,
          type(n > 1).__name__, type((1, 2)).__name__, type({1}).__name__)
    return type(n).__name__
# ARGS: 3
