from fastext import f64, struct


@struct
class Bad:
    data: f64[:]
    name: str
    count: int = 0


@struct
class Code:
    x: f64
    scale = 2.0

    def __init__(self, x: f64) -> None:
        pass

    def twice(k: f64) -> f64:
        return 2 * k


@struct
class Empty:
    pass
