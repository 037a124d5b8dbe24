"""Find user-facing text that bypasses the catalog: string literals with words in them,
passed to the console, to a page, to an error or to a help text without `_()`.

    python -m tests.i18n.literals            # list them, with their lines
    python -m tests.i18n.literals --prune    # drop allowlist lines whose literal is gone

The places where text reaches a reader ("sinks") are calls: `print`, any
`.print()`, `sys.stdout/stderr.write`, `echo`, rich's `Text()` and `.append(...,
style=...)`, a `page`'s `add`, `para` and `table` headings, `fail()`, the error
classes and `Problem` (message and hint), and every `help=` / `short_help=`.
A literal anywhere inside such an argument counts, unless it is inside a call of
`_`, `N_`, `ngettext` or `pgettext` (or a `Translator`'s methods), has no
letter in it (`": "`, `"-"`, `f"{x:.2f}"`), or its call carries the comment
`# i18n: verbatim` (text that is the same in every language: a program name).

tests/i18n/bare-literals.txt lists the literals that were bare when the catalog
came (phase two of issue 18 empties it): the test fails on a literal that is not
in the list, and on a line of the list whose literal is gone.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.i18n.catalog import KEYWORDS, function_name, placeholders, relative, source_files

ALLOWLIST = Path(__file__).with_name("bare-literals.txt")
VERBATIM = "# i18n: verbatim"
TRANSLATING = set(KEYWORDS)

# Callee name -> positions of user-facing arguments (None: every positional argument),
# and the keywords that are user-facing.
ERRORS = (
    "AgidebateError",
    "UsageError",
    "RequestRefused",
    "OperationError",
    "EditRefused",
    "InputError",
    "BadParameter",
)
SINKS: dict[str, tuple[tuple[int, ...] | None, tuple[str, ...]]] = {
    "print": (None, ()),
    "echo": ((0,), ("message",)),
    "Text": ((0,), ("text",)),
    "fail": ((0, 1), ("message", "hint")),
    "Problem": ((1, 3), ("message", "hint")),
    "file_error": ((0,), ("action",)),
    "error": (None, ("message", "hint")),  # a parser's `self.error(code, message, node, hint)`
    **dict.fromkeys(ERRORS, ((0, 1), ("message", "hint"))),
}
PAGE_SINKS = {"add": (0,), "para": (0,), "table": (0,)}
HELP_KEYWORDS = ("help", "short_help")


@dataclass(frozen=True)
class Bare:
    """A literal that reaches a reader untranslated."""

    path: str
    line: int
    text: str  # the literal as source (ast.unparse): the allowlist's key

    @property
    def entry(self) -> str:
        return f"{self.path}: {self.text}"


def _receiver(func: ast.expr) -> str | None:
    """`page` for `page.add`, `sys.stderr` for `sys.stderr.write`."""
    if isinstance(func, ast.Attribute):
        return ast.unparse(func.value)
    return None


def sink_arguments(call: ast.Call) -> list[ast.expr]:
    """The arguments of `call` whose text a reader sees."""
    name = function_name(call)
    found: list[ast.expr] = [k.value for k in call.keywords if k.arg in HELP_KEYWORDS]
    receiver = _receiver(call.func)
    if name in PAGE_SINKS and receiver == "page":
        found += [call.args[i] for i in PAGE_SINKS[name] if i < len(call.args)]
    elif name == "write" and receiver in ("sys.stdout", "sys.stderr"):
        found += call.args[:1]
    elif name == "append" and any(k.arg == "style" for k in call.keywords):
        found += call.args[:1]  # rich's Text.append: a list's append takes no style
    elif name == "Command" and len(call.args) > 3:
        found.append(call.args[3])  # the registry's one-line help
    elif name in SINKS:
        positions, keywords = SINKS[name]
        args = (
            call.args
            if positions is None
            else [call.args[i] for i in positions if i < len(call.args)]
        )
        found += args
        found += [k.value for k in call.keywords if k.arg in keywords]
    return found


_CODE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$")


def _has_words(text: str) -> bool:
    """Text a reader reads: a letter in it, and not a problem code (`unknown-field`)."""
    return any(char.isalpha() for char in text) and not _CODE.match(text)


def bare_literals(node: ast.expr) -> Iterator[ast.expr]:
    """The literals with words inside `node` that no translation call wraps."""
    if isinstance(node, ast.Call):
        if function_name(node) in TRANSLATING:
            return
        for arg in node.args:  # a nested call's keywords are options (style=...), not text
            yield from bare_literals(arg)
        return
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str) and _has_words(node.value):
            yield node
        return
    if isinstance(node, ast.JoinedStr):
        if any(
            isinstance(part, ast.Constant) and _has_words(str(part.value)) for part in node.values
        ):
            yield node
            return
        for part in node.values:
            if isinstance(part, ast.FormattedValue):  # not its format_spec: ".2f" is no word
                yield from bare_literals(part.value)
        return
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.expr):
            yield from bare_literals(child)


def key(node: ast.expr) -> str:
    """A literal as the allowlist names it, the same in every Python version:
    `'text'`, or `f'text {expr}'` for a formatted string."""
    if isinstance(node, ast.JoinedStr):
        return "f" + repr("".join(_piece(part) for part in node.values))
    assert isinstance(node, ast.Constant)
    return repr(node.value)


def _piece(part: ast.expr) -> str:
    if isinstance(part, ast.Constant):
        return str(part.value)
    assert isinstance(part, ast.FormattedValue)
    conversion = f"!{chr(part.conversion)}" if part.conversion != -1 else ""
    spec = ""
    if isinstance(part.format_spec, ast.JoinedStr):
        spec = ":" + "".join(_piece(p) for p in part.format_spec.values)
    return "{" + ast.unparse(part.value) + conversion + spec + "}"


def _verbatim(lines: list[str], call: ast.Call) -> bool:
    end = call.end_lineno or call.lineno
    return any(VERBATIM in line for line in lines[call.lineno - 1 : end])


def hint_returns(tree: ast.Module) -> Iterator[ast.expr]:
    """What functions named for hints (`_syntax_hint`, `id_hint`) return: hint text."""
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef) and "hint" in function.name:
            for node in ast.walk(function):
                if isinstance(node, ast.Return) and node.value is not None:
                    yield node.value


def scan(path: Path) -> Iterator[Bare]:
    """The bare user-facing literals of one module."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, str(path))
    found: dict[tuple[int, int], ast.expr] = {}  # a literal inside two sinks counts once
    for value in hint_returns(tree):
        found.update(((lit.lineno, lit.col_offset), lit) for lit in bare_literals(value))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _verbatim(lines, node):
            continue
        for arg in sink_arguments(node):
            found.update(((lit.lineno, lit.col_offset), lit) for lit in bare_literals(arg))
    for (line, _column), literal in sorted(found.items(), key=lambda item: item[0]):
        yield Bare(relative(path), line, key(literal))


def all_bare() -> list[Bare]:
    return [bare for path in source_files() for bare in scan(path)]


@dataclass(frozen=True)
class Misuse:
    """A translation call the catalog cannot serve, or whose fields do not fit."""

    where: str
    problem: str


def misuses(path: Path) -> Iterator[Misuse]:
    """`_(f"...")` (the catalog cannot hold a formatted string), and a message whose
    `{placeholders}` are not all given as keyword fields (it would fail when shown)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        name = node.func.id
        if name not in TRANSLATING or not node.args:
            continue
        where = f"{relative(path)}:{node.lineno}"
        _context_at, singular_at, plural_at = KEYWORDS[name]
        texts = [
            node.args[i] for i in (singular_at, plural_at) if i is not None and i < len(node.args)
        ]
        if any(
            not isinstance(t, ast.Constant | ast.Name | ast.Attribute | ast.Subscript)
            for t in texts
        ):
            yield Misuse(where, f"{name}() takes a literal message (or a value marked with N_)")
            continue
        literal = [
            t.value for t in texts if isinstance(t, ast.Constant) and isinstance(t.value, str)
        ]
        if name == "N_" or not literal or any(k.arg is None for k in node.keywords):
            continue
        given = {k.arg for k in node.keywords if k.arg} | (
            {"n"} if plural_at is not None else set()
        )
        if not given and name != "ngettext":
            continue  # no fields: the message is not formatted, braces are plain text
        wanted = {
            p.split("!")[0].split(".")[0].split("[")[0]
            for p in placeholders(tuple(literal) if len(literal) > 1 else literal[0])
        }
        if wanted - given:
            yield Misuse(where, f"{name}() message needs fields {sorted(wanted - given)}")


def all_misuses() -> list[Misuse]:
    return [m for path in source_files() for m in misuses(path)]


def allowlist() -> Counter[str]:
    lines = ALLOWLIST.read_text(encoding="utf-8").splitlines()
    return Counter(line for line in lines if line.strip() and not line.startswith("#"))


def compare() -> tuple[list[Bare], list[str]]:
    """The bare literals the allowlist does not hold, and its lines whose literal is gone."""
    found = all_bare()
    allowed = allowlist()
    counts = Counter(b.entry for b in found)
    new: list[Bare] = []
    seen: Counter[str] = Counter()
    for bare in found:
        seen[bare.entry] += 1
        if seen[bare.entry] > allowed[bare.entry]:
            new.append(bare)
    gone = sorted((allowed - counts).elements())
    return new, gone


HEADER = """\
# User-facing literals that do not go through the catalog yet (see tests/i18n/literals.py).
# Phase two of issue 18 wraps them in _() and deletes their lines; never add a line here:
# wrap new text in _() instead (docs/i18n.md).
"""


def write_allowlist(entries: Counter[str]) -> None:
    ALLOWLIST.write_text(
        HEADER + "".join(e + "\n" for e in sorted(entries.elements())), encoding="utf-8"
    )


def main() -> None:
    if sys.argv[1:] == ["--prune"]:
        found = Counter(b.entry for b in all_bare())
        write_allowlist(allowlist() & found)
        print(f"{relative(ALLOWLIST)}: {sum((allowlist()).values())} lines")
        return
    for bare in all_bare():
        print(f"{bare.path}:{bare.line}: {bare.text}")


if __name__ == "__main__":
    main()
