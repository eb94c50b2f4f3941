"""PEP 517 / PEP 660 build backend: `build-backend = "fastext.build.backend"`.

A thin wrapper around `setuptools.build_meta`: the hooks switch on the setuptools
integration (`fastext.build.setuptools_plugin`), which compiles the packages' `.fx`
modules into `*.abi3.so` files, adds `.pyi` stubs and `py.typed`, ships the `.fx`
sources and tags the wheel `cp311-abi3-<platform>`.  Settings: `[tool.fastext]` in
pyproject.toml, then FASTEXT_BUILD_* environment variables, then `config_settings`
keys `fastext.*` (e.g. `pip wheel . -C fastext.cpu=x86-64-v3`); see docs/wheels.md.

Imports are lazy: a front end that only asks for requirements loads neither
setuptools' commands nor the compiler.  Configuration and compile errors end the
hook with a message and exit status 1, not a traceback.
"""
from __future__ import annotations

__all__ = ["build_editable", "build_sdist", "build_wheel", "get_requires_for_build_editable",
           "get_requires_for_build_sdist", "get_requires_for_build_wheel",
           "prepare_metadata_for_build_editable", "prepare_metadata_for_build_wheel"]


def _setuptools_settings(config_settings):
    """config_settings without our `fastext.*` keys (the rest is setuptools')."""
    if not config_settings:
        return config_settings
    return {k: v for k, v in config_settings.items() if not k.startswith("fastext.")} or None


class _Integration:
    """Context: the integration is applied to every Distribution that runs commands in it."""

    def __init__(self, config_settings):
        self.config_settings = config_settings

    def __enter__(self):
        import sys
        from fastext.build import setuptools_plugin
        from fastext.build.settings import SettingsError, load
        try:
            setuptools_plugin.current_settings = load(".", self.config_settings)
        except SettingsError as e:
            print(f"error: fastext: {e}", file=sys.stderr)
            raise SystemExit(1) from None
        from setuptools.dist import Distribution
        self.cls, self.saved = Distribution, Distribution.__dict__.get("run_commands")
        original = Distribution.run_commands

        def run_commands(dist):
            setuptools_plugin.apply(dist)
            return original(dist)

        Distribution.run_commands = run_commands
        return self

    def __exit__(self, *exc):
        from fastext.build import setuptools_plugin
        setuptools_plugin.current_settings = None
        if self.saved is None:
            del self.cls.run_commands
        else:
            self.cls.run_commands = self.saved
        return False


def _meta():
    from setuptools import build_meta
    return build_meta


# ----------------------------------------------------------------------------- PEP 517 hooks

def get_requires_for_build_wheel(config_settings=None):
    return _meta().get_requires_for_build_wheel(_setuptools_settings(config_settings))


def get_requires_for_build_sdist(config_settings=None):
    return _meta().get_requires_for_build_sdist(_setuptools_settings(config_settings))


def get_requires_for_build_editable(config_settings=None):
    return _meta().get_requires_for_build_editable(_setuptools_settings(config_settings))


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    return _meta().prepare_metadata_for_build_wheel(metadata_directory, _setuptools_settings(config_settings))


def prepare_metadata_for_build_editable(metadata_directory, config_settings=None):
    return _meta().prepare_metadata_for_build_editable(metadata_directory, _setuptools_settings(config_settings))


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    """A wheel with the `.fx` modules compiled (and their sources, stubs and py.typed)."""
    with _Integration(config_settings):
        return _meta().build_wheel(wheel_directory, _setuptools_settings(config_settings), metadata_directory)


def build_sdist(sdist_directory, config_settings=None):
    """An sdist that includes the `.fx` sources (nothing is compiled)."""
    with _Integration(config_settings):
        return _meta().build_sdist(sdist_directory, _setuptools_settings(config_settings))


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    """PEP 660: setuptools' editable wheel, nothing compiled: the import hook compiles the
    `.fx` files in place at import (and recompiles after an edit)."""
    return _meta().build_editable(wheel_directory, _setuptools_settings(config_settings), metadata_directory)
