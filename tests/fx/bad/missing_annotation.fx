from fastext import f64, struct


@struct
class P:
    x: f64

    def scaled(self, k) -> f64:
        return self.x * k

    def norm(self):
        return self.x
