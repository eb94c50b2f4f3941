"""Other-user attacks on a shared cache, run as a real second Unix user (root only).

As root this creates (once) an unprivileged account, `fxattacker` (`useradd`), and runs
each attack's steps as that user (setuid in the child; plain `python3 -I`, standard library
only, as an attacker would), then imports as the victim (this process's user, root) in a
fresh interpreter.  Root trusts only its own files, exactly as a user trusts theirs and
root's.  Every attack plants, under the names the victim will use, a build of *other*
code (`version()` = 666) with a seal made to match it: the victim must never run it.
Checked for each attack:

* the victim's import exits 0 and runs version 1 (never 666);
* files the attacker pointed links at are unchanged;
* after the victim's import, the attacker can neither write nor replace the victim's build.

    sudo python tests/stress/other_user.py                # every attack once
    sudo python tests/stress/other_user.py --rounds 20    # repeated, shuffled

Skips (exit 0, says why) when not root, when `useradd` fails or when no Python the new
account may run is found.  Exits 1 on any failure.
"""
from __future__ import annotations

import argparse
import os
import pwd
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
sys.path.insert(0, TESTS)

from importer_helpers import REAL_COMPILER, REPO, fx_source, write  # noqa: E402

ATTACKER = "fxattacker"
VICTIM_CHECK = """
import importer_helpers as helpers
import kernels
print("VERSION", helpers.version(kernels))
print("CACHED", kernels.__cached__)
"""
WHERE = "from fastext.importer import cache; print(cache.cache_dirs('kernels.fx')[0])"


def ensure_user(name: str) -> pwd.struct_passwd | None:
    """The account `name`, created (no home, no login) if missing; None when that fails."""
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    try:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
                       check=True, capture_output=True)
        return pwd.getpwnam(name)
    except (OSError, subprocess.CalledProcessError, KeyError):
        return None


def _env(extra: dict, home: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FASTEXT_")}
    env.update(PYTHONPATH=os.pathsep.join([REPO, TESTS]), HOME=home, PYTHONDONTWRITEBYTECODE="1")
    if not REAL_COMPILER:
        env["FASTEXT_TEST_FAKE_COMPILER"] = "1"
    env.update(extra)
    return env


def attacker_python(user) -> str | None:
    """A Python interpreter `user` may run (the test's own may live under a private home)."""
    for candidate in (sys.executable, shutil.which("python3"), "/usr/bin/python3", "/usr/local/bin/python3"):
        if candidate and os.path.exists(candidate):
            try:
                probe = subprocess.run([candidate, "-I", "-c", "pass"], preexec_fn=_demote(user), capture_output=True)
            except OSError:
                continue
            if probe.returncode == 0:
                return candidate
    return None


def _demote(user):
    def demote():
        os.setgroups([])
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)
    return demote


def run_as(user, code: str, cwd: str, env: dict, prelude: bool = True) -> subprocess.CompletedProcess:
    """`code` in a fresh interpreter: as the attacker (`user`, a pwd entry: standard library only,
    isolated mode) or as the victim (None: this interpreter, with fastext)."""
    if user is not None:
        return subprocess.run([PYTHON_FOR[user.pw_uid], "-I", "-c", code], cwd=cwd, capture_output=True, text=True,
                              preexec_fn=_demote(user), timeout=600)
    head = ("import sys, fastext, importer_helpers as helpers\n"
            "helpers.REAL_COMPILER or helpers.install_fake_compiler()\n") if prelude else ""
    return subprocess.run([sys.executable, "-c", head + code], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)


PYTHON_FOR: dict[int, str] = {}


class World:
    """A shared cache folder (1777, like /tmp), a victim project and the attacker's copy of it."""

    def __init__(self, root: str, attacker, victim=None):
        self.attacker, self.victim = attacker, victim
        self.root = root
        os.chmod(root, 0o755)
        self.shared = os.path.join(root, "shared")
        os.mkdir(self.shared)
        os.chmod(self.shared, 0o1777)
        self.proj = os.path.join(root, "proj")                # the victim's project, readable by all
        write(os.path.join(self.proj, "kernels.fx"), fx_source(1))
        self.victim_home = os.path.join(root, "victim-home")
        self.attacker_home = os.path.join(root, "attacker-home")
        for home, who in ((self.victim_home, victim), (self.attacker_home, attacker)):
            os.mkdir(home, 0o700)
            if who is not None:
                os.chown(home, who.pw_uid, who.pw_gid)
        if victim is not None:
            os.chown(self.proj, victim.pw_uid, victim.pw_gid)
            os.chown(os.path.join(self.proj, "kernels.fx"), victim.pw_uid, victim.pw_gid)
        self.target = os.path.join(root, "target.txt")        # what the attacker points links at
        write(self.target, "precious")
        if victim is not None:
            os.chown(self.target, victim.pw_uid, victim.pw_gid)

    def env(self, who: str, shared: bool) -> dict:
        home = self.victim_home if who == "victim" else self.attacker_home
        return _env({"FASTEXT_CACHE_DIR": self.shared} if shared else {}, home)

    def victim_import(self, shared: bool, umask: int | None = None) -> subprocess.CompletedProcess:
        head = f"import os\nos.umask({umask})\n" if umask is not None else ""
        return run_as(self.victim, head + VICTIM_CHECK, self.proj, self.env("victim", shared))

    def evil_build(self) -> str:
        """A build of version 666 of the module, readable by the attacker (who could compile it
        just as well with their own fastext); returns its .so."""
        evil = os.path.join(self.root, "evil")
        write(os.path.join(evil, "kernels.fx"), fx_source(666))
        proc = run_as(None, "import kernels\nprint(kernels.__cached__)", evil, _env({}, self.victim_home) |
                      {"PYTHONPATH": os.pathsep.join([evil, REPO, TESTS])})
        assert proc.returncode == 0, proc.stderr
        so = proc.stdout.strip().splitlines()[-1]
        for folder in (evil, os.path.dirname(so)):
            os.chmod(folder, 0o755)
        return so

    def victim_folder(self, shared: bool) -> str:
        return run_as(self.victim, WHERE, self.proj, self.env("victim", shared), prelude=False).stdout.strip()


# ---------------------------------------------------------------- attacks: the attacker's steps


def plant_folder(world: World) -> None:
    """Pre-create the victim's predictable per-source folder in the shared cache (0777) and fill it
    with the evil build under every name the victim could look up, sealed."""
    folder = world.victim_folder(shared=True)
    evil = world.evil_build()
    # What the attacker needs to forge a seal, all computable from public inputs.
    info = run_as(None, f"""
from fastext.importer import cache
from fastext.config import options_from_env
fx = {os.path.join(world.proj, 'kernels.fx')!r}
source = open(fx, 'rb').read()
key = cache.cache_key(cache.key_inputs(fx, source, [], options_from_env()))
print(key, cache.entry_base({folder!r}, 'kernels', key) + '.so', cache.content_hash(open({evil!r}, 'rb').read()),
      cache.content_hash(source))
""", world.proj, world.env("victim", True)).stdout.split()
    key, so, digest, source_hash = info
    code = f"""
import os, shutil, sys
os.makedirs({folder!r}, exist_ok=True); os.chmod({folder!r}, 0o777)
shutil.copyfile({evil!r}, {so!r})
st = os.stat({so!r})
with open({so!r} + '.seal', 'w') as f:
    f.write('fastext-seal 1 key {key} kind so size %d hash {digest} ino %d mtime %d ctime %d source {source_hash}\\n'
            % (st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns))
os.symlink({world.target!r}, os.path.join({folder!r}, 'kernels.' + sys.implementation.cache_tag + '.lock'))
"""
    proc = run_as(world.attacker, code, world.attacker_home, world.env("attacker", True))
    assert proc.returncode == 0, proc.stderr


def plant_links(world: World) -> None:
    """The folder exists as the victim's; the attacker cannot enter it, so they plant links at the
    shared root under other predictable names (a per-source folder of another project)."""
    code = f"""
import os
for name in ("proj-0000000000000000", ".probe.1", "kernels.lock"):
    try:
        os.symlink({world.target!r}, os.path.join({world.shared!r}, name))
    except OSError:
        pass
"""
    run_as(world.attacker, code, world.attacker_home, world.env("attacker", True))


def swap_after_build(world: World) -> None:
    """Nothing planted first; after the victim's build (checked below) the attacker tries to swap it."""


ATTACKS = {"plant_folder": (plant_folder, True), "plant_links": (plant_links, True),
           "swap_after_build": (swap_after_build, True), "swap_beside_source": (swap_after_build, False),
           "swap_after_umask_000_build": (swap_after_build, True)}


def try_swap(world: World, built: str) -> list[str]:
    """After the victim's build (`built`): can the attacker write, replace or delete it, or put a
    file beside it?  Returns what worked."""
    folder = os.path.dirname(built)
    code = f"""
import os, shutil
worked = []
folder = {folder!r}
try:
    names = [n for n in os.listdir(folder) if n.endswith('.so')]
except OSError:
    names = []
for n in names:
    p = os.path.join(folder, n)
    try:
        open(p, 'r+b').write(b'EVIL'); worked.append('write ' + n)
    except OSError:
        pass
    try:
        os.rename(p, p + '.x'); worked.append('rename ' + n)
    except OSError:
        pass
try:
    open(os.path.join(folder, 'planted'), 'w'); worked.append('create in ' + folder)
except OSError:
    pass
print(repr(worked))
"""
    proc = run_as(world.attacker, code, world.attacker_home, {})
    return eval(proc.stdout.strip() or "[]")  # noqa: S307 - our own child's repr of a list of str


def attack(root: str, name: str, attacker, victim) -> list[str]:
    world = World(root, attacker, victim)
    plant, shared = ATTACKS[name]
    plant(world)
    problems = []
    proc = world.victim_import(shared, umask=0 if "umask" in name else None)
    if proc.returncode != 0 or "Traceback" in proc.stderr:
        problems.append(f"victim's import failed ({proc.returncode}): {proc.stderr[-1500:]}")
    elif "VERSION 1" not in proc.stdout:
        problems.append(f"WRONG CODE: {proc.stdout}")
    if open(world.target).read() != "precious":
        problems.append("the link target was changed")
    cached = [line.split(" ", 1)[1] for line in proc.stdout.splitlines() if line.startswith("CACHED ")]
    worked = try_swap(world, cached[0]) if cached else []
    if worked:
        problems.append(f"the attacker could {worked}")
    again = world.victim_import(shared)
    if "VERSION 1" not in again.stdout:
        problems.append(f"second import: {again.stdout} {again.stderr[-800:]}")
    return problems


def run(rounds: int = 1, seed: int = 0, verbose: bool = False):
    """{attack: problems}; RuntimeError when the attacker's account or Python cannot be had."""
    attacker = ensure_user(ATTACKER)
    victim = None
    if attacker is None:
        raise RuntimeError("cannot create the test account (useradd)")
    python = attacker_python(attacker)
    if python is None:
        raise RuntimeError(f"no Python that {ATTACKER} may run")
    PYTHON_FOR[attacker.pw_uid] = python
    rng = random.Random(seed)
    results = {}
    for n in range(rounds):
        names = list(ATTACKS)
        rng.shuffle(names)
        for name in names:
            root = tempfile.mkdtemp(prefix="fx-attack-")
            try:
                problems = attack(root, name, attacker, victim)
            finally:
                shutil.rmtree(root, ignore_errors=True)
            results.setdefault(name, []).extend(problems)
            if verbose:
                print(f"{n:3d} {name:20s} {'ok' if not problems else problems}", flush=True)
    return results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        print("skipped: needs root (to create a second user and act as it)")
        return 0
    try:
        results = run(args.rounds, args.seed, args.verbose)
    except RuntimeError as exc:
        print(f"skipped: {exc}")
        return 0
    failures = {k: v for k, v in results.items() if v}
    print(f"{args.rounds * len(ATTACKS)} attacks ({len(ATTACKS)} kinds x {args.rounds}): {len(failures)} kinds failed")
    for name, problems in failures.items():
        print(f"--- {name}: {problems[:3]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
