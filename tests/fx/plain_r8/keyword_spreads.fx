# f(**options) and f(*args) with dict and list displays and locals bound once


def area(width, height, scale=1.0):
    return width * height * scale


def describe(name: str, age: int, city: str = "?") -> str:
    return f"{name} ({age}) from {city}"


def total(a: int, b: int, c: int) -> int:
    return a + b + c


def connect(host, port, timeout=5.0, retries=1):
    return f"{host}:{port} timeout={timeout} retries={retries}"


def main(n: int):
    opts = {"width": 2.0, "height": 3.0}
    print(area(**opts))
    print(area(**{"width": 1.5, "height": 2.0, "scale": 2.0}))
    person = {"name": "Ada", "age": 36}
    print(describe(**person), len(person), "age" in person, "city" not in person)
    print(describe("Bob", **{"age": 5, "city": "Oslo"}))
    t = (1, 2, n)
    print(total(*t))
    xs = [4, 5, 6]
    print(total(*xs), xs[0], len(xs))
    print(total(*[n, n, n]))
    dims = (3.0, 4.0)
    print(area(*dims, scale=0.5))
    settings = {"host": "db.local", "port": 5432, "timeout": 0.5}
    settings["port"] += n
    print(connect(**settings), settings.get("retries", 3), settings.get("host"))
    return total(*t)
# ARGS: 7
