"""Module-level sets of constants: `RIGHT = {"^"}`, `KEYWORDS = frozenset({"if", "else"})`,
`VOWELS = set("aeiou")` (tokenizers and parsers name their operator and keyword sets this way).

Such a set is never built at import: it is kept as the list of its constant items, known at
compile time (`Binding("constset", items)`).

* `x in NAME` / `x not in NAME` is `x in (item, ...)`: the chain of `==` of frontend/tuple_in.py,
  with no set made at all (Python's answer, as every item is a hashable constant).
* Any other read (`sorted(NAME)`, `len(NAME)`, `NAME | other`, `for k in NAME`) is a new set
  display of the items, typed and built where it is read, as a local set would be.

A new set at each read is only Python's set while nothing changes it, so `refusal` looks, once
per module, at every place a function reads the name: a method that could change it
(`NAME.add(x)`), a call that could keep or change it (`helper(NAME)`), an alias (`s = NAME`),
a `global NAME` rebinding it — each is a located compile error whose hint is the copy
(`set(NAME)`) or a set built inside the function.
"""
from __future__ import annotations

import ast

from fastext.compiler.diagnostics import FxSyntaxError

# set methods that leave the set as it is
READ_METHODS = frozenset({"copy", "union", "intersection", "difference", "symmetric_difference",
                          "issubset", "issuperset", "isdisjoint"})
# builtins that read their argument and keep nothing of it
READ_CALLS = frozenset({"len", "sorted", "list", "set", "frozenset", "tuple", "min", "max", "sum",
                        "any", "all", "enumerate", "bool", "print", "str", "repr"})
# a frozenset read as a new set prints and combines as a set: only these reads keep Python's answer
FROZEN_READS = READ_CALLS - {"print", "str", "repr", "frozenset"}
HINT = "build the set inside the function that changes it, or pass a copy: `set(NAME)`"


def frozen(value: ast.expr) -> bool:
    """Whether the set is written `frozenset(...)`."""
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "frozenset"


def items(value: ast.expr) -> list[ast.expr] | None:
    """The constant items of `{c, ...}`, `frozenset({c, ...})`, `set({...})` or `set("abc")`
    (str, int, float or bool literals); None for any other value."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and \
            value.func.id in ("set", "frozenset") and len(value.args) == 1 and not value.keywords:
        arg = value.args[0]
        if isinstance(arg, ast.Constant) and type(arg.value) is str:
            return [ast.copy_location(ast.Constant(ch), arg) for ch in dict.fromkeys(arg.value)]
        if isinstance(arg, (ast.Set, ast.List, ast.Tuple)):
            value = arg
        else:
            return None
    elif not isinstance(value, ast.Set):
        return None
    if not value.elts or not all(isinstance(e, ast.Constant) and type(e.value) in (str, int, float, bool)
                                 for e in value.elts):
        return None
    return list(value.elts)


def parent_map(tree: ast.AST) -> dict[int, ast.AST]:
    """The parent of each node under `tree`, by the child's id."""
    return {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _local_in(func: ast.FunctionDef, name: str) -> bool:
    """Whether `name` is a parameter or an assigned local of `func` (which then hides the set)."""
    args = func.args
    params = args.posonlyargs + args.args + args.kwonlyargs + [a for a in (args.vararg, args.kwarg) if a]
    if any(a.arg == name for a in params):
        return True
    declared = any(isinstance(n, ast.Global) and name in n.names for n in ast.walk(func))
    stored = any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store) for n in ast.walk(func))
    return stored and not declared


def _reads_only(use: ast.Name, parent: ast.AST, is_frozen: bool) -> bool:
    """Whether the read `use` of the set's name leaves it unchanged and unkept (and, for a
    frozenset, gives what a set would give)."""
    if isinstance(parent, ast.Compare):
        return True                 # `x in NAME`, `NAME == other`, `NAME <= other`
    if isinstance(parent, (ast.For, ast.comprehension)) and parent.iter is use:
        return True
    if isinstance(parent, ast.Call) and use in parent.args and isinstance(parent.func, ast.Name):
        return parent.func.id in (FROZEN_READS if is_frozen else READ_CALLS)
    if is_frozen:
        return False                # `F | other`, `F.union(x)` make frozensets
    if isinstance(parent, ast.BinOp):
        return True                 # `NAME | other`: a new set
    if isinstance(parent, ast.Attribute):
        return parent.attr in READ_METHODS
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and use in parent.args:
        return parent.func.attr in READ_METHODS
    return False


def refusal(tree: ast.Module, name: str, is_frozen: bool, file: str) -> FxSyntaxError | None:
    """The first use in a function of the module-level set `name` that could change it or keep it
    (a new set at each read would then not be Python's one set); None when every use reads it."""
    from fastext.compiler.source import Span
    parents = parent_map(tree)
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.Lambda)) or \
                isinstance(func, ast.FunctionDef) and _local_in(func, name):
            continue
        body = func.body if isinstance(func.body, list) else [func.body]
        for stmt in body:
            for node in ast.walk(stmt):
                if isinstance(node, ast.Global) and name in node.names:
                    return FxSyntaxError(Span.of(node, file), f"`global {name}`: the module-level set `{name}` "
                                         "is a constant here", HINT)
                if not (isinstance(node, ast.Name) and node.id == name):
                    continue
                parent = parents.get(id(node))
                if isinstance(node.ctx, ast.Load) and parent is not None and _reads_only(node, parent, is_frozen):
                    continue
                if isinstance(node.ctx, ast.Load) and parent is not None and _reads_only(node, parent, False):
                    return FxSyntaxError(Span.of(node, file), f"the module-level frozenset `{name}` is made anew "
                                         "as a set where it is read: here it would print or combine as a set",
                                         f"test it (`x in {name}`), iterate it or pass it to len/sorted/list, "
                                         "or write it as a set display")
                return FxSyntaxError(Span.of(node, file), f"the module-level set `{name}` could be changed or "
                                     "kept here; compiled, it is a constant that each read makes anew", HINT)
    return None


def membership(fc, node: ast.Compare) -> ast.Compare | None:
    """`x in NAME` of a module-level constant set, as `x in (item, ...)`; None otherwise."""
    if len(node.ops) != 1 or not isinstance(node.ops[0], (ast.In, ast.NotIn)):
        return None
    right = node.comparators[0]
    if not isinstance(right, ast.Name) or right.id in fc.vars:
        return None
    b = fc.scope.lookup(right.id)
    if b is None or b.kind != "constset":
        return None
    display = ast.copy_location(ast.Tuple([ast.copy_location(ast.Constant(e.value), right) for e in b.value],
                                          ast.Load()), right)
    return ast.copy_location(ast.Compare(node.left, node.ops, [display]), node)


def display(node: ast.Name, elts: list[ast.expr]) -> ast.Set:
    """A new set display of the items, located at the read `node`."""
    return ast.copy_location(ast.Set([ast.copy_location(ast.Constant(e.value), node) for e in elts]), node)
