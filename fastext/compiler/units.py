"""Splits a module's LLVM IR text into compilation units that LLVM optimises and codegens apart.

One unit per entry point (`fxw.NAME`) holds the wrapper and, as private copies, every body
it reaches (its variants, the functions they call — so inlining across them is unchanged);
the module unit holds `PyInit_*`, the module definition and the globals several units
share.  The units' objects are joined into the one object the module always was
(compiler/parallel.py), so the extension still exports only its `PyInit_*` functions.

Symbols crossing units get external linkage with hidden visibility: the wrappers the
method table points at, and the mutable globals more than one unit uses (module state).
Private constants (strings, traceback sites and tables) are copied into each unit that
reads them.  A unit's
private names are renumbered in order of use, so its text — the per-unit cache key — does
not change when another function of the file is edited.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_NAME = r'@(?:"((?:[^"\\\n]|\\.)*)"|([-A-Za-z$._][-\w$.]*))'
_REF = re.compile(_NAME)
_DEFINE = re.compile(r'^define\s+(.*?)' + _NAME + r'\(')
_GLOBAL = re.compile(r'^' + _NAME + r'\s*=\s*(.*)$')
_DECLARE = re.compile(r'^declare\s+(.*?)' + _NAME + r'\(')
_USED_LISTS = ("llvm.compiler.used", "llvm.used")
_LINKAGES = {"private", "internal", "external", "common", "weak", "linkonce", "linkonce_odr", "weak_odr",
             "available_externally", "extern_weak", "appending"}
MODULE_UNIT = ""
SMALL_HELPER_LINES = 12


@dataclass
class _Function:
    name: str
    header: str          # the `define` line
    lines: list[str]     # header, `{`, body, `}`
    linkage: str
    refs: set[str] = field(default_factory=set)


@dataclass
class _Global:
    name: str
    line: str
    linkage: str
    declaration: bool    # `external global T` without an initializer
    copyable: bool       # a private constant: each unit may have its own copy
    value_type: str
    keyword: str         # global / constant
    refs: set[str] = field(default_factory=set)


@dataclass
class Unit:
    """One compilation unit: its name (the entry point's function, "" for the module unit),
    its LLVM IR text and the functions it defines (for the budget's per-function plans)."""

    name: str
    text: str
    functions: tuple[str, ...]


def _name(m: re.Match, quoted: int = 1) -> str:
    return m.group(quoted) if m.group(quoted) is not None else m.group(quoted + 1)


def _quote(name: str) -> str:
    return f'@"{name}"'


def _type_at(s: str) -> str:
    """The LLVM type spelled at the start of `s` (brackets balanced, pointer stars kept)."""
    depth, i = 0, 0
    while i < len(s):
        c = s[i]
        if c in "{[<(":
            depth += 1
        elif c in "}]>)":
            depth -= 1
        elif c == '"':
            i = s.index('"', i + 1)
        elif depth == 0 and (c in " ,"):
            break
        i += 1
    while i < len(s) and s[i] == "*":
        i += 1
    return s[:i]


def _parse_global(line: str) -> _Global:
    m = _GLOBAL.match(line)
    name, rest = _name(m), m.group(3)
    words = rest.split(" ")
    linkage, k = "external", 0
    attrs = []
    while k < len(words) and words[k] not in ("global", "constant"):
        if words[k] in _LINKAGES:
            linkage = words[k]
        attrs.append(words[k])
        k += 1
    keyword = words[k]
    after = " ".join(words[k + 1:])
    vtype = _type_at(after)
    init = after[len(vtype):].strip()
    declaration = linkage in ("external", "extern_weak") and (not init or init.startswith(","))
    # A private constant is copied into each unit that reads it: nothing compares their
    # addresses (call sites are found by index in fx$call_sites, not by address), and a copy
    # LLVM may drop where the optimised code no longer reads it, as in a one-module build.
    copyable = keyword == "constant" and linkage in ("private", "internal")
    return _Global(name, line, linkage, declaration, copyable, vtype, keyword,
                   {_name(r) for r in _REF.finditer(init)} if not declaration else set())


def split(text: str) -> list[Unit]:
    """The units of one module's IR text (the module unit first)."""
    lines = text.split("\n")
    common: list[str] = []
    used: list[str] = []        # what `@llvm.compiler.used` keeps (lower/vecmath.py: libmvec's variants)
    functions: dict[str, _Function] = {}
    globals_: dict[str, _Global] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("define"):
            j = i
            while lines[j] != "}":
                j += 1
            m = _DEFINE.match(line)
            linkage = next((w for w in m.group(1).split() if w in _LINKAGES), "external")
            fn = _Function(_name(m, 2), line, lines[i:j + 1], linkage)
            for body_line in fn.lines[1:]:
                fn.refs.update(_name(r) for r in _REF.finditer(body_line))
            functions[fn.name] = fn
            i = j + 1
            continue
        if line.startswith("@"):
            g = _parse_global(line)
            if g.name in _USED_LISTS:
                used.extend(_name(r) for r in _REF.finditer(line.split("=", 1)[1]))
            elif g.declaration:
                common.append(line)
            else:
                globals_[g.name] = g
        else:
            common.append(line)      # header, declarations, types, metadata
        i += 1
    wrappers = {n for n in functions if n.startswith("fxw.")}
    # cold paths (the traceback builder) are compiled once, in the module unit
    cold = {n for n, f in functions.items() if n not in wrappers and _CALLED_COLD.search(f.header)}
    # shared bodies (lower/module.py: shared_bodies): a unit of their own, called by the others
    bodies = {n for n, f in functions.items() if n not in wrappers and f.header.startswith("define hidden ")}
    roots = wrappers | cold | bodies
    module_roots = {n for n, f in functions.items() if f.linkage not in ("internal", "private") and n not in roots}
    units = [MODULE_UNIT] + [n for n in functions if n in wrappers or n in bodies]
    fns = {u: ({u} if u else module_roots | cold) for u in units}
    gls: dict[str, set[str]] = {u: set() for u in units}
    owner: dict[str, str] = {}
    # Grow each unit until nothing changes: the functions its functions call (wrappers of
    # other units excepted: they are declared), the globals they read, and, for the globals
    # the unit defines, what their initializers refer to.
    changed = True
    while changed:
        changed = False
        users: dict[str, set[str]] = {}
        for u in units:
            todo = [r for f in fns[u] for r in functions[f].refs] + \
                   [r for g in gls[u] if globals_[g].copyable or owner.get(g) == u for r in globals_[g].refs]
            while todo:
                n = todo.pop()
                if n in functions and n not in fns[u] and (n not in roots or (n in cold and not u)):
                    fns[u].add(n)
                    todo.extend(functions[n].refs)
                    changed = True
                elif n in globals_:
                    users.setdefault(n, set()).add(u)
                    if n not in gls[u]:
                        gls[u].add(n)
                        changed = True
                        if globals_[n].copyable:
                            todo.extend(globals_[n].refs)
        for g, us in users.items():
            if not globals_[g].copyable:
                o = next(iter(us)) if len(us) == 1 else MODULE_UNIT
                if owner.get(g) != o:
                    owner[g] = o
                    gls[o].add(g)
                    changed = True
    shared = {g for g, o in owner.items() if any(g in gls[u] for u in units if u != o)}
    called = {r for u in units for f in fns[u] for r in functions[f].refs if r in roots and r not in fns[u]} | \
             {r for g, o in owner.items() for r in globals_[g].refs if r in roots and r not in fns[o]}
    # the entries every unit keeps: functions the shared lines declare (libmvec's vector variants)
    declares = {_name(m, 2) for line in common if line.startswith("declare") for m in [_DECLARE.match(line)] if m}
    used_everywhere = {n for n in used if n in declares}
    return [_emit(u, common, functions, globals_, fns[u], gls[u], owner, shared, roots, called, used, used_everywhere)
            for u in units]


def _emit(unit, common, functions, globals_, fns, gls, owner, shared, roots, called, used=(),
          used_everywhere=frozenset()) -> Unit:
    """One unit's text: the shared lines, declarations of what other units define, its globals
    (copies, or the ones it owns), its functions (hidden where other units call them), and the
    `@llvm.compiler.used` entries that name what it defines or declares (libmvec's vector
    variants and their wrappers: without it LLVM drops the unused declarations before the loop
    vectoriser can call them)."""
    body: list[str] = []
    declared: list[str] = []
    rename: dict[str, str] = {}
    order = {g: k for k, g in enumerate(globals_)}
    for g in sorted(gls, key=order.__getitem__):
        gv = globals_[g]
        if gv.copyable or owner.get(g) == unit:
            if g in shared:
                line = gv.line.replace(f" = {gv.linkage} ", " = hidden ", 1) if gv.linkage in ("private", "internal") \
                    else gv.line
                body.append(line)
            else:
                body.append(gv.line)
                if gv.linkage in ("private", "internal"):
                    rename[g] = f".u{len(rename)}"
        else:
            declared.append(f'{_quote(g)} = external hidden {gv.keyword} {gv.value_type}')
    for f in [n for n in functions if n in fns]:
        fn = functions[f]
        lines = list(fn.lines)
        if f in called:
            lines[0] = lines[0].replace("define internal ", "define hidden ", 1)
        body.extend(lines)
    wanted = {r for f in fns for r in functions[f].refs} | \
        {r for g in gls if globals_[g].copyable or owner.get(g) == unit for r in globals_[g].refs}
    for w in sorted(r for r in wanted if r in roots and r not in fns):
        declared.append(re.sub(r"^define (internal |hidden )", "declare hidden ", functions[w].header, count=1))
    keep = [n for n in used if n in fns or n in used_everywhere]
    if keep:
        body.append(f'@llvm.compiler.used = appending global [{len(keep)} x ptr] '
                    f'[{", ".join("ptr " + _quote(n) for n in keep)}], section "llvm.metadata"')
    text = "\n".join(common + declared + body)
    if rename:
        text = _REF.sub(lambda m: _quote(rename[_name(m)]) if _name(m) in rename else m.group(0), text)
    return Unit(unit, text, tuple(n for n in functions if n in fns))


# The runtime helpers (abi/runtime.py) that only run on the way to an exception: they set it
# and return.  (Not the slow conversions `fx_unbox_*_slow` and `fx_index`, which NumPy scalars
# and int subclasses take on every call, nor `fx_parse_args`, which every call with keywords takes.)
ERROR_HELPERS = frozenset({"fx_type_error", "fx_range_error", "fx_float_overflow", "fx_raise", "fx_rec_overflow",
                           "fx_check_dims"})


def unoptimised(unit: Unit) -> frozenset[str]:
    """The functions of `unit` compiled without optimisation (`optnone`, which also selects
    instructions the fast way): in the module unit, the code that runs once per import (`PyInit_*`,
    the `Py_mod_exec` slots `*.exec`) and the code that only builds an exception (the traceback
    builder, the runtime's error helpers).  Neither is worth O3's time: in harness9.fx they were
    a third of the module unit's optimisation and code generation.  The ufunc loops, arena and
    conversion helpers that share the module unit stay optimised."""
    if unit.name != MODULE_UNIT:
        return frozenset()
    own = {n for n in unit.functions if n.startswith(("PyInit_", "fx$traceback")) or n.endswith(".exec")}
    return frozenset(own) | ERROR_HELPERS


_COLD = re.compile(r"\)[^()]*\b(noinline|cold)\b")
_CALLED_COLD = re.compile(r"\)[^()]*\bcold\b")


def runtime_parts(runtime_text: str, used: frozenset[str] | None = None) -> tuple[str, str]:
    """The runtime helpers (abi/runtime.py) as the module unit links them — the out-of-line
    ones (`noinline`/`cold`) defined once, hidden — and as every other unit links them: the
    out-of-line ones only declared, the small inlined ones copied as before.

    `used`: the helpers the module's code names; the out-of-line helpers they do not reach
    stay internal to the module unit, so LLVM drops them (and their C-API references) as
    the one-module build does."""
    lines = runtime_text.split("\n")
    blocks: list[tuple[str, list[str]] | str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.startswith("define"):
            blocks.append(line)
            i += 1
            continue
        j = i
        while not lines[j].rstrip().endswith("{"):
            j += 1
        header = " ".join(x.strip() for x in lines[i:j + 1])[:-1].rstrip()
        k = j
        while lines[k] != "}":
            k += 1
        blocks.append((header, lines[i:k + 1]))
        i = k + 1
    defined = {_name(_DEFINE.match(h), 2): b for h, b in (x for x in blocks if isinstance(x, tuple))}
    reach = set(defined) if used is None else set()
    todo = list(used or ())
    while todo:
        n = todo.pop()
        if n in defined and n not in reach:
            reach.add(n)
            todo.extend(_name(r) for line in defined[n][1:] for r in _REF.finditer(line))
    shared, inline = [], []
    for x in blocks:
        if isinstance(x, str):
            shared.append(x)
            inline.append(x)
            continue
        header, block = x
        name = _name(_DEFINE.match(header), 2)
        # (a small helper is copied like the inlined ones: its body costs nothing to compile, and
        # what LLVM infers from it — `nosync`, `nofree` — lets its callers be inferred pure)
        out_of_line = _COLD.search(header) and not header.startswith(("define internal", "define private")) \
            and len(block) > SMALL_HELPER_LINES
        if out_of_line and name in reach:
            # cold paths (errors, slow conversions, keyword parsing): compiled for size, as LLVM
            # does not guess it once they are visible to other units and it sees no callers
            block = list(block)
            if _CALLED_COLD.search(header):
                end = next(k for k, line in enumerate(block) if line.rstrip().endswith("{"))
                block[end] = block[end].rstrip()[:-1] + "minsize optsize {"
            shared.append(block[0].replace("define ", "define hidden ", 1))
            shared.extend(block[1:])
            inline.append(header.replace("define ", "declare hidden ", 1))
        else:
            shared.extend(block)
            inline.extend(block)
    return "\n".join(shared), "\n".join(inline)
