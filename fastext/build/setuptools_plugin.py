"""The setuptools integration: compile the `.fx` modules of a distribution's packages.

`apply(dist)` (idempotent) changes a setuptools `Distribution` so that:

* `build_py` also copies every `*.fx` file of the packages (they are package data; so
  `sdist` carries them too) and, unless in editable mode, compiles each selected `.fx`
  to `<build_lib>/<pkg>/<mod>.abi3.so` with the wheel settings' portable CPU, links it with
  the system linker, writes `<mod>.pyi` and `py.typed`.  In editable mode (PEP 660) it
  compiles nothing — the import hook compiles the `.fx` files in place at import — and
  removes compiled modules fastext left beside a `.fx` that would shadow it;
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

# Settings for the current build, set by the PEP 517 backend (which also merges
# config_settings) while it runs setuptools.  None otherwise: `apply` then reads
# [tool.fastext] and the environment from the current directory, once per Distribution.
current_settings = None


class FastextBuildError(SetupError):
    """A build failure with a complete, user-facing message (setuptools prints it without a traceback)."""


def _load_settings():
    if current_settings is not None:
        return current_settings
    from fastext.build.settings import SettingsError, load
    try:
        return load(".")
    except SettingsError as e:
        raise FastextBuildError(str(e)) from None


def _settings(dist):
    settings = getattr(dist, "_fastext_settings", None)
    if settings is None:
        settings = dist._fastext_settings = _load_settings()
    return settings


def _mentions_fastext(path: str = "pyproject.toml") -> bool:
    """Cheap pre-check for `finalize_distribution_options`: one read, no TOML parse unless
    the file mentions fastext at all."""
    try:
        with open(path, "rb") as f:
            return b"fastext" in f.read()
    except OSError:
        return False


def finalize_distribution_options(dist) -> None:
    """setuptools entry point (`setuptools.finalize_distribution_options`, registered in
    fastext's metadata): switch the integration on when ./pyproject.toml has a
    `[tool.fastext]` table.  Every setuptools build in an environment that has fastext
    calls this, so for other projects it must do nothing, cheaply: it reads
    pyproject.toml once and returns unless the word `fastext` occurs in it (then it
    parses the TOML to look for the table).  A bad `[tool.fastext]` ends the build with a
    one-line message, not a traceback."""
    if not _mentions_fastext():
        return
    from fastext.build.settings import has_table
    if not has_table("."):
        return
    try:
        apply(dist)
    except FastextBuildError as e:
        print(f"error: fastext: {e}", file=sys.stderr)
        raise SystemExit(1) from None


def apply(dist) -> None:
    """Switch the integration on for `dist` (see the module docstring)."""
    if getattr(dist, "_fastext_applied", False):
        return
    settings = _settings(dist)    # first: a configuration error changes nothing
    dist._fastext_applied = True
    base = dist.cmdclass.get("build_py")
    if base is None:
        from setuptools.command.build_py import build_py as base
    dist.cmdclass["build_py"] = _make_build_py(base)
    dist.has_ext_modules = lambda: True     # platlib + platform tag: the wheel holds native code
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
            if getattr(self, "editable_mode", False):
                remove_shadowing_modules(self)
                if _settings(self.distribution).stubs:
                    write_source_stubs(self)
            else:
                compile_packages(self, _settings(self.distribution))

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


def shadowing_modules(cmd) -> list[str]:
    """Compiled modules sitting next to a `.fx` of the same name in the packages' source
    folders (`<mod>.abi3.so`, `<mod>.cpython-*.so`): Python's own machinery would import
    them before the import hook sees the `.fx`, so in an editable install an edit to
    the `.fx` would not take effect."""
    import importlib.machinery
    suffixes = {".abi3.so", *importlib.machinery.EXTENSION_SUFFIXES}
    found = []
    for _package, path, stem in fx_modules(cmd):
        folder = os.path.dirname(path) or os.curdir
        found.extend(os.path.join(folder, stem + s) for s in sorted(suffixes)
                     if os.path.isfile(os.path.join(folder, stem + s)))
    return found


def write_source_stubs(cmd) -> list[str]:
    """Editable mode: `<mod>.pyi` beside each `.fx` in the source folders (and `py.typed` in
    their packages), which is where an editable install's type checkers look.  A module with
    errors gets no stub and a message; the install goes on (the hook reports the errors at import)."""
    from fastext.build.stubfiles import write_beside
    from fastext.compiler.diagnostics import CompileError

    written = []
    for _package, path, _stem in fx_modules(cmd):
        try:
            out = write_beside(path)
        except CompileError as exc:
            print(f"warning: fastext: no stub for {os.path.relpath(path)}:\n{exc}", file=sys.stderr)
            continue
        if out is not None:
            written.append(out)
        typed = os.path.join(os.path.dirname(path) or os.curdir, "py.typed")
        if not os.path.exists(typed):
            open(typed, "w").close()
            written.append(typed)
    return written


def remove_shadowing_modules(cmd) -> list[str]:
    """Editable mode compiles nothing: the import hook compiles the `.fx` files at import,
    and again after each edit.  A compiled module left beside a `.fx` (by `fastext build`,
    an unpacked wheel, ...) would shadow it and the edits would be ignored, so the ones
    fastext built are removed; any other is reported.  Returns the removed paths."""
    from fastext.importer.store import is_fastext_build

    removed, foreign = [], []
    for path in shadowing_modules(cmd):
        if is_fastext_build(path):
            os.remove(path)
            removed.append(path)
        else:
            foreign.append(path)
    for path in removed:
        print(f"fastext: removed {os.path.relpath(path)}: it would shadow the .fx source in an editable install",
              file=sys.stderr)
    if foreign:
        print("warning: fastext: these extension modules shadow the .fx file of the same name, so edits "
              "to the .fx will not take effect:\n  " + "\n  ".join(map(os.path.relpath, foreign)),
              file=sys.stderr)
    return removed


def link_module(object_code: bytes, out_path: str) -> None:
    """`fastext.compiler.link.link_shared`, plus, on Linux, an explicit `libc.so.6` dependency.

    fastext's modules call nothing in libc (only the interpreter's C API, resolved at load
    time), so with the usual `--as-needed` their dynamic section lists no library at all.
    auditwheel (`show` and `repair`, hence cibuildwheel) then stops with "couldn't detect
    libc for python extension".  `-Wl,--no-as-needed -lc` records libc.so.6, which tells it
    the module is a glibc one; the code is the same.  Elsewhere this is link_shared."""
    from fastext.compiler.link import link_shared
    linux = sys.platform.startswith("linux")
    link_shared(object_code, out_path, ("-Wl,--no-as-needed", "-lc") if linux else ())


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
    from fastext.compiler.link import LinkError
    options = settings.options()
    written, errors = [], []
    typed_packages = set()
    print(f"fastext: compiling {len(modules)} .fx module(s) for "
          f"{'cpu variants ' + ', '.join(settings.variants) if settings.variants else 'cpu=' + settings.cpu}"
          f"{' +' + settings.features if settings.features else ''} O{settings.opt_level}"
          f" boundscheck={'on' if settings.boundscheck else 'off'} abi3={'on' if settings.abi3 else 'off'}",
          file=sys.stderr)
    from fastext.build import variants as cpu_variants
    from fastext.config import Options
    for package, path, stem in modules:
        rel = os.path.relpath(path)   # diagnostics (and anything embedded) name project-relative paths
        out_dir = os.path.join(cmd.build_lib, *package.split("."))
        os.makedirs(out_dir, exist_ok=True)
        # one build for `cpu`, or one per CPU variant (in a subfolder) plus a dispatcher module
        if settings.variants:
            builds = [(Options(options.opt_level, options.boundscheck, v, options.features, debug=options.debug),
                       os.path.join(out_dir, cpu_variants.FOLDER, f"{stem}.{cpu_variants.tag(v)}{settings.ext_suffix()}"))
                      for v in settings.variants]
        else:
            builds = [(options, os.path.join(out_dir, stem + settings.ext_suffix()))]
        cpu_variants.remove_stale(out_dir, stem, settings.ext_suffix(), keep=[so for _, so in builds])
        try:
            artifacts = [compile_file(rel, stem, build_options) for build_options, _ in builds]
            stub = None
            if settings.stubs:
                from fastext.build.stubs import stub_for_file
                stub = stub_for_file(rel, stem)
        except CompileError as e:
            errors.append(str(e))
            continue
        for artifact, (_, so) in zip(artifacts, builds):
            os.makedirs(os.path.dirname(so), exist_ok=True)
            try:
                link_module(artifact.object_code, so)
            except LinkError as e:
                raise FastextBuildError(f"fastext: {rel}: {e}") from None
            written.append(so)
            print(f"fastext: {rel} -> {os.path.relpath(so)}", file=sys.stderr)
        if settings.variants:
            dispatcher = os.path.join(out_dir, stem + ".py")
            with open(dispatcher, "w", encoding="utf-8") as f:
                f.write(cpu_variants.dispatcher_source(stem, settings.variants, settings.ext_suffix()))
            written.append(dispatcher)
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
