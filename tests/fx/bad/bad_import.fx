import json_fx_nowhere
from os_fx_nowhere import path
from math import frexp
from fastext import f64


def ok(x: f64) -> f64:
    return x
