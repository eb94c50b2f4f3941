"""Python objects and callbacks, and str parameters (tests/test_objects.py)."""
from fastext import c128, f32, f64, i32, i64, u8


# ---------------------------------------------------------------- callbacks and attributes

def apply(cb: object, x: f64) -> f64:
    y: f64 = cb(x)
    return y


def apply_sum(cb: object, n: i64) -> f64:
    total = 0.0
    for i in range(n):
        v: f64 = cb(i)
        total += v
    return total


def read_attr(o: object) -> f64:
    return f64(o.value)


def chain_attr(o: object) -> i64:
    return int(o.inner.count)


def call_method(o: object, k: i64) -> object:
    return o.get(k, "missing")


def call_kw(cb: object, a: i64, b: f64) -> object:
    return cb(a, scale=b, name="x", flag=True)


def walk(o: object, depth: i64) -> object:
    node = o
    for _ in range(depth):
        node = node.next
    return node


def rebind_param(o: object) -> object:
    o = o.next
    return o


def is_none(o: object) -> bool:
    return o is None


def same(a: object, b: object) -> bool:
    return a is b


def truthy(o: object) -> bool:
    if o:
        return True
    return False


def length(o: object) -> i64:
    return len(o)


def sum_list(xs: list) -> f64:
    t = 0.0
    for i in range(len(xs)):
        t += float(xs[i])
    return t


def dict_get(d: dict, key: str) -> object:
    return d[key]


def tuple_len(t: tuple) -> i64:
    return len(t)


def set_has(s: set, x: i64) -> bool:
    return bool(s.__contains__(x))


def conversions(o: object) -> tuple[i64, i32, f64, f32, bool]:
    return int(o), i32(o), float(o), f32(o), bool(o)


def as_u8(o: object) -> i64:
    v: u8 = o
    return v


def pick(a: object, b: object, first: bool) -> object:
    return a if first else b


def _scaled(o: object, x: i64) -> f64:
    s: f64 = o.scale
    return s * f64(x)


def native_chain(o: object, n: i64) -> f64:
    t = 0.0
    for i in range(n):
        t += _scaled(o, i)
    return t


def box_args(cb: object, i: i64, x: f64, flag: bool, z: complex, s: str) -> object:
    return cb(i, x, flag, z, s, s[0], None)


def discard(cb: object, n: i64) -> i64:
    for i in range(n):
        cb(i)
    return n


def checked(cb: object, x: i64) -> i64:
    """A callback error caught by class in .fx code."""
    try:
        r: i64 = cb(x)
        return r
    except (KeyError, ZeroDivisionError):
        return -1
    except ValueError:
        return -2


def scalar_to_object(x: f64) -> f64:
    return _passthrough(x * 2.0, x)


def _passthrough(o: object, x: f64) -> f64:
    return f64(o) + x


# ---------------------------------------------------------------- str parameters

def text_len(s: str) -> i64:
    return len(s)


def char_at(s: str, i: i64) -> i64:
    return ord(s[i])


def count_char(s: str, c: str) -> i64:
    n = 0
    target = c[0]
    for ch in s:
        if ch == target:
            n += 1
    return n


def count_spaces(s: str) -> i64:
    n = 0
    for c in s:
        if c in " \t\n":
            n += 1
        elif c not in "abc":
            n += 100
    return n


def find(s: str, c: str) -> i64:
    for i, ch in enumerate(s):
        if ch == c[0]:
            return i
    return -1


def compare(s: str, t: str) -> i64:
    for i in range(min(len(s), len(t))):
        if s[i] < t[i]:
            return -1
        if s[i] > t[i]:
            return 1
    return (len(s) > len(t)) - (len(s) < len(t))


def sum_ints(s: str) -> i64:
    """The sum of the (optionally negative) integers in a text."""
    total = 0
    v = 0
    neg = False
    digits = False
    for ch in s:
        if "0" <= ch <= "9":
            v = v * 10 + (ord(ch) - ord("0"))
            digits = True
        elif ch == "-" and not digits:
            neg = True
        else:
            if digits:
                total += -v if neg else v
            v = 0
            neg = False
            digits = False
    if digits:
        total += -v if neg else v
    return total


def codes(s: str, out: i64[:]) -> i64:
    k = 0
    for c in s:
        out[k] = ord(c)
        k += 1
    return k


def keyword(s: str) -> i64:
    if s == "let":
        return 1
    if "while" == s:
        return 2
    if s == "":
        return 3
    if s != "héllo":
        return 0
    return 4


def _first_code(s: str) -> i64:
    return ord(s[0]) if len(s) > 0 else -1


def pass_str(s: str) -> i64:
    return _first_code(s)


def sum_items(xs: list, ys: tuple) -> f64:
    t = 0.0
    for x in xs:
        t += float(x)
    for i, y in enumerate(ys):
        v: f64 = y
        t += v * f64(i)
    return t


# ---------------------------------------------------------------- Python exceptions in try statements

def with_finally(cb: object, log: object, x: i64) -> i64:
    """finally runs (and may call Python) while a callback's exception is in flight."""
    r = 0
    try:
        v: i64 = cb(x)
        r = v
    finally:
        log.append(x)
    return r


def reraise(cb: object, log: object, x: i64) -> i64:
    try:
        v: i64 = cb(x)
        return v
    except LookupError:
        log.append(-1)
        raise


def swallow_in_finally(cb: object, x: i64) -> i64:
    for i in range(3):
        try:
            cb(x + i)
        finally:
            if i == 1:
                break
    return -5


def return_in_finally(cb: object, x: i64) -> i64:
    try:
        cb(x)
    finally:
        return 7


def replace_in_except(cb: object, x: i64) -> i64:
    try:
        cb(x)
    except ValueError:
        raise KeyError("replaced")
    return 0


def nested(cb: object, log: object, x: i64) -> i64:
    total = 0
    for i in range(4):
        try:
            try:
                v: i64 = cb(x + i)
                total += v
            except ZeroDivisionError:
                log.append(i)
                if i == 2:
                    raise
                continue
            finally:
                log.append(100 + i)
        except ArithmeticError:
            total += 1000
    return total


def scalar_loop_to_object(n: i64) -> f64:
    """No object parameter, but it boxes numbers for a function that takes objects."""
    t = 0.0
    for i in range(n):
        try:
            t += _passthrough(f64(i), 1.0)
        except ValueError:
            t -= 1.0
    return t


def widen(xs: list, first: bool) -> object:
    o: object = xs
    if first:
        return xs
    return _identity(o)


def _identity(o: object) -> object:
    return o


def to_complex(o: object) -> complex:
    return complex(o) + c128(o)


def optional_callback(x: f64, cb: object = None) -> f64:
    if cb is None:
        return x
    y: f64 = cb(x)
    return y


def calls_optional(x: f64, cb: object) -> f64:
    return optional_callback(x) + optional_callback(x, cb)


def sum_iterable(it: object) -> f64:
    """Any Python iterable: a dict's keys, a set, a generator, a range, ..."""
    t = 0.0
    for x in it:
        if x is None:
            continue
        v: f64 = x
        if v < 0.0:
            break
        t += v
    return t


def dict_values(d: dict) -> f64:
    t = 0.0
    for k in d:
        t += float(d[k]) * float(k)
    return t


def record(o: object, d: dict, k: i64, x: f64) -> bool:
    o.last = x
    o.count = int(o.count) + 1
    d[k] = x * 2.0
    d["name"] = "set"
    return k in d and "missing" not in d


def histogram(s: str, counts: dict) -> None:
    for c in s:
        if c in counts:
            counts[c] = int(counts[c]) + 1
        else:
            counts[c] = 1


def common_prefix(s: str, t: str) -> i64:
    n = 0
    for a, b in zip(s, t):
        if a != b:
            break
        n += 1
    return n


def last_vowel(s: str) -> i64:
    k = -1
    i = len(s) - 1
    while i >= 0:
        c = s[i]
        if c in "aeiouAEIOUé":
            k = i
            break
        i -= 1
    return k
