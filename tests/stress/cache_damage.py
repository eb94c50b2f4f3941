"""Cache-damage fuzzer: damage a cached build at random, import in a fresh interpreter, check.

Every round restores a good cache, applies one damage (or several, with --stack) chosen at
random from DAMAGES, imports `kernels` in a fresh interpreter and checks that

* the interpreter neither crashed (no signal: a truncated `.so` used to die of SIGBUS) nor
  raised (exit 0, no traceback on stderr);
* it ran the right code (`version()` is 1, never the 666 of the "other" build used to
  forge entries);
* a second import is quiet and still right (the damage was repaired, not just survived).

    python tests/stress/cache_damage.py --rounds 500 --seed 1       # ~0.5 s a round
    python tests/stress/cache_damage.py --kinds truncate,flip -v    # chosen damages

Uses the real compiler when it exists (set FASTEXT_TEST_FAKE_COMPILER=1 for the
stand-in, much faster to build).  Root-only damages (chown to another uid) are skipped
for other users.  Prints a table of outcomes per damage; exits 1 on any failure.
"""
from __future__ import annotations

import argparse
import collections
import os
import random
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))   # tests/: importer_helpers

from importer_helpers import fx_source, run_python, write  # noqa: E402

OTHER_UID = 54321
CHECK = """
import importer_helpers as helpers
import kernels
print("VERSION", helpers.version(kernels))
print("CACHED", kernels.__cached__)
"""


# ---------------------------------------------------------------- damages
# Each takes (cache folder, the victim's .so, the other build's .so, rng) and damages the cache.


def truncate(folder, so, other, rng):
    os.truncate(so, rng.randrange(0, os.path.getsize(so)))


def truncate_zero(folder, so, other, rng):
    os.truncate(so, 0)


def flip(folder, so, other, rng):
    st = os.stat(so)
    with open(so, "r+b") as f:
        for _ in range(rng.randint(1, 8)):
            f.seek(rng.randrange(st.st_size))
            b = f.read(1)
            f.seek(-1, 1)
            f.write(bytes([b[0] ^ (1 << rng.randrange(8))]))
    os.utime(so, ns=(st.st_atime_ns, st.st_mtime_ns))   # only ctime tells


def append(folder, so, other, rng):
    with open(so, "ab") as f:
        f.write(os.urandom(rng.randint(1, 4096)))


def garbage(folder, so, other, rng):
    size = os.path.getsize(so)
    with open(so, "wb") as f:
        f.write(os.urandom(size))


def other_build(folder, so, other, rng):
    shutil.copyfile(other, so)                           # valid code, wrong module


def other_build_and_seal(folder, so, other, rng):
    shutil.copyfile(other, so)
    shutil.copyfile(other + ".seal", so + ".seal")       # a consistent entry of another key


# Not a damage: rewriting the seal to vouch for other code takes the user's own write access,
# and whoever has that can edit the `.fx` source as well (docs/caching.md, "What the cache
# trusts").  Damage never forges a consistent seal; another user's seal is refused.


def symlink(folder, so, other, rng):
    os.unlink(so)
    os.symlink(other, so)


def no_seal(folder, so, other, rng):
    os.unlink(so + ".seal")


def seal_truncated(folder, so, other, rng):
    os.truncate(so + ".seal", rng.randrange(os.path.getsize(so + ".seal")))


def seal_garbage(folder, so, other, rng):
    with open(so + ".seal", "wb") as f:
        f.write(os.urandom(rng.randint(0, 300)))


def seal_symlink(folder, so, other, rng):
    os.unlink(so + ".seal")
    os.symlink(other + ".seal", so + ".seal")


def no_artifact(folder, so, other, rng):
    os.unlink(so)


def artifact_is_folder(folder, so, other, rng):
    os.unlink(so)
    os.mkdir(so)


def artifact_writable(folder, so, other, rng):
    os.chmod(so, 0o666)


def folder_writable(folder, so, other, rng):
    os.chmod(folder, 0o777)


def deps_garbage(folder, so, other, rng):
    seal = dict(zip(*[iter(open(so + ".seal").read().split()[2:])] * 2))
    name = os.path.basename(so).split(".")[0]
    tag = os.path.basename(so).split(".")[1]
    write(os.path.join(folder, f"{name}.{tag}.{seal['source'][:16]}.deps"), "/nonexistent/x.fx\n\x00\xff")


def sidecar_garbage(folder, so, other, rng):
    write(so[:-3] + ".json", "{not json")


def lock_symlink(folder, so, other, rng):
    victim = os.path.join(os.path.dirname(folder), "victim.txt")
    write(victim, "precious")
    lock = so.rsplit(".", 2)[0] + ".lock"
    if os.path.lexists(lock):
        os.unlink(lock)
    os.symlink(victim, lock)
    os.unlink(so)                                        # so that the import has to build, under the lock


def leftovers(folder, so, other, rng):
    for k in range(rng.randint(1, 20)):
        write(os.path.join(folder, f".{os.path.basename(so)}.{k}.{os.urandom(4).hex()}.tmp"), "x")
    write(os.path.join(folder, f".probe.{os.getpid()}"), "")


def chown_artifact(folder, so, other, rng):
    os.chown(so, OTHER_UID, OTHER_UID)


def chown_folder(folder, so, other, rng):
    for name in os.listdir(folder):
        os.chown(os.path.join(folder, name), OTHER_UID, OTHER_UID, follow_symlinks=False)
    os.chown(folder, OTHER_UID, OTHER_UID)


def folder_is_file(folder, so, other, rng):
    shutil.rmtree(folder)
    write(folder, "a file where the cache folder would go")


DAMAGES = {f.__name__: f for f in (
    truncate, truncate_zero, flip, append, garbage, other_build, other_build_and_seal, symlink,
    no_seal, seal_truncated, seal_garbage, seal_symlink, no_artifact, artifact_is_folder, artifact_writable,
    folder_writable, deps_garbage, sidecar_garbage, lock_symlink, leftovers, chown_artifact, chown_folder,
    folder_is_file,
)}
ROOT_ONLY = {"chown_artifact", "chown_folder"}


# ---------------------------------------------------------------- the fuzzer


class Setup:
    """A project with `kernels.fx` (version 1) built, a pristine copy of its cache, and the
    build of another source (version 666) to forge entries from."""

    def __init__(self, root: str):
        self.root = root
        self.proj = os.path.join(root, "proj")
        self.xdg = os.path.join(root, "xdg")
        write(os.path.join(self.proj, "kernels.fx"), fx_source(1))
        forge = os.path.join(root, "forge")
        write(os.path.join(forge, "kernels.fx"), fx_source(666))
        self.env = {"XDG_CACHE_HOME": self.xdg}
        run_python("import kernels", cwd=forge, path=[forge], env_extra=self.env)
        (self.other,) = [os.path.join(forge, "__fxcache__", n) for n in os.listdir(os.path.join(forge, "__fxcache__"))
                         if n.endswith(".so")]
        run_python("import kernels", cwd=self.proj, path=[self.proj], env_extra=self.env)
        self.folder = os.path.join(self.proj, "__fxcache__")
        self.pristine = os.path.join(root, "pristine")
        shutil.copytree(self.folder, self.pristine, symlinks=True)

    def restore(self) -> str:
        """A good cache again; returns the victim's `.so`."""
        for path in (self.folder, self.xdg):
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            elif os.path.lexists(path):
                os.unlink(path)
        shutil.copytree(self.pristine, self.folder, symlinks=True)
        os.chmod(self.folder, 0o700)
        (so,) = [os.path.join(self.folder, n) for n in os.listdir(self.folder) if n.endswith(".so")]
        return so

    def check(self) -> tuple[str, str]:
        """(outcome, detail) of one import in a fresh interpreter."""
        proc = run_python(CHECK, cwd=self.proj, path=[self.proj], env_extra=self.env, check=False, timeout=300)
        if proc.returncode < 0:
            return "CRASH", f"signal {-proc.returncode}\n{proc.stderr}"
        if proc.returncode != 0 or "Traceback" in proc.stderr:
            return "RAISED", proc.stderr
        lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines() if " " in line)
        if lines.get("VERSION") != "1":
            return "WRONG CODE", proc.stdout
        where = "private cache" if lines.get("CACHED", "").startswith(self.xdg) else "beside the source"
        return ("rebuilt, warned" if "damaged" in proc.stderr else
                "refused, warned" if "FastextWarning" in proc.stderr else "ok") + f" ({where})", proc.stderr


def fuzz(rounds: int, seed: int, kinds: list[str], stack: int = 1, verbose: bool = False, root: str | None = None):
    """Run the rounds; returns {damage: Counter(outcome)} and the list of failures."""
    rng = random.Random(seed)
    own = root is None
    root = root or tempfile.mkdtemp(prefix="fx-damage-")
    try:
        setup = Setup(root)
        table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        failures = []
        for n in range(rounds):
            chosen = [kinds[n % len(kinds)]] if stack == 1 and n < len(kinds) else \
                [rng.choice(kinds) for _ in range(rng.randint(1, stack))]
            so = setup.restore()
            name = "+".join(chosen)
            try:
                for kind in chosen:
                    if os.path.exists(so) or kind in ("no_artifact", "symlink", "folder_is_file"):
                        DAMAGES[kind](setup.folder, so, setup.other, rng)
            except Exception:  # noqa: BLE001 - the damaging code's own failure, not fastext's
                pass  # an earlier damage removed or garbled what this one damages: still a valid state
            outcome, detail = setup.check()
            second, detail2 = setup.check() if not outcome.isupper() else (outcome, detail)
            if not second.isupper() and ("damaged" in detail2 or "Traceback" in detail2):
                second = "NOT REPAIRED"
            victim = os.path.join(root, "victim.txt")
            if os.path.exists(victim) and open(victim).read() != "precious":
                second = "VICTIM FILE CHANGED"
            result = second if second.isupper() else outcome
            table[name][result] += 1
            if result.isupper():
                failures.append((name, result, detail + detail2))
            if verbose:
                print(f"{n:5d} {name:40s} {result}", flush=True)
        return table, failures
    finally:
        if own:
            shutil.rmtree(root, ignore_errors=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=len(DAMAGES))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--kinds", default="", help="comma-separated damages (default: all): " + ", ".join(DAMAGES))
    ap.add_argument("--stack", type=int, default=1, help="up to this many damages per round")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    kinds = [k for k in (args.kinds.split(",") if args.kinds else DAMAGES) if k]
    if os.geteuid() != 0:
        kinds = [k for k in kinds if k not in ROOT_ONLY]
    table, failures = fuzz(args.rounds, args.seed, kinds, args.stack, args.verbose)
    print(f"\n{'damage':40s} outcomes")
    for name in sorted(table):
        print(f"{name:40s} " + ", ".join(f"{k}: {v}" for k, v in sorted(table[name].items())))
    total = sum(sum(c.values()) for c in table.values())
    print(f"\n{total} rounds, {len(failures)} failures (crash, raised, wrong code, not repaired)")
    for name, result, detail in failures[:5]:
        print(f"--- {name}: {result}\n{detail[-2000:]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
