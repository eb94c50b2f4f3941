"""The setuptools integration: compile the `.fx` modules of a distribution's packages.

`apply(dist)` (idempotent) changes a setuptools `Distribution` so that:

* `build_py` also copies every `*.fx` file of the packages (they are package data; so
  `sdist` carries them too) and, unless in editable mode, compiles each selected `.fx`
  to `<build_lib>/<pkg>/<mod>.abi3.so` with the wheel settings' portable CPU, links it with
  the system linker, writes `<mod>.pyi` and `py.typed`;
* the distribution counts as having extension modules (platlib, a platform tag), and
  `bdist_wheel` gets `py_limited_api = "cp311"` when `abi3` is on, so the wheel is
  `cp311-abi3-<platform>`.

Which `.fx` files: those directly inside each package setuptools builds (`build_py.packages`,
i.e. what `[tool.setuptools]`/package discovery include — the same rule as for `.py`
modules), filtered by the `include`/`exclude` settings.  Top-level `py-modules` `.fx`
files are not supported.

It is switched on by the PEP 517 backend `fastext.build.backend`, or, for projects that keep
`setuptools.build_meta`, by `finalize_distribution_options` (a setuptools entry point)
when the project's pyproject.toml has a `[tool.fastext]` table.
"""
from __future__ import annotations

import os
import sys

from setuptools.errors import SetupError

# Settings for the current build: set by the backend (which also merges config_settings);
# None → read [tool.fastext] and the environment from the current directory.
current_settings = None


class FastextBuildError(SetupError):
    """A build failure with a complete, user-facing message (setuptools prints it without a traceback)."""


def _settings():
    global current_settings
    if current_settings is None:
        from fastext.build.settings import SettingsError, load
        try:
            current_settings = load(".")
        except SettingsError as e:
            raise FastextBuildError(str(e)) from None
    return current_settings


def finalize_distribution_options(dist) -> None:
    """setuptools entry point (`setuptools.finalize_distribution_options`): on with `[tool.fastext]`."""
    from fastext.build.settings import has_table
    if has_table("."):
        apply(dist)


def apply(dist) -> None:
    """Switch the integration on for `dist` (see the module docstring)."""
    if getattr(dist, "_fastext_applied", False):
        return
    dist._fastext_applied = True
    base = dist.cmdclass.get("build_py")
    if base is None:
        from setuptools.command.build_py import build_py as base
    dist.cmdclass["build_py"] = _make_build_py(base)
    dist.has_ext_modules = lambda: True     # platlib + platform tag: the wheel holds native code
    settings = _settings()
    limited = settings.py_limited_api()
    opts = dist.get_option_dict("bdist_wheel")
    if limited and "py_limited_api" not in opts:
        opts["py_limited_api"] = ("fastext", limited)


def _make_build_py(base):
    class build_py(base):
        """build_py that ships `.fx` sources and compiles them (fastext)."""

        def finalize_options(self):
            super().finalize_options()
            package_data = dict(self.distribution.package_data or {})
            package_data[""] = list(package_data.get("", [])) + ["*.fx"]
            self.distribution.package_data = self.package_data = package_data
            self.__dict__.pop("data_files", None)   # recomputed lazily with *.fx included

        def run(self):
            super().run()
            if not getattr(self, "editable_mode", False):
                compile_packages(self, _settings())

    build_py.__name__ = "build_py"
    return build_py


# ----------------------------------------------------------------------------- the work

def fx_modules(cmd) -> list[tuple[str, str, str]]:
    """(package, source path, module stem) of every `.fx` file directly inside the packages of `cmd` (a build_py)."""
    found = []
    for package in cmd.packages or ():
        src_dir = cmd.get_package_dir(package)
        try:
            names = sorted(os.listdir(src_dir or os.curdir))
        except OSError:
            continue
        for name in names:
            path = os.path.join(src_dir, name)
            if name.endswith(".fx") and len(name) > 3 and os.path.isfile(path):
                found.append((package, path, name[:-3]))
    return found


def compile_packages(cmd, settings) -> list[str]:
    """Compile the selected `.fx` modules into `cmd.build_lib`; returns the files written."""
    modules = [m for m in fx_modules(cmd) if settings.selects(os.path.relpath(m[1]))]
    if not modules:
        return []
    from fastext.compiler.link import find_linker
    linker = find_linker()
    if linker is None:
        raise FastextBuildError(
            "fastext: no C linker found to turn the compiled .fx modules into extension modules.\n"
            "  Install one: `apt install gcc` (Debian/Ubuntu), `dnf install gcc` (Fedora), "
            "`apk add gcc musl-dev` (Alpine), `xcode-select --install` (macOS);\n"
            "  or point FASTEXT_LINKER at a linker driver (e.g. FASTEXT_LINKER=/usr/bin/clang).")
    from fastext.compiler.diagnostics import CompileError
    from fastext.compiler.driver import compile_file
    from fastext.compiler.link import LinkError, link_shared
    options = settings.options()
    written, errors = [], []
    typed_packages = set()
    print(f"fastext: compiling {len(modules)} .fx module(s) for cpu={settings.cpu}"
          f"{' +' + settings.features if settings.features else ''} O{settings.opt_level}"
          f" boundscheck={'on' if settings.boundscheck else 'off'} abi3={'on' if settings.abi3 else 'off'}",
          file=sys.stderr)
    for package, path, stem in modules:
        rel = os.path.relpath(path)   # diagnostics (and anything embedded) name project-relative paths
        out_dir = os.path.join(cmd.build_lib, *package.split("."))
        os.makedirs(out_dir, exist_ok=True)
        try:
            artifact = compile_file(rel, stem, options)
            stub = None
            if settings.stubs:
                from fastext.build.stubs import stub_for_file
                stub = stub_for_file(rel, stem)
        except CompileError as e:
            errors.append(str(e))
            continue
        so = os.path.join(out_dir, stem + settings.ext_suffix())
        try:
            link_shared(artifact.object_code, so)
        except LinkError as e:
            raise FastextBuildError(f"fastext: {rel}: {e}") from None
        written.append(so)
        print(f"fastext: {rel} -> {os.path.relpath(so)}", file=sys.stderr)
        if stub is not None:
            pyi = os.path.join(out_dir, stem + ".pyi")
            with open(pyi, "w", encoding="utf-8") as f:
                f.write(stub)
            written.append(pyi)
            typed_packages.add(out_dir)
    if errors:
        raise FastextBuildError("fastext: invalid .fx module(s), the wheel was not built:\n\n" + "\n\n".join(errors))
    for out_dir in sorted(typed_packages):
        marker = os.path.join(out_dir, "py.typed")
        if not os.path.exists(marker):
            open(marker, "w").close()
        written.append(marker)
    return written
