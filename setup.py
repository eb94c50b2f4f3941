"""Setuptools shim: ships `fastext-hook.pth` so `.fx` imports work in every interpreter.

Everything else lives in pyproject.toml.  The `.pth` file must sit at the top of
site-packages, which package data cannot express, so build_py copies it there.
"""
import base64
import glob
import hashlib
import os
import zipfile

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.editable_wheel import editable_wheel

PTH = "fastext-hook.pth"


class build_py_with_hook(build_py):
    def run(self):
        super().run()
        self.copy_file(PTH, os.path.join(self.build_lib, PTH))

    def get_outputs(self, include_bytecode=True):
        return super().get_outputs(include_bytecode) + [os.path.join(self.build_lib, PTH)]

    def get_output_mapping(self):
        mapping = super().get_output_mapping()
        mapping[os.path.join(self.build_lib, PTH)] = PTH
        return mapping


class editable_wheel_with_hook(editable_wheel):
    """Editable wheels carry only setuptools' own path hook; add ours to the wheel too."""

    def run(self):
        super().run()
        wheels = sorted(glob.glob(os.path.join(str(self.dist_dir), "*.whl")), key=os.path.getmtime)
        if wheels:
            _add_to_wheel(wheels[-1], PTH)


def _add_to_wheel(wheel: str, path: str) -> None:
    with open(path, "rb") as f:
        data = f.read()
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    with zipfile.ZipFile(wheel) as zin:
        entries = [(info, zin.read(info)) for info in zin.infolist()]
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, content in entries:
            if info.filename.endswith(".dist-info/RECORD"):
                content = content.rstrip(b"\n") + f"\n{path},sha256={digest},{len(data)}\n".encode()
            zout.writestr(info, content)
        zout.writestr(path, data)


setup(cmdclass={"build_py": build_py_with_hook, "editable_wheel": editable_wheel_with_hook},
      py_modules=["_fastext_hook"])
