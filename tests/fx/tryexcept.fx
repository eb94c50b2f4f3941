"""try/except/else/finally over the exceptions .fx code raises (compiled vs interpreted)."""
import math

from fastext import f64, i64


def _fail(kind: i64, x: i64) -> i64:
    """Raise an exception chosen by `kind` (0: none) the way .fx code can."""
    if kind == 1:
        raise ValueError("bad value")
    if kind == 2:
        return 10 // x              # ZeroDivisionError when x == 0
    if kind == 3:
        raise IndexError
    if kind == 4:
        raise KeyError("k")
    if kind == 5:
        assert x > 100, "small"     # AssertionError
    if kind == 6:
        return int(math.exp(f64(x) * 1000.0))   # OverflowError (math range error)
    if kind == 7:
        raise FloatingPointError
    if kind == 8:
        raise NotImplementedError("later")
    if kind == 9:
        raise RuntimeError
    if kind == 10:
        raise TypeError("t")
    if kind == 11:
        return int(math.sqrt(f64(-1 - x * x)))  # ValueError: math domain error
    if kind == 12:
        raise Exception("plain")
    if kind == 13:
        raise LookupError
    if kind == 14:
        raise ArithmeticError
    return x + 1


def _deep(kind: i64, x: i64, depth: i64) -> i64:
    if depth == 0:
        return _fail(kind, x)
    return _deep(kind, x, depth - 1) + 1


def classify(kind: i64, x: i64) -> i64:
    """Which clause catches it: the first that names the exception or a base of it."""
    try:
        r = _fail(kind, x)
    except ValueError:
        return -1
    except (IndexError, ZeroDivisionError):
        return -2
    except ArithmeticError:
        return -3
    except LookupError:
        return -4
    except RuntimeError:
        return -5
    except AssertionError:
        return -6
    except Exception:
        return -7
    return r


def hierarchy(kind: i64, x: i64, log: i64[:]) -> i64:
    """One clause per base class, recorded in order."""
    n = 0
    try:
        _fail(kind, x)
    except ArithmeticError:
        log[n] = 1
        n += 1
    except:
        log[n] = 8
        n += 1
    try:
        try:
            _fail(kind, x)
        except LookupError:
            log[n] = 2
            n += 1
    except RuntimeError:
        log[n] = 3
        n += 1
    except:
        log[n] = 4
        n += 1
    return n


def order(kind: i64, x: i64, log: i64[:]) -> i64:
    """body / except / else / finally, in the order they ran."""
    n = 0
    try:
        log[n] = 1
        n += 1
        r = _deep(kind, x, 3)
        log[n] = 2
        n += 1
    except ZeroDivisionError:
        log[n] = 3
        n += 1
    except (ValueError, KeyError):
        log[n] = 4
        n += 1
    else:
        log[n] = 5
        n += 1
    finally:
        log[n] = 6
        n += 1
    log[n] = 7
    n += 1
    return n


def finally_on_exception(kind: i64, x: i64, log: i64[:]) -> i64:
    """The finally runs, then the exception goes on (to the caller, here)."""
    try:
        r = _fail(kind, x)
    finally:
        log[0] = 99
    return r


def finally_return(kind: i64, x: i64, log: i64[:]) -> i64:
    """A return in the try goes through the finally; a return in the finally wins."""
    try:
        if x > 3:
            return x * 2
        r = _fail(kind, x)
    finally:
        log[0] += 1
        if x == 7:
            return -100
        if x < -5:
            return -200          # swallows the exception, as in Python
    return r


def loop_break_continue(kind: i64, n: i64, log: i64[:]) -> i64:
    """break/continue out of try/finally and try/except inside loops."""
    total = 0
    k = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                continue
            if i == 7:
                break
            total += _fail(kind, i)
        except ValueError:
            total -= 1000
            if i > 4:
                break
        except Exception:
            total -= 1
            continue
        finally:
            log[k] = i
            k += 1
        total += 5
    j = 0
    while j < n:
        j += 1
        try:
            try:
                if j == 4:
                    break
                total += _fail(kind, j)
            finally:
                total *= 2
                if total > 10000:
                    total = 0
        except ZeroDivisionError:
            continue
        finally:
            total += 1
    return total + k


def reraise(kind: i64, x: i64, log: i64[:]) -> i64:
    """A bare raise re-raises the handled exception, even after others were caught."""
    try:
        _fail(kind, x)
    except LookupError:
        try:
            _fail(1, x)
        except ValueError:
            log[0] = 1
        raise
    except ArithmeticError:
        raise ValueError("converted")
    except:
        log[0] = 2
    return 0


def finally_keeps_exception(kind: i64, x: i64, log: i64[:]) -> i64:
    """An exception caught inside a finally does not replace the one in flight."""
    try:
        _fail(kind, x)
    finally:
        try:
            _fail(2, 0)
        except ZeroDivisionError:
            log[0] = 5
    return 1


def nested(kind: i64, inner: i64, x: i64) -> i64:
    """An inner try that does not match lets the outer one catch; handlers may raise."""
    s = 0
    try:
        try:
            s += _fail(kind, x)
        except ValueError:
            s += 100
            s += _fail(inner, x)
        except IndexError:
            s += 200
        finally:
            s += 1000
    except ZeroDivisionError:
        s += 10000
    except Exception:
        s += 20000
    return s


def array_errors(a: f64[:], i: i64, d: f64) -> f64:
    """Errors from indexing and float division."""
    try:
        return a[i] / d
    except IndexError:
        return -1.0
    except ZeroDivisionError:
        return -2.0


def else_raises(kind: i64, x: i64) -> i64:
    """An exception in the else clause is not caught by the same try's handlers."""
    r = 0
    try:
        try:
            r = x
        except ValueError:
            r = -1
        else:
            r = _fail(kind, x)
    except ValueError:
        r = -2
    return r


def returns_from_all(kind: i64, x: i64) -> i64:
    """Every path returns inside the try statement: no fall-through needed."""
    try:
        return _fail(kind, x)
    except ValueError:
        return -1
    except Exception:
        return -2


def finally_flow(kind: i64, n: i64) -> i64:
    """continue/break inside a finally block end the exception in flight."""
    total = 0
    for i in range(n):
        try:
            total += _fail(kind, i)
        finally:
            if i == 3:
                continue
            if i == 5:
                break
        total += 1
    return total


def return_through_two(kind: i64, x: i64, log: i64[:]) -> i64:
    """return from the body and from a clause passes through both finally blocks."""
    try:
        try:
            return _fail(kind, x)
        except ValueError:
            log[0] = 1
            return -1
        finally:
            log[1] = log[0] + 10
    finally:
        log[2] = log[1] + 100
