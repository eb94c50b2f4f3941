"""Concurrency stress: many processes, each with many threads, importing cold `.fx` modules at once.

Each round makes a fresh folder of `--modules` modules (`m0.fx` ... with `version()` = i+1),
starts `--procs` interpreters that each run `--threads` threads importing every module in
a random order, and checks that

* every interpreter exits 0, with no traceback and no warning on stderr (a thread's probe
  once deleted another's: FileNotFoundError, or a silent fall back to the per-user cache);
* every import returned the right module (`version()`);
* each module was built once, beside its source (one artifact per module, none in the
  per-user cache), and no temporary, probe or unsealed file is left.

With `--edit`, a writer flips the modules between two versions while the importers run:
an import may return either version, but afterwards (files still) a fresh import must return
the final one: no build was filed under the key of other bytes.

    python tests/stress/concurrency.py --rounds 20 --procs 6 --threads 8 --modules 6
    python tests/stress/concurrency.py --rounds 10 --edit --cache-dir /tmp/shared

Set FASTEXT_TEST_FAKE_COMPILER=1 for the stand-in compiler (fast builds: more races per
minute); the default is the real compiler.  Exits 1 on any failure.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
sys.path.insert(0, TESTS)

from importer_helpers import REAL_COMPILER, REPO, fx_source, run_python, write  # noqa: E402

IMPORTER = """
import importlib, random, sys, threading
import fastext, importer_helpers as helpers
if not helpers.REAL_COMPILER:
    helpers.install_fake_compiler()
names, threads, seed, edit = sys.argv[1].split(","), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
errors = []

def work(k):
    rng = random.Random(seed * 1000 + k)
    order = names[:]
    rng.shuffle(order)
    for name in order:
        try:
            module = importlib.import_module(name)
            got = helpers.version(module)
            want = int(name[1:]) + 1
            if got != want and not (edit and got == want + 100):
                errors.append(f"{name}: version {got}, expected {want}")
        except BaseException as exc:
            errors.append(f"{name}: {type(exc).__name__}: {exc}")

ts = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
for t in ts: t.start()
for t in ts: t.join()
print("\\n".join(errors) if errors else "OK")
sys.exit(1 if errors else 0)
"""


def _env(extra: dict) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FASTEXT_")}
    env["PYTHONPATH"] = os.pathsep.join([REPO, TESTS])
    if not REAL_COMPILER:
        env["FASTEXT_TEST_FAKE_COMPILER"] = "1"
    env.update(extra)
    return env


def _save(path: str, text: str) -> None:
    """Save as editors do, by rename: an importer reads the old or the new text, never half a file
    (an in-place write may be read half-done, and then that half is what gets compiled)."""
    tmp = f"{path}.{os.getpid()}.swp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def one_round(root: str, seed: int, procs: int, threads: int, modules: int, edit: bool,
              cache_dir: str | None) -> list[str]:
    """Run one round in a fresh folder under `root`; returns the problems found."""
    rng = random.Random(seed)
    proj = tempfile.mkdtemp(prefix="round-", dir=root)
    xdg = os.path.join(proj, ".xdg")
    names = [f"m{i}" for i in range(modules)]
    for i, name in enumerate(names):
        write(os.path.join(proj, name + ".fx"), fx_source(i + 1))
    extra = {"XDG_CACHE_HOME": xdg}
    if cache_dir:
        extra["FASTEXT_CACHE_DIR"] = cache_dir
    env = _env(extra)
    children = [subprocess.Popen([sys.executable, "-c", IMPORTER, ",".join(names), str(threads), str(seed * 100 + p),
                                  "1" if edit else "0"], cwd=proj, env={**env, "PYTHONPATH": proj + os.pathsep +
                                                                         env["PYTHONPATH"]},
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in range(procs)]
    problems = []
    if edit:  # flip between v and v+100 while they import
        deadline = time.monotonic() + 1.0 + 0.2 * modules
        while time.monotonic() < deadline and any(c.poll() is None for c in children):
            name = rng.choice(names)
            i = int(name[1:])
            _save(os.path.join(proj, name + ".fx"), fx_source(i + 1 + rng.choice((0, 100))))
            time.sleep(rng.uniform(0.0, 0.05))
        for i, name in enumerate(names):  # the final state: v
            _save(os.path.join(proj, name + ".fx"), fx_source(i + 1))
    for child in children:
        try:
            out, err = child.communicate(timeout=600)
        except subprocess.TimeoutExpired:
            child.kill()
            out, err = child.communicate()
            problems.append(f"importer {child.pid} hung")
        if child.returncode != 0 or "Traceback" in err or "Warning" in err:
            problems.append(f"importer exit {child.returncode}: {out.strip()[-1500:]} {err.strip()[-1500:]}")
    if edit:  # files are still: a fresh import must run the final version of every module
        check = "import importer_helpers as helpers\n" + "\n".join(
            f"import {n}\nassert helpers.version({n}) == {i + 1}, ({n!r}, helpers.version({n}))"
            for i, n in enumerate(names))
        proc = run_python(check, cwd=proj, path=[proj], env_extra=extra, check=False)
        if proc.returncode != 0:
            problems.append(f"after the edits: {proc.stderr.strip()[-1500:]}")
    folders = [os.path.join(proj, "__fxcache__")] if not cache_dir else \
        [os.path.join(cache_dir, n) for n in os.listdir(cache_dir) if n.startswith(os.path.basename(proj))]
    leftovers, artifacts = [], []
    for folder in folders:
        for name in os.listdir(folder) if os.path.isdir(folder) else ():
            if name.endswith(".tmp") or name.startswith(".probe."):
                leftovers.append(name)
            elif name.endswith((".so", ".o")):
                artifacts.append(name)
                if not os.path.exists(os.path.join(folder, name + ".seal")):
                    leftovers.append(name + " (unsealed)")
    if leftovers:
        problems.append(f"left behind: {leftovers}")
    if not edit and len(artifacts) != modules:
        problems.append(f"{len(artifacts)} builds for {modules} modules: {sorted(artifacts)}")
    if os.path.isdir(xdg) and any(files for _, _, files in os.walk(xdg)):
        problems.append("builds landed in the per-user cache")
    if not problems:
        shutil.rmtree(proj, ignore_errors=True)
    return problems


def stress(rounds: int, seed: int, procs: int, threads: int, modules: int, edit: bool = False,
           cache_dir: str | None = None, root: str | None = None, verbose: bool = False) -> list[str]:
    """All rounds; returns the problems (empty when everything held)."""
    own = root is None
    root = root or tempfile.mkdtemp(prefix="fx-concurrency-")
    problems = []
    try:
        for n in range(rounds):
            found = one_round(root, seed + n, procs, threads, modules, edit, cache_dir)
            problems += [f"round {n}: {p}" for p in found]
            if verbose:
                print(f"round {n}: {'ok' if not found else found}", flush=True)
        return problems
    finally:
        if own and not problems:
            shutil.rmtree(root, ignore_errors=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--procs", type=int, default=4)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--modules", type=int, default=4)
    ap.add_argument("--edit", action="store_true", help="flip the sources between two versions meanwhile")
    ap.add_argument("--cache-dir", help="a FASTEXT_CACHE_DIR shared by all importers")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    problems = stress(args.rounds, args.seed, args.procs, args.threads, args.modules, args.edit, args.cache_dir,
                      verbose=args.verbose)
    imports = args.rounds * args.procs * args.threads * args.modules
    print(f"{args.rounds} rounds, {imports} imports ({args.procs} processes x {args.threads} threads x "
          f"{args.modules} modules each round): {len(problems)} problems")
    for p in problems[:10]:
        print(" ", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
