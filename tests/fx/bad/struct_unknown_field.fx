from fastext import f64, struct


@struct
class Vec:
    x: f64
    y: f64

    def norm2(self) -> f64:
        return self.x * self.x + self.y * self.y


def z_of(v: Vec) -> f64:
    return v.z


def build(x: f64) -> Vec:
    return Vec(x, z=x)


def call_field(v: Vec) -> f64:
    return v.x() + v.length()


def method_value(v: Vec) -> f64:
    return v.norm2
