"""Diagnostics: located messages with hints, collected per module, rendered at the edge.

Stages report through a `Diagnostics` sink and keep going, so a user sees every
error of a module at once.  `CompileError` carries them as data; it subclasses
ImportError so `try: import kernels / except ImportError:` fallbacks keep working.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from fastext.compiler.source import SourceFile, Span, display_col

ERROR_TYPE_NAME = "<error>"      # str(types.ErrorType()): never shown to a user


@dataclass(frozen=True)
class Diagnostic:
    """One message about one span; `hint` says what to write instead."""

    span: Span
    message: str
    hint: str = ""
    severity: str = "error"   # "error", "internal" or "note" (a remark that does not fail the compile)

    def render(self, source: SourceFile | None = None) -> str:
        """`file:line:col: error: message`, the source line, a caret, the hint.

        Spans hold UTF-8 byte columns (as `ast` does); what is shown counts characters."""
        kind = {"internal": "internal compiler error", "note": "note"}.get(self.severity, "error")
        if source is not None and source.path == self.span.file:
            text = source.line(self.span.line)
        else:   # a diagnostic in another file (an imported .fx module)
            text = _line_of(self.span.file, self.span.line)
        col = display_col(text, self.span.col)
        out = [f"{self.span.file}:{self.span.line}:{col + 1}: {kind}: {self.message}"]
        if text:
            end = display_col(text, self.span.end_col) if self.span.end_line == self.span.line else len(text)
            out.append(f"    {text}")
            out.append("    " + " " * col + "^" * max(1, min(end - col, len(text) - col)))
        if self.hint:
            out.append(f"  hint: {self.hint}")
        return "\n".join(out)


def _line_of(path: str, number: int) -> str:
    """Line `number` of the file at `path` as CPython decodes it; "" when it cannot be read."""
    import linecache
    try:
        return linecache.getline(path, number).rstrip("\n")
    except (UnicodeError, LookupError, SyntaxError, OSError, ValueError):
        # linecache lets some decoding failures through (a coding line naming UTF-16)
        from fastext.compiler.source import source_for_display
        shown = source_for_display(path)
        return shown.line(number) if shown is not None else ""


class FxSyntaxError(Exception):
    """Raised inside a stage to abandon the current construct; the stage records it and goes on."""

    def __init__(self, span: Span, message: str, hint: str = ""):
        super().__init__(message)
        self.diagnostic = Diagnostic(span, message, hint)


@dataclass
class Diagnostics:
    """A sink the stages report into."""

    source: SourceFile
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, span: Span, message: str, hint: str = "") -> None:
        self.add(Diagnostic(span, message, hint))

    def add(self, diag: Diagnostic) -> None:
        # A message about a value whose type is the error type (`<error>`) is a follow-on of an
        # error already reported: one mistake gives one message, never the internal type's name.
        if ERROR_TYPE_NAME in diag.message + diag.hint and any(d.severity == "error" for d in self.items):
            return
        self.items.append(diag)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise CompileError(self.items, self.source)


class CompileError(ImportError):
    """A `.fx` module failed to compile; `.diagnostics` holds every error, located."""

    def __init__(self, diagnostics: list[Diagnostic], source: SourceFile | None = None, name: str | None = None):
        self.diagnostics = list(diagnostics)
        self.source = source
        rendered = "\n".join(d.render(source) for d in self.diagnostics)
        count = len(self.diagnostics)
        head = f"{count} error{'s' if count != 1 else ''} compiling {source.path if source else 'module'}"
        super().__init__(f"{head}\n{rendered}", name=name, path=source.path if source else None)

    def render(self) -> str:
        """All diagnostics, as a compiler would print them."""
        return "\n".join(d.render(self.source) for d in self.diagnostics)
