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
    """A registered export format."""

    name: str
    module: str
    suffix: str
    description: str
    binary: bool = False
    function: str = "export"

    def load(self) -> Exporter:
        exporter: Exporter = getattr(importlib.import_module(self.module), self.function)
        return exporter


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", "agidebate.export.to_json", ".json", "the machine-readable contract"),
        Format("markdown", "agidebate.export.to_markdown", ".md", "a readable document"),
        Format("argdown", "agidebate.export.to_argdown", ".argdown", "an Argdown argument map"),
        Format("dot", "agidebate.export.to_dot", ".dot", "a Graphviz graph"),
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
        Format("mermaid", "agidebate.export.to_mermaid", ".mmd", "a Mermaid flowchart"),
        Format(
            "graphml", "agidebate.export.to_graphml", ".graphml", "GraphML for yEd, Gephi, networkx"
        ),
        Format("kialo", "agidebate.export.to_kialo", ".txt", "Kialo's plain-text export"),
        Format(
            "aif", "agidebate.export.to_aif", ".json", "Argument Interchange Format (AIFdb JSON)"
        ),
        Format(
            "html", "agidebate.export.to_html", ".html", "an interactive map in one offline page"
        ),
    )
}


def available_formats() -> list[str]:
    """The names of every registered format."""
    return list(FORMATS)


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        from agidebate.suggest import unknown_choice

        raise unknown_choice("export format", name, FORMATS) from None


def export(debate: Debate, fmt: str, options: ExportOptions | None = None) -> str | bytes:
    """Render `debate` in format `fmt`."""
    return get_format(fmt).load()(debate, options or ExportOptions())
