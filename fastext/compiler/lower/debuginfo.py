"""DWARF debug information for `-g` builds (`Options(debug=True)`): `.fx` file:line per instruction.

One DICompileUnit per module, one DISubprogram per native function that holds lowered
statements (the plain body, its contiguous/noalias variants and prange workers each get
their own, named after the `.fx` function), and a DILocation per statement, set on the
function's IRBuilder so every instruction the statement emits carries it.

`finish` then makes the module valid for LLVM's verifier whatever other emitters did
with their own builders: an instruction inside a function with a subprogram but without
a location gets the one before it (calls must have one once both sides carry debug
info), and a location whose scope is another function's subprogram is re-scoped.

Variables: scalar parameters and locals get `llvm.dbg.declare` on their stack slots, so
`info locals` / `print x` work where LLVM keeps the slot (at -O0 always; at -O2/-O3
SROA turns most into `dbg.value`s, which gdb shows while the value is live).
"""
from __future__ import annotations

import os

from llvmlite import ir as ll

from fastext.compiler import types as T

# gdb knows no DWARF "Python" language; as C, `break`, `bt`, `info locals` and `print`
# work with the names and scalar types below.
_LANGUAGE = "DW_LANG_C"


class DebugInfo:
    """The debug metadata of one LLVM module (created by `lower_module` when `debug` is on)."""

    def __init__(self, module: ll.Module, path: str):
        self.module = module
        self.files: dict[str, object] = {}
        self.main_file = self.file(path)
        self.unit = module.add_debug_info("DICompileUnit", {
            "language": ll.DIToken(_LANGUAGE),
            "file": self.main_file,
            "producer": "fastext",
            "runtimeVersion": 0,
            "isOptimized": True,
            "emissionKind": ll.DIToken("FullDebug"),
        }, is_distinct=True)
        flags = module.add_named_metadata("llvm.module.flags")
        i32 = ll.IntType(32)
        flags.add(module.add_metadata([i32(2), "Dwarf Version", i32(4)]))
        flags.add(module.add_metadata([i32(2), "Debug Info Version", i32(3)]))
        module.add_named_metadata("llvm.dbg.cu", self.unit)
        self.subprograms: dict[str, object] = {}    # LLVM function name → its DISubprogram
        self.lines: dict[str, int] = {}             # LLVM function name → its first line
        self._types: dict[str, object] = {}
        self._declare: ll.Function | None = None
        self._nodes: dict[tuple, object] = {}
        self._where: dict[int, tuple] = {}          # id(DILocation) → (scope, line, column)

    def file(self, path: str):
        """The DIFile of a source path (absolute, so gdb finds it from any working directory)."""
        full = os.path.abspath(path)
        found = self.files.get(full)
        if found is None:
            found = self.files[full] = self.module.add_debug_info(
                "DIFile", {"filename": os.path.basename(full), "directory": os.path.dirname(full)})
        return found

    def subprogram(self, llfn: ll.Function, name: str, span) -> object:
        """The DISubprogram of `llfn` (shown as `name`, from `span`), attached on first use."""
        sp = self.subprograms.get(llfn.name)
        if sp is None:
            file = self.file(span.file)
            kind = self.module.add_debug_info("DISubroutineType", {"types": self.module.add_metadata([])})
            sp = self._distinct("DISubprogram", {
                "name": name,
                "scope": file,
                "file": file,
                "line": span.line,
                "type": kind,
                "isLocal": llfn.linkage in ("internal", "private"),
                "isDefinition": True,
                "scopeLine": span.line,
                "isOptimized": True,
                "unit": self.unit,
            })
            llfn.set_metadata("dbg", sp)
            self.subprograms[llfn.name] = sp
            self.lines[llfn.name] = span.line
        return sp

    def location(self, llfn: ll.Function, span):
        """The DILocation of `span` inside `llfn` (which must have its subprogram already)."""
        sp = self.subprograms[llfn.name]
        return self._scoped("DILocation", {"line": span.line, "column": span.col + 1, "scope": sp})

    # ------------------------------------------------------------------ variables
    def _type(self, t: T.Type):
        """A DWARF base type for a scalar `.fx` type, or None (arrays, containers: not described)."""
        if not isinstance(t, T.Scalar):
            return None
        if t.is_bool:
            name, encoding, bits = "bool", "DW_ATE_boolean", 8
        elif t.is_int:
            name, encoding, bits = str(t), "DW_ATE_signed" if t.signed else "DW_ATE_unsigned", t.bits
        elif getattr(t, "is_float", False):
            name, encoding, bits = str(t), "DW_ATE_float", t.bits
        else:
            return None
        found = self._types.get(name)
        if found is None:
            found = self._types[name] = self.module.add_debug_info(
                "DIBasicType", {"name": name, "size": bits, "encoding": ll.DIToken(encoding)})
        return found

    def declare(self, builder: ll.IRBuilder, llfn: ll.Function, slot: ll.Value, var, span, arg: int = 0) -> None:
        """`llvm.dbg.declare` of a scalar variable's stack slot (nothing for other types or `$` temporaries)."""
        dtype = self._type(var.type)
        if dtype is None or "$" in var.name or llfn.name not in self.subprograms:
            return
        if self._declare is None:
            md = ll.MetaDataType()
            self._declare = self.module.globals.get("llvm.dbg.declare") or ll.Function(
                self.module, ll.FunctionType(ll.VoidType(), [md, md, md]), "llvm.dbg.declare")
        sp = self.subprograms[llfn.name]
        fields = {"name": var.name, "scope": sp, "file": self.file(span.file), "line": span.line, "type": dtype}
        if arg:
            fields["arg"] = arg
        variable = self._scoped("DILocalVariable", fields)
        expression = self.module.add_debug_info("DIExpression", {})
        call = builder.call(self._declare, [slot, variable, expression])
        call.set_metadata("dbg", self.location(llfn, span))

    # ------------------------------------------------------------------ the fix-up pass
    def finish(self) -> None:
        """Describe the callers of described functions, then give every instruction of a described
        function a location in that function's own scope."""
        self._describe_callers()
        for fn in self.module.functions:
            if fn.is_declaration:
                continue
            sp = self.subprograms.get(fn.name)
            if sp is None:
                for block in fn.blocks:        # emitted by a builder borrowed from a described function
                    for instr in block.instructions:
                        instr.metadata.pop("dbg", None)
                continue
            current = None
            for block in fn.blocks:
                for instr in block.instructions:
                    loc = instr.metadata.get("dbg")
                    if loc is None:
                        instr.metadata["dbg"] = current or self._line(fn, self.lines[fn.name])
                        continue
                    scope, line, column = self._where.get(id(loc)) or self._fields_of(loc)
                    if scope is not sp:       # emitted through another function's builder
                        loc = self._line(fn, line, column)
                        instr.metadata["dbg"] = loc
                    current = loc

    def _describe_callers(self) -> None:
        """A function that calls a described one (the entry-point wrapper `fxw.dot`, a prange
        runner) gets a subprogram too, named after its callee: code the inliner moves into a
        function without one loses its lines, and the bodies are usually inlined into them."""
        changed = True
        while changed:
            changed = False
            for fn in self.module.functions:
                if fn.is_declaration or fn.name in self.subprograms:
                    continue
                callee = next((i.callee for b in fn.blocks for i in b.instructions
                               if isinstance(i, ll.CallInstr) and getattr(i.callee, "name", None) in self.subprograms),
                              None)
                if callee is not None:
                    fields = dict(self.subprograms[callee.name].operands)
                    self._adopt(fn, fields)
                    changed = True

    def _adopt(self, fn: ll.Function, fields: dict) -> None:
        sp = self._distinct("DISubprogram", {**fields, "isLocal": fn.linkage in ("internal", "private")})
        fn.set_metadata("dbg", sp)
        self.subprograms[fn.name] = sp
        self.lines[fn.name] = fields["line"]

    def _distinct(self, kind: str, fields: dict):
        """A new distinct node.  The variants of one function (plain, contiguous, noalias) have
        equal subprograms (same name, file and line; no linkageName, or gdb would show
        `fx.dot.contiguous` where the user wrote `dot`), and `add_debug_info`, which compares
        nodes by content, would hand them one shared node, which LLVM rejects."""
        operands = tuple(sorted(self.module._fix_di_operands(fields.items())))
        return ll.values.DIValue(self.module, True, kind, operands, name=str(len(self.module.metadata)))

    def _scoped(self, kind: str, fields: dict):
        """A uniqued node that names a subprogram (a location, a variable), uniqued by the
        subprogram's identity: by content, locations in `dot` and `dot.contiguous` would merge."""
        key = (kind, tuple(sorted((k, id(v) if isinstance(v, ll.values.DIValue) else v) for k, v in fields.items())))
        found = self._nodes.get(key)
        if found is None:
            operands = tuple(sorted(self.module._fix_di_operands(fields.items())))
            found = self._nodes[key] = ll.values.DIValue(self.module, False, kind, operands,
                                                         name=str(len(self.module.metadata)))
            if kind == "DILocation":      # what `finish` asks of every instruction's location, without a dict each
                self._where[id(found)] = (fields["scope"], fields["line"], fields["column"])
        return found

    def _fields_of(self, loc) -> tuple:
        fields = dict(loc.operands)
        return fields.get("scope"), fields.get("line", 0), fields.get("column", 0)

    def _line(self, fn: ll.Function, line: int, column: int = 0):
        return self._scoped("DILocation", {"line": line, "column": column, "scope": self.subprograms[fn.name]})
