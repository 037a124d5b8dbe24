"""Export formats behind one small registry: each format is one module with
`export(debate, options) -> str | bytes`.

>>> from agidebate.model import Claim, Debate
>>> text = export(Debate(claims={"t": Claim("t", "A thesis")}, thesis="t"), "json")
>>> '"thesis": "t"' in text
True
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from agidebate.i18n import _

if TYPE_CHECKING:
    from agidebate.export.weighings import Weighings
    from agidebate.model import Debate


@dataclass(frozen=True)
class ExportOptions:
    """What every exporter may take into account.

    `scores` maps claim ids to strengths in [0, 1] (None: no scores shown);
    `semantics` names how they were computed; `lang` picks translations;
    `folder` is the debate folder the claims were read from (file paths in the
    JSON export are relative to it; None: as the claims' locations give them).
    `weighings` (from `export.weighings.weigh`) gives the HTML page every
    perspective and semantics to switch between.
    """

    scores: Mapping[str, float] | None = None
    semantics: str | None = None
    lang: str | None = None
    folder: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    weighings: Weighings | None = None


class Exporter(Protocol):
    def __call__(self, debate: Debate, options: ExportOptions) -> str | bytes: ...


@dataclass(frozen=True)
class Format:
    """A registered export format.

    `suffix` is the file extension it writes (`-o debate.md`); `more_suffixes` are other
    extensions that name it; `aliases` are other names `--format` takes (`md`);
    `accepts` are extensions that name another format but that this one may write to
    when asked by name (`--format aif -o graph.json`).
    """

    name: str
    module: str
    suffix: str
    description: str
    binary: bool = False
    function: str = "export"
    aliases: tuple[str, ...] = ()
    more_suffixes: tuple[str, ...] = ()
    accepts: tuple[str, ...] = ()

    @property
    def suffixes(self) -> tuple[str, ...]:
        """Every extension that names this format, its own first."""
        return (self.suffix, *self.more_suffixes)

    def load(self) -> Exporter:
        exporter: Exporter = getattr(importlib.import_module(self.module), self.function)
        return exporter


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", "agidebate.export.to_json", ".json", "the machine-readable contract"),
        Format(
            "markdown",
            "agidebate.export.to_markdown",
            ".md",
            "a readable document",
            aliases=("md",),
            more_suffixes=(".markdown",),
        ),
        Format(
            "argdown",
            "agidebate.export.to_argdown",
            ".argdown",
            "an Argdown argument map",
            aliases=("ad",),
            more_suffixes=(".ad",),
        ),
        Format(
            "dot", "agidebate.export.to_dot", ".dot", "a Graphviz graph", more_suffixes=(".gv",)
        ),
        Format(
            "svg",
            "agidebate.export.to_dot",
            ".svg",
            "the map as SVG (needs Graphviz)",
            False,
            "export_svg",
        ),
        Format(
            "png",
            "agidebate.export.to_dot",
            ".png",
            "the map as PNG (needs Graphviz)",
            True,
            "export_png",
        ),
        Format(
            "mermaid",
            "agidebate.export.to_mermaid",
            ".mmd",
            "a Mermaid flowchart",
            aliases=("mmd",),
            more_suffixes=(".mermaid",),
        ),
        Format(
            "graphml", "agidebate.export.to_graphml", ".graphml", "GraphML for yEd, Gephi, networkx"
        ),
        Format("kialo", "agidebate.export.to_kialo", ".txt", "Kialo's plain-text export"),
        Format(
            "aif",
            "agidebate.export.to_aif",
            ".aif.json",
            "Argument Interchange Format (AIFdb JSON)",
            accepts=(".json",),
        ),
        Format(
            "html",
            "agidebate.export.to_html",
            ".html",
            "an interactive map in one offline page",
            more_suffixes=(".htm",),
        ),
    )
}
DEFAULT_FORMAT = "json"


def available_formats() -> list[str]:
    """The names of every registered format."""
    return list(FORMATS)


def get_format(name: str) -> Format:
    """The format called `name` (any case) or by one of its aliases; a usage error naming
    the closest names otherwise."""
    wanted = name.strip().lower()
    for spec in FORMATS.values():
        if wanted == spec.name or wanted in spec.aliases:
            return spec
    from agidebate.suggest import unknown_choice

    aliases = {alias: spec.name for spec in FORMATS.values() for alias in spec.aliases}
    raise unknown_choice("export format", name, FORMATS, aliases)


def format_for_path(path: str) -> Format | None:
    """The format a file name's extension names (the longest one that matches: `.aif.json`
    before `.json`), in any case; None for an extension no format has."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
    found = [
        (len(suffix), spec)
        for spec in FORMATS.values()
        for suffix in spec.suffixes
        if name.endswith(suffix) and len(name) > len(suffix)
    ]
    return max(found, key=lambda item: item[0])[1] if found else None


def resolve_format(name: str | None, output: str | None) -> Format:
    """The format to write: `--format NAME`, else the one `-o FILE`'s extension names, else
    JSON on stdout. A name that contradicts the extension is a usage error, and so is a
    file whose extension names no format when no name is given."""
    from agidebate.errors import UsageError

    path = output if output not in (None, "", "-") else None
    by_path = format_for_path(path) if path is not None else None
    if name is None:
        if path is None:
            return FORMATS[DEFAULT_FORMAT]
        if by_path is None:
            raise UsageError(
                _("cannot tell the format from the file name -o {path}", path=path),
                _(
                    "give --format NAME (one of: {names}), or a file name ending in {suffixes}",
                    names=", ".join(FORMATS),
                    suffixes=", ".join(spec.suffix for spec in FORMATS.values()),
                ),
            )
        return by_path
    chosen = get_format(name)
    if by_path is None or by_path is chosen or _accepts(chosen, path or ""):
        return chosen
    raise UsageError(
        _(
            "--format {name} does not match -o {path}, whose extension names {other}",
            name=name,
            path=path,
            other=by_path.name,
        ),
        _(
            "leave out --format (the extension chooses {other}), or write to {better}",
            other=by_path.name,
            better=_renamed(path or "", by_path, chosen),
        ),
    )


def _accepts(spec: Format, path: str) -> bool:
    return any(path.lower().endswith(suffix) for suffix in spec.accepts)


def _renamed(path: str, current: Format, wanted: Format) -> str:
    """`map.html` -> `map.md`: the file name with `wanted`'s extension for `current`'s."""
    lowered = path.lower()
    for suffix in sorted(current.suffixes, key=len, reverse=True):
        if lowered.endswith(suffix):
            return path[: len(path) - len(suffix)] + wanted.suffix
    return path + wanted.suffix


def export(debate: Debate, fmt: str, options: ExportOptions | None = None) -> str | bytes:
    """Render `debate` in format `fmt`."""
    return get_format(fmt).load()(debate, options or ExportOptions())
