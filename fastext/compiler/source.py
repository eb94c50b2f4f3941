"""Source files and spans: every diagnostic and IR node points back into the `.fx` text.

`read_source` reads a `.fx` file as CPython reads a `.py` file (PEP 263: UTF-8, a UTF-8 byte
order mark, or the ASCII-compatible encoding a `# -*- coding: … -*-` line on line 1 or 2
names); a file CPython would refuse is a located `CompileError`, never a UnicodeDecodeError.
`parse` turns CPython's SyntaxError (and its other refusals) into a located diagnostic.
Columns in spans are UTF-8 byte offsets, as `ast` gives them; `display_col` turns one into
the character column shown to users.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A region of a source file; lines are 1-based, columns 0-based (as in `ast`)."""

    file: str
    line: int
    col: int
    end_line: int
    end_col: int

    @staticmethod
    def of(node: ast.AST, file: str) -> "Span":
        line = getattr(node, "lineno", 1) or 1
        col = getattr(node, "col_offset", 0) or 0
        end_line = getattr(node, "end_lineno", None) or line
        end_col = getattr(node, "end_col_offset", None)
        if end_col is None:
            end_col = col + 1
        return Span(file, line, col, end_line, end_col)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col + 1}"


@dataclass(frozen=True)
class SourceFile:
    """The text of one `.fx` file, with line lookup for diagnostics."""

    path: str
    text: str

    def line(self, number: int) -> str:
        lines = self.__dict__.get("_lines")
        if lines is None:     # split once: a module with many diagnostics renders in linear time
            lines = self.text.splitlines()
            object.__setattr__(self, "_lines", lines)
        return lines[number - 1] if 1 <= number <= len(lines) else ""


def display_col(text: str, col: int) -> int:
    """The 0-based character column of UTF-8 byte offset `col` in the line `text`."""
    if text.isascii():
        return col
    return len(text.encode("utf-8")[:col].decode("utf-8", "ignore"))


def byte_col(text: str, col: int) -> int:
    """The UTF-8 byte offset of 0-based character column `col` in the line `text`."""
    return len(text[:col].encode("utf-8"))


# PEP 263's coding declaration, as CPython's tokenizer matches it (line 1 or 2, a comment)
_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_BOMS = {b"\xff\xfe\x00\x00": "UTF-32", b"\x00\x00\xfe\xff": "UTF-32", b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16"}
_ENCODING_HINT = ("save the file as UTF-8, or name its encoding on line 1 or 2, e.g. `# -*- coding: latin-1 -*-` "
                  "(PEP 263; Python reads source files the same way)")


def read_source(path: str) -> SourceFile:
    """The text of the `.fx` file at `path`, decoded as CPython decodes source (PEP 263).

    Raises `CompileError` with one located diagnostic when CPython would refuse the file's
    bytes (and OSError when it cannot be read at all).
    """
    with open(path, "rb") as f:
        data = f.read()
    return decode_source(data, path)


def source_for_display(path: str) -> SourceFile | None:
    """The file's lines for rendering diagnostics, also when it cannot be decoded (None if unreadable)."""
    from fastext.compiler.diagnostics import CompileError
    try:
        return read_source(path)
    except CompileError as err:
        return err.source
    except OSError:
        return None


def decode_source(data: bytes, path: str) -> SourceFile:
    """`data` decoded per PEP 263, newlines made `\\n` (as text-mode reading does); a located
    `CompileError` if CPython would refuse it."""
    import codecs
    import io
    import tokenize

    for bom, name in _BOMS.items():
        if data.startswith(bom):
            raise _decode_error(data, path, 0, f"the file is {name} (it starts with a {name} byte order mark)",
                                "save the file as UTF-8: Python source must be UTF-8 or an ASCII-compatible "
                                "encoding named by a `# -*- coding: … -*-` line (PEP 263)", shown_as=name.lower())
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as e:
        return _refused(data, path, str(e))
    try:
        ascii_compatible = b"abc\n#".decode(encoding) == "abc\n#"
    except (UnicodeError, LookupError):     # UnicodeError: e.g. UTF-16 without its byte order mark
        ascii_compatible = False
    if not ascii_compatible:     # UTF-16/32 named by a cookie: CPython refuses it too
        raise _decode_error(data, path, _cookie_offset(data), f"encoding problem: {codecs.lookup(encoding).name} "
                            "is not an ASCII-compatible encoding", _ENCODING_HINT)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        if _only_in_comments(data):
            # CPython's compile() of bytes -- what `import` runs, and so interpreted mode --
            # skips comments undecoded: accept what it accepts (the bad bytes never matter)
            text = data.decode(encoding, "replace")
            return SourceFile(path, text.replace("\r\n", "\n").replace("\r", "\n"))
        if encoding in ("utf-8", "utf-8-sig"):
            what = f"byte 0x{data[e.start]:02x} is not UTF-8 and no other encoding is declared"
        else:
            what = f"byte 0x{data[e.start]:02x} cannot be decoded as {encoding}, the encoding the coding line names"
        raise _decode_error(data, path, e.start, what, _ENCODING_HINT) from None
    return SourceFile(path, text.replace("\r\n", "\n").replace("\r", "\n"))


def _only_in_comments(data: bytes) -> bool:
    """Whether CPython compiles these bytes although they do not decode (bad bytes in comments)."""
    try:
        ast.parse(data)
        return True
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False


def _refused(data: bytes, path: str, reason: str):
    """tokenize.detect_encoding refused the first two lines: say where and why."""
    if "unknown encoding" in reason or "encoding problem" in reason:
        name = reason.rpartition(":")[2].strip()
        m = _COOKIE.match(data[3:].split(b"\n", 1)[0]) if data.startswith(b"\xef\xbb\xbf") else None
        declared = m.group(1).decode("ascii", "replace") if m else name
        what = (f"unknown encoding `{name}` in the coding declaration" if "unknown" in reason
                else f"encoding problem: the file starts with a UTF-8 byte order mark but declares {declared}")
        raise _decode_error(data, path, _cookie_offset(data), what, _ENCODING_HINT)
    try:
        data.decode("utf-8")
        bad = 0
    except UnicodeDecodeError as e:
        bad = e.start
    raise _decode_error(data, path, bad, f"byte 0x{data[bad]:02x} is not UTF-8 and no encoding is declared"
                        if bad < len(data) else reason, _ENCODING_HINT)


def _cookie_offset(data: bytes) -> int:
    """Byte offset of the coding declaration (line 1 or 2), else 0."""
    offset = 0
    for line in data.splitlines(keepends=True)[:2]:
        bom = 3 if offset == 0 and line.startswith(b"\xef\xbb\xbf") else 0
        m = _COOKIE.match(line[bom:])
        if m:
            return offset + bom + m.start(1)
        offset += len(line)
    return 0


def _decode_error(data: bytes, path: str, offset: int, message: str, hint: str, shown_as: str = "utf-8"):
    """A CompileError at byte `offset` of the undecodable file (shown with U+FFFD for bad bytes;
    `shown_as`: the encoding the lines are shown in, e.g. a UTF-16 file's own)."""
    from fastext.compiler.diagnostics import CompileError, Diagnostic
    start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    prefix = data[start:offset].removeprefix(b"\xef\xbb\xbf" if start == 0 else b"").decode("utf-8", "replace")
    col = len(prefix.encode("utf-8"))
    text = data.decode(shown_as, "replace").lstrip("\ufeff")
    shown = SourceFile(path, text.replace("\r\n", "\n").replace("\r", "\n"))
    return CompileError([Diagnostic(Span(path, line, col, line, col + 1), message, hint)], shown)


def parse(source: SourceFile) -> ast.Module:
    """`ast.parse` of the source, with CPython's refusals as a located `FxSyntaxError`."""
    from fastext.compiler.diagnostics import FxSyntaxError
    try:
        try:
            return ast.parse(source.text, filename=source.path)
        except (RecursionError, MemoryError):
            # the parser's depth limit counts the frames below it: ask it again from the bottom of
            # a fresh stack, as CPython parses a file it runs or imports
            from fastext.compiler import deep
            return deep.run_fresh(ast.parse, source.text, filename=source.path)
    except SyntaxError as e:
        line = e.lineno or 1
        text = source.line(line)
        col = byte_col(text, max(0, (e.offset or 1) - 1))
        end = col + 1
        if e.end_lineno == line and e.end_offset and e.end_offset > (e.offset or 0):
            end = byte_col(text, e.end_offset - 1)
        msg = e.msg if isinstance(e.msg, str) and e.msg else "invalid syntax"
        if "null bytes" in msg and e.lineno is None:      # 3.11 gives no location: find the byte
            line, col = _find(source.text, "\x00")
            end = col + 1
        message = msg if msg.startswith("invalid syntax") else f"invalid syntax: {msg}"
        raise FxSyntaxError(Span(source.path, line, col, line, max(end, col + 1)), message,
                            "a .fx file is Python source; CPython refuses this line too") from None
    except ValueError as e:      # null bytes (some CPython versions raise ValueError)
        line, col = _find(source.text, "\x00")
        raise FxSyntaxError(Span(source.path, line, col, line, col + 1), f"invalid source: {e}",
                            "remove the NUL byte: a .fx file is text") from None
    except (RecursionError, MemoryError):
        raise FxSyntaxError(_deepest(source), "this code is nested too deeply for Python's parser "
                            "(CPython cannot compile it either)",
                            "split the expression or the chain of `elif`s into smaller pieces (e.g. helper functions)"
                            ) from None


def _deepest(source: SourceFile) -> Span:
    """Where a source too deep for CPython's parser is deepest (parsed once more on a deep stack)."""
    from fastext.compiler import deep
    try:
        tree = deep.run_deep(min(len(source.text) // 2 + 1000, 50_000), ast.parse, source.text)
        _, node = deep.ast_depth(tree)
        if node is not None and hasattr(node, "lineno"):
            return Span.of(node, source.path)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        pass
    return Span(source.path, 1, 0, 1, 1)


def _find(text: str, needle: str) -> tuple[int, int]:
    """(line, UTF-8 byte column) of the first `needle` in `text`, else (1, 0)."""
    k = text.find(needle)
    if k < 0:
        return 1, 0
    start = text.rfind("\n", 0, k) + 1
    return text.count("\n", 0, k) + 1, len(text[start:k].encode("utf-8"))


def without_docstring(body: list[ast.stmt]) -> list[ast.stmt]:
    """The statements of a module, class or function body after its docstring, if any."""
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        return body[1:]
    return body
