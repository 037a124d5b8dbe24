"""agidebate: map a pro/con debate as a graph of claims and rebuttals.

The library is the product; the `agidebate` command is a thin layer over it.

>>> from agidebate import load_debate, bundled_debate_dir
>>> debate = load_debate(bundled_debate_dir())   # doctest: +SKIP
>>> debate.claims["dw-01"].title                 # doctest: +SKIP

Names are imported lazily, so `import agidebate` stays cheap for the command line.
The export function is `export_debate` (`agidebate.export` is the subpackage of
export formats).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from agidebate._version import __version__

_EXPORTS = {
    "load_debate": "agidebate.format.load",
    "check_debate": "agidebate.format.load",
    "find_debate_dir": "agidebate.format.load",
    "bundled_debate_dir": "agidebate.format.load",
    "CheckReport": "agidebate.format.load",
    "Debate": "agidebate.model",
    "Claim": "agidebate.model",
    "Edge": "agidebate.model",
    "Relation": "agidebate.model",
    "Side": "agidebate.model",
    "Source": "agidebate.model",
    "Figure": "agidebate.model",
    "Topic": "agidebate.model",
    "ClaimKind": "agidebate.model",
    "Quote": "agidebate.model",
    "Perspective": "agidebate.model",
    "Expect": "agidebate.model",
    "Range": "agidebate.model",
    "BottomLine": "agidebate.model",
    "Author": "agidebate.model",
    "to_networkx": "agidebate.graph",
    "export_debate": "agidebate.export:export",
    "score": "agidebate.scoring",
    "ScoreResult": "agidebate.scoring",
    "available_formats": "agidebate.export",
    "ExportOptions": "agidebate.export",
    "json_schema": "agidebate.format.jsonschema",
    "perspective_schema": "agidebate.format.jsonschema",
    "AgidebateError": "agidebate.errors",
    "DebateError": "agidebate.errors",
    "UsageError": "agidebate.errors",
    "RequestRefused": "agidebate.errors",
    "OperationError": "agidebate.errors",
    "Problem": "agidebate.errors",
    "Location": "agidebate.errors",
    "Severity": "agidebate.errors",
}

__all__ = [
    "AgidebateError",
    "Author",
    "BottomLine",
    "CheckReport",
    "Claim",
    "ClaimKind",
    "Debate",
    "DebateError",
    "Edge",
    "Expect",
    "ExportOptions",
    "Figure",
    "Location",
    "OperationError",
    "Perspective",
    "Problem",
    "Quote",
    "Range",
    "Relation",
    "RequestRefused",
    "ScoreResult",
    "Severity",
    "Side",
    "Source",
    "Topic",
    "UsageError",
    "__version__",
    "available_formats",
    "bundled_debate_dir",
    "check_debate",
    "export_debate",
    "find_debate_dir",
    "json_schema",
    "load_debate",
    "perspective_schema",
    "score",
    "to_networkx",
]


def __getattr__(name: str) -> Any:
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'agidebate' has no attribute {name!r}")
    module, _, attribute = target.partition(":")
    value = getattr(importlib.import_module(module), attribute or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from agidebate.errors import (
        AgidebateError,
        DebateError,
        Location,
        OperationError,
        Problem,
        RequestRefused,
        Severity,
        UsageError,
    )
    from agidebate.export import ExportOptions, available_formats
    from agidebate.export import export as export_debate
    from agidebate.format.jsonschema import json_schema, perspective_schema
    from agidebate.format.load import (
        CheckReport,
        bundled_debate_dir,
        check_debate,
        find_debate_dir,
        load_debate,
    )
    from agidebate.graph import to_networkx
    from agidebate.model import (
        Author,
        BottomLine,
        Claim,
        ClaimKind,
        Debate,
        Edge,
        Expect,
        Figure,
        Perspective,
        Quote,
        Range,
        Relation,
        Side,
        Source,
        Topic,
    )
    from agidebate.scoring import ScoreResult, score
