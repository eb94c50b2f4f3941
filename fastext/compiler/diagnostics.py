"""Diagnostics: located messages with hints, collected per module, rendered at the edge.

Stages report through a `Diagnostics` sink and keep going, so a user sees every
error of a module at once.  `CompileError` carries them as data; it subclasses
ImportError so `try: import kernels / except ImportError:` fallbacks keep working.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from fastext.compiler.source import SourceFile, Span


@dataclass(frozen=True)
class Diagnostic:
    """One message about one span; `hint` says what to write instead."""

    span: Span
    message: str
    hint: str = ""
    severity: str = "error"   # "error" or "internal"

    def render(self, source: SourceFile | None = None) -> str:
        """`file:line:col: error: message`, the source line, a caret, the hint."""
        kind = "internal compiler error" if self.severity == "internal" else "error"
        out = [f"{self.span}: {kind}: {self.message}"]
        if source is not None and source.path == self.span.file:
            text = source.line(self.span.line)
        else:   # a diagnostic in another file (an imported .fx module)
            import linecache
            text = linecache.getline(self.span.file, self.span.line).rstrip("\n")
        if text:
            width = (self.span.end_col if self.span.end_line == self.span.line else len(text)) - self.span.col
            out.append(f"    {text}")
            out.append("    " + " " * self.span.col + "^" * max(1, min(width, len(text) - self.span.col)))
        if self.hint:
            out.append(f"  hint: {self.hint}")
        return "\n".join(out)


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
        self.items.append(Diagnostic(span, message, hint))

    def add(self, diag: Diagnostic) -> None:
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
