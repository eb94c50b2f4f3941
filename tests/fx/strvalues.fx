"""str values, formatting and printing (tests/test_str_values.py): compiled vs plain Python."""
import sys
from fastext import i64, f64


def mandelbrot(size: i64) -> None:
    out = sys.stdout.buffer
    out.write(("P4\n%d %d\n" % (size, size)).encode())
    fsize = float(size)
    for y in range(size):
        ci = 2.0 * y / fsize - 1.0
        row = bytearray()
        bits = 0
        xb = 0
        for x in range(size):
            cr = 2.0 * x / fsize - 1.5
            zr = 0.0
            zi = 0.0
            escaped = False
            for i in range(50):
                tr = zr * zr - zi * zi + cr
                ti = 2.0 * zr * zi + ci
                zr = tr
                zi = ti
                if zr * zr + zi * zi > 4.0:
                    escaped = True
                    break
            bits = (bits << 1) | (0 if escaped else 1)
            xb += 1
            if xb == 8:
                row.append(bits)
                bits = 0
                xb = 0
        if xb > 0:
            row.append(bits << (8 - xb))
        out.write(bytes(row))
    sys.stdout.flush()


def report(e: f64) -> None:
    print("%.9f" % e)


def hx(n: i64) -> i64:
    s = hex(n)
    if s[-1] == 'L':
        s = s[0:-1]
    return int(s, 16)


def label(name: str, value: f64) -> str:
    return f"{name}: {value:.2f}"


def shout(sep: str, n: i64) -> None:
    print("a", n, 2.5, True, sep=sep, end="!\n")
    print("to stderr", n, file=sys.stderr)
    sys.stdout.write("written " + str(n) + "\n")
    sys.stdout.flush()


def fannkuch_line(checksum: i64, n: i64, flips: i64) -> None:
    print("%d\nPfannkuchen(%d) = %d" % (checksum, n, flips))


def float_text(x: f64) -> str:
    return str(x) + " " + repr(x) + " " + f"{x}"


def int_text(n: i64) -> str:
    return str(n) + " " + hex(n) + " " + oct(n) + " " + bin(n) + " " + repr(n) + " " + str(n > 0)


def percent(a: i64, x: f64, s: str) -> str:
    return "%s %r %x %5.2f %-8s| %% %d %e %g" % (s, s, a, x, s, a, x, x)


def fstrings(n: i64, x: f64, s: str) -> str:
    return f"{n:>5d}|{s!r}|{x * 2:.3f}|{n + 1}|{s + s:^9}|{x:{n % 7 + 1}.2f}|{'lit'}"


def round_trip_hex(n: i64) -> i64:
    return int(hex(n), 16) + int(oct(n), 8) + int(bin(n), 2) + int(str(n))


def parse_float(s: str) -> f64:
    return float(s) + float("0.5")


def ops(s: str, n: i64) -> str:
    t = "abc" + s
    u = t * n + t[::-1] + t[1:3] + t[0:-1] + t[-1] + t[1:] + t[:2]
    if "bc" in t and s not in "xyz" and t != s and s < t:
        u += "|in"
    for c in s:
        u = u + c.upper() + "."
    return u + " " + str(len(u))


def methods(s: str) -> str:
    words = s.split()
    joined = "-".join(words)
    out = joined.upper() + "," + s.strip().lower() + "," + s.replace("a", "A") + "," + s.lstrip() + "|"
    out += s.rstrip() + "|" + str(s.count("a")) + str(s.find("b")) + str(s.startswith(" ")) + str(s.endswith("z"))
    return out + str(s.strip().isdigit()) + "{}+{}".format(len(words), s.strip()[:3])


def compare(a: str, b: str) -> i64:
    r = 0
    if a == b:
        r += 1
    if a < b:
        r += 2
    if a >= b:
        r += 4
    t = a + ""
    if t == a:
        r += 8
    return r


def chars(n: i64) -> str:
    out = ""
    for k in range(n):
        out += chr(65 + k % 26)
    return out + str(ord(out[-1])) if n > 0 else out


def _second(s: str) -> str:
    return s[1:]


def _count(s: str) -> i64:
    n = 0
    for c in s:
        if c == "é":
            n += 1
    return n + len(s)


def pass_on(s: str, n: i64) -> str:
    t = s + "é" * n
    return _second(t) + str(_count(t)) + str(_count("ascii" + s))


def check(n: i64) -> i64:
    if n < 0:
        raise ValueError(f"bad {n}")
    if n > 100:
        raise ValueError("n=%d" % n)
    return n


def guarded(n: i64) -> str:
    try:
        check(n)
        return "ok"
    except ValueError as e:
        return "caught: " + str(e)


def native_error(a: f64[:], k: i64) -> str:
    try:
        return str(a[k])
    except IndexError as e:
        return "index: " + str(e)


def parse_int(s: str) -> str:
    try:
        return str(int(s) * 2)
    except ValueError as err:
        return f"not a number ({err})"


def echo(s: str) -> str:
    return s


def repeat_echo(s: str, n: i64) -> i64:
    total = 0
    for k in range(n):
        t = echo(s) + ""
        total += len(t) + len(s[0:1]) + len(f"{s}{k}")
    return total


def bytes_row(n: i64) -> i64:
    row = bytearray()
    for k in range(n):
        row.append(k % 256)
    b = bytes(row)
    return len(row) + len(b) + len("é".encode())


def misc(n: i64, s: str) -> str:
    t: str = "even" if n % 2 == 0 else "odd"
    if s:
        t += "|" + s
    for k, c in enumerate(t):
        if c == "|":
            t += str(k)
    return t + str(sys.maxsize - abs(n)) + str(bool(s)) + str(len(s.split(" ")))
