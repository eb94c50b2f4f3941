"""Setuptools shim: ships `fastext-hook.pth` so `.fx` imports work in every interpreter.

Everything else lives in pyproject.toml.  The `.pth` file must sit at the top of
site-packages, which package data cannot express, so build_py copies it there.
"""
import os

from setuptools import setup
from setuptools.command.build_py import build_py

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


setup(cmdclass={"build_py": build_py_with_hook}, py_modules=["_fastext_hook"])
