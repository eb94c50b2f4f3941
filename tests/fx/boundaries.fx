"""One identity function per scalar parameter type (tests/test_boundaries.py)."""
from fastext import i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, c64, c128


def take_i8(v: i8) -> i8:
    return v


def take_i16(v: i16) -> i16:
    return v


def take_i32(v: i32) -> i32:
    return v


def take_i64(v: i64) -> i64:
    return v


def take_u8(v: u8) -> u8:
    return v


def take_u16(v: u16) -> u16:
    return v


def take_u32(v: u32) -> u32:
    return v


def take_u64(v: u64) -> u64:
    return v


def take_f32(v: f32) -> f32:
    return v


def take_f64(v: f64) -> f64:
    return v


def take_c64(v: c64) -> c64:
    return v


def take_c128(v: c128) -> c128:
    return v


def take_bool(v: bool) -> bool:
    return v


def take_all(a: i8, b: u16, c: i32, d: u64, e: f32, f: f64, g: bool, h: c64, k: i64 = -1) -> tuple[i64, f64, bool]:
    return a + b + c + k, f + e + h.real + float(d), g
