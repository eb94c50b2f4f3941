from fastext import f64, struct


class Base:
    pass


@struct
class Point(Base):
    x: f64
    y: f64
