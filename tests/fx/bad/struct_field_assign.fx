from fastext import f64, struct


@struct
class Vec:
    x: f64
    y: f64


def move(v: Vec, dx: f64) -> Vec:
    v.x = v.x + dx
    v.y += dx
    return v


def reset(vs: Vec[:]) -> f64:
    vs[0].x = 0.0
    return vs.sum()
