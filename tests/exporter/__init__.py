"""The test buffer exporter (`fxexporter.c`), built on first use with the system C compiler.

`load()` returns the `fxexporter` module or None when no C compiler is available (the
tests that need it skip then); the build lands in a private temporary folder.
"""
from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import subprocess
import sysconfig
import tempfile

_HERE = os.path.dirname(os.path.abspath(__file__))
_module = None
_tried = False


def load():
    """The compiled `fxexporter` module, or None if it cannot be built here."""
    global _module, _tried
    if _tried:
        return _module
    _tried = True
    cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return None
    tmp = tempfile.mkdtemp(prefix="fxexporter-")
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    so = os.path.join(tmp, "fxexporter" + sysconfig.get_config_var("EXT_SUFFIX"))
    cmd = [cc, "-O1", "-shared", "-fPIC", f"-I{sysconfig.get_paths()['include']}",
           os.path.join(_HERE, "fxexporter.c"), "-o", so]
    if subprocess.run(cmd, capture_output=True).returncode != 0:
        return None
    spec = importlib.util.spec_from_file_location("fxexporter", so)
    _module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(_module)
    return _module
