"""The benchmark script runs end to end (quick mode) and every implementation agrees with Python."""
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_benchmarks_quick_run_checks_results(tmp_path):
    out = tmp_path / "quick.md"
    env = dict(os.environ, PYTHONPATH=REPO)
    proc = subprocess.run([sys.executable, os.path.join(REPO, "benchmarks", "run.py"), "--quick",
                           "--require-fastext", "--no-pin", "--output", str(out)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    table = out.read_text()
    assert "fastext" in table and "C ext" in table
