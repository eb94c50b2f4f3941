"""Build settings for wheels: defaults < `[tool.fastext]` < environment < `config_settings`.

| setting (`[tool.fastext]`) | environment variable          | config_settings key    | default |
|----------------------------|-------------------------------|------------------------|---------|
| `cpu`                      | `FASTEXT_BUILD_CPU`           | `fastext.cpu`          | `x86-64-v2` on x86-64, `generic` elsewhere |
| `features`                 | `FASTEXT_BUILD_FEATURES`      | `fastext.features`     | `""` (LLVM features, e.g. `+avx2`) |
| `abi3`                     | `FASTEXT_BUILD_ABI3`          | `fastext.abi3`         | `true` (`cp311-abi3-<platform>`) |
| `opt-level`                | `FASTEXT_BUILD_OPT_LEVEL`     | `fastext.opt-level`    | `3` |
| `boundscheck`              | `FASTEXT_BUILD_BOUNDSCHECK`   | `fastext.boundscheck`  | `true` |
| `stubs`                    | `FASTEXT_BUILD_STUBS`         | `fastext.stubs`        | `true` (`.pyi` + `py.typed`) |
| `variants`                 | `FASTEXT_BUILD_VARIANTS`      | `fastext.variants`     | `[]` (one build for `cpu`); e.g. `["x86-64-v2", "x86-64-v3", "x86-64-v4"]` |
| `gpu-archs`                | `FASTEXT_BUILD_GPU_ARCHS`     | `fastext.gpu-archs`    | `["sm_80", "sm_90"]` (PTX of `@gpu.kernel` functions) |
| `debug`                    | `FASTEXT_BUILD_DEBUG`         | `fastext.debug`        | `false` (DWARF line tables: docs/debugging.md) |
| `include`                  | —                             | `fastext.include`      | `["*"]` |
| `exclude`                  | —                             | `fastext.exclude`      | `[]` |

`include`/`exclude` are `fnmatch` patterns matched against the `.fx` file's path
relative to the project root, with `/` separators (`*` also matches `/`): a file is
compiled when it matches an `include` pattern and no `exclude` pattern.  Every `.fx`
file of the packages is shipped as a source either way.  In `config_settings` and the
environment a list is comma-separated.

The import hook's switches (`FASTEXT_CPU`, ...) are deliberately not read here: a
shell that compiles for its own CPU must not leak `host` into a wheel.

A plain class with `__slots__`, no dataclasses: cheap, and documented field by field.
"""
from __future__ import annotations

import os
import platform
import sys

KEYS = ("cpu", "features", "abi3", "opt-level", "boundscheck", "stubs", "variants", "gpu-archs", "debug", "include",
        "exclude")
ENV = {key: "FASTEXT_BUILD_" + key.upper().replace("-", "_") for key in KEYS if key not in ("include", "exclude")}
# CPU variants a wheel can carry, best last; each is an LLVM CPU name (x86-64 microarchitecture levels).
KNOWN_VARIANTS = ("x86-64-v2", "x86-64-v3", "x86-64-v4")
CONFIG_PREFIX = "fastext."
LIMITED_API = (3, 11)   # the Limited API version fastext's modules use: the abi3 tag is cp311


class SettingsError(ValueError):
    """Bad build configuration; the message names the key and where it came from."""


def default_cpu(machine: str | None = None) -> str:
    """The portable baseline for this machine: `x86-64-v2` on x86-64, `generic` elsewhere."""
    machine = (machine or platform.machine()).lower()
    return "x86-64-v2" if machine in ("x86_64", "amd64", "x64") else "generic"


class Settings:
    """What a wheel build compiles and how.

    cpu          LLVM CPU name of the baseline the code may assume ("x86-64-v2", "generic",
                 "neoverse-n1", ...); "host" is allowed but makes a wheel for this machine only.
    features     extra LLVM target features ("+avx2,+fma"), appended to the CPU's.
    abi3         True: `<mod>.abi3.so`, wheel tag `cp311-abi3-<platform>` (CPython 3.11+);
                 False: `<mod>.<EXT_SUFFIX>`, wheel tag for the building interpreter only.
    opt_level    0-3, the LLVM optimisation level.
    boundscheck  array index checks (IndexError) in compiled code.
    stubs        write `<mod>.pyi` for each compiled module and `py.typed` in its package.
    variants     CPU variants to build beside each other (x86-64-v2/v3/v4); a small dispatcher
                 module loads the best one the CPU supports at import (empty: one build).
    gpu_archs    the GPU architectures (`sm_80`, `sm_90`, ...) whose PTX modules with `@gpu.kernel`
                 functions carry (the runtime picks the highest one <= the device's).
    debug        DWARF line tables and variables in the modules (gdb/perf show `.fx` lines).
    include      fnmatch patterns (project-relative, `/`-separated) of `.fx` files to compile.
    exclude      fnmatch patterns of `.fx` files not to compile (they still ship as sources).
    origin       for each key, where its value came from (for messages and `fastext` logs).
    """

    __slots__ = ("cpu", "features", "abi3", "opt_level", "boundscheck", "stubs", "variants", "gpu_archs", "debug",
                 "include", "exclude", "origin")

    def __init__(self, cpu: str | None = None, features: str = "", abi3: bool = True, opt_level: int = 3,
                 boundscheck: bool = True, stubs: bool = True, variants: tuple[str, ...] = (),
                 include: tuple[str, ...] = ("*",), exclude: tuple[str, ...] = (),
                 gpu_archs: tuple[str, ...] | None = None, debug: bool = False):
        from fastext.config import DEFAULT_GPU_ARCHS
        self.cpu = cpu or default_cpu()
        self.gpu_archs = tuple(gpu_archs) if gpu_archs else DEFAULT_GPU_ARCHS
        self.features = features
        self.abi3 = abi3
        self.opt_level = opt_level
        self.boundscheck = boundscheck
        self.stubs = stubs
        self.variants = tuple(variants)
        self.debug = debug
        self.include = tuple(include)
        self.exclude = tuple(exclude)
        self.origin: dict[str, str] = {key: "default" for key in KEYS}

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__ if name != "origin")
        return f"Settings({fields})"

    def options(self):
        """The compiler's Options for these settings."""
        from fastext.config import Options
        return Options(opt_level=self.opt_level, boundscheck=self.boundscheck, cpu=self.cpu, features=self.features,
                       gpu_archs=self.gpu_archs, debug=self.debug)

    def selects(self, relpath: str) -> bool:
        """Whether the `.fx` file at project-relative `relpath` is compiled."""
        from fnmatch import fnmatchcase
        path = relpath.replace(os.sep, "/")
        return (any(fnmatchcase(path, p) for p in self.include)
                and not any(fnmatchcase(path, p) for p in self.exclude))

    def ext_suffix(self) -> str:
        """The file suffix of a compiled module: `.abi3.so`, or the interpreter's EXT_SUFFIX."""
        import sysconfig
        if self.abi3:
            return ".abi3.so"   # Linux and macOS; Windows (.pyd) is not supported yet
        return sysconfig.get_config_var("EXT_SUFFIX")

    def py_limited_api(self) -> str | None:
        """The `bdist_wheel --py-limited-api` value ("cp311"), or None for version-specific wheels."""
        return "cp{}{}".format(*LIMITED_API) if self.abi3 else None


# ----------------------------------------------------------------------------- parsing

def _bool(value, key: str, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{where}: `{key}` must be true or false, not {value!r}")


def _opt_level(value, key: str, where: str) -> int:
    if isinstance(value, bool):
        raise SettingsError(f"{where}: `{key}` must be 0, 1, 2 or 3, not {value!r}")
    try:
        level = int(value)
    except (TypeError, ValueError):
        level = -1
    if level not in (0, 1, 2, 3):
        raise SettingsError(f"{where}: `{key}` must be 0, 1, 2 or 3, not {value!r}")
    return level


def _string(value, key: str, where: str) -> str:
    if not isinstance(value, str):
        raise SettingsError(f"{where}: `{key}` must be a string, not {value!r}")
    value = value.strip()
    if key == "cpu" and (not value or any(c.isspace() for c in value)):
        raise SettingsError(f"{where}: `cpu` must be an LLVM CPU name such as \"x86-64-v2\", not {value!r}")
    return value


def _variants(value, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, (list, tuple)) or not all(v in KNOWN_VARIANTS for v in value):
        raise SettingsError(f"{where}: `{key}` must be a list drawn from {', '.join(KNOWN_VARIANTS)}, not {value!r}")
    return tuple(v for v in KNOWN_VARIANTS if v in value)     # ordered, best last


def _gpu_archs(value, key: str, where: str) -> tuple[str, ...]:
    import re
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, (list, tuple)) or not value or \
            not all(isinstance(v, str) and re.fullmatch(r"sm_\d+[a-z]?", v) for v in value):
        raise SettingsError(f"{where}: `{key}` must be a list of GPU architectures such as [\"sm_80\", \"sm_90\"], "
                            f"not {value!r}")
    return tuple(value)


def _patterns(value, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [p.strip() for p in value.split(",") if p.strip()]
    if not isinstance(value, (list, tuple)) or not all(isinstance(p, str) for p in value):
        raise SettingsError(f"{where}: `{key}` must be a list of glob patterns, not {value!r}")
    return tuple(value)


_PARSERS = {"cpu": _string, "features": _string, "abi3": _bool, "opt-level": _opt_level,
            "boundscheck": _bool, "stubs": _bool, "debug": _bool, "variants": _variants, "gpu-archs": _gpu_archs,
            "include": _patterns, "exclude": _patterns}


def _apply(settings: Settings, key: str, value, where: str) -> None:
    if key not in _PARSERS:
        close = [k for k in KEYS if k.replace("-", "_") == key.replace("-", "_")]
        hint = f" (did you mean `{close[0]}`?)" if close else ""
        raise SettingsError(f"{where}: unknown key `{key}`{hint}; known keys: {', '.join(KEYS)}")
    setattr(settings, key.replace("-", "_"), _PARSERS[key](value, key, where))
    settings.origin[key] = where


def read_pyproject(project_dir: str) -> dict:
    """The `[tool.fastext]` table of `project_dir/pyproject.toml` ({} if there is none)."""
    import tomllib
    path = os.path.join(project_dir, "pyproject.toml")
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as e:
        raise SettingsError(f"{path}: {e}") from None
    table = data.get("tool", {}).get("fastext", {})
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [tool.fastext] must be a table")
    return table


def has_table(project_dir: str) -> bool:
    """Whether `project_dir/pyproject.toml` has a `[tool.fastext]` table (switches the setuptools integration on)."""
    import tomllib
    try:
        with open(os.path.join(project_dir, "pyproject.toml"), "rb") as f:
            return "fastext" in tomllib.load(f).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


def load(project_dir: str = ".", config_settings: dict | None = None, environ=None) -> Settings:
    """Settings from defaults, then `[tool.fastext]`, then FASTEXT_BUILD_* variables, then
    `config_settings` keys starting with `fastext.` (later ones win).  Raises SettingsError."""
    if sys.version_info < LIMITED_API:
        raise SettingsError("fastext builds need CPython {}.{} or newer (the Limited API its modules use); "
                            "this is {}".format(*LIMITED_API, sys.version.split()[0]))
    environ = os.environ if environ is None else environ
    settings = Settings()
    for key, value in read_pyproject(project_dir).items():
        _apply(settings, key, value, "pyproject.toml [tool.fastext]")
    for key, var in ENV.items():
        if environ.get(var, "") != "":
            _apply(settings, key, environ[var], f"environment variable {var}")
    for name, value in (config_settings or {}).items():
        if name.startswith(CONFIG_PREFIX):
            _apply(settings, name[len(CONFIG_PREFIX):], value, f"config_settings `{name}`")
    return settings
