"""Helpers of benchmarks/run.py (not part of the fastext package).

    timing    – call-loop and kernel timers, interleaved rounds, medians and IQR
    impls     – builds the C baseline, loads every implementation, checks correctness
    external  – measurements in fresh interpreters: cold compile, cached import, start-up
    coldgen   – the generated 10-function module for the cold-compile measurement
    machine   – the machine line
    report    – the Markdown written to RESULTS.md
"""
