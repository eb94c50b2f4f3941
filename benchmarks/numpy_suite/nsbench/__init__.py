"""Helpers of the NumPy-style suite (benchmarks/numpy_suite/run.py): the kernel source,
the implementations under test, and the report."""
