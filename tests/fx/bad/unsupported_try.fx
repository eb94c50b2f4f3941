from fastext import f64


def safe_div(a: f64, b: f64) -> f64:
    try:
        a = a / b
    except ZeroDivisionError as e:
        a = 0.0
    except MyError:
        a = 1.0
    except (ValueError, OSError):
        a = 2.0
    return a


def bare(a: f64) -> f64:
    try:
        a = a / 2.0
    except:
        a = 0.0
    except ValueError:
        a = 1.0
    finally:
        raise
    return a
