"""What a plain YAML scalar means, and when YAML 1.1 would change what was written.

agidebate keeps every text exactly as written. PyYAML (like most YAML 1.1
tools) would not: it reads an unquoted `no` as the boolean false, `12:30` as
the number 750 and `2024-01-01` as a date. Where that would change a value, the
loader reports it and asks for quotes, so the file means the same thing in
every tool.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

_RESOLVERS: dict[Any, list[tuple[str, re.Pattern[str]]]] = dict(
    yaml.resolver.Resolver.yaml_implicit_resolvers
)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
# A number as JSON and YAML 1.2 write it: no leading zeros, optional exponent.
_NUMBER = re.compile(
    r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?"
)
_TAG = "tag:yaml.org,2002:"


def yaml11_tag(text: str) -> str:
    """The type PyYAML resolves a plain scalar to: `str`, `int`, `float`, `bool`, ..."""
    for tag, pattern in _RESOLVERS.get(text[:1], ()):
        if pattern.match(text):
            return tag.removeprefix(_TAG)
    return "str"


def yaml11_value(text: str, kind: str) -> Any:
    node = yaml.ScalarNode(_TAG + kind, text)
    constructor = {
        "int": _CONSTRUCTOR.construct_yaml_int,
        "float": _CONSTRUCTOR.construct_yaml_float,
        "bool": _CONSTRUCTOR.construct_yaml_bool,
        "timestamp": _CONSTRUCTOR.construct_yaml_timestamp,
    }.get(kind)
    return constructor(node) if constructor else None


def text_surprise(text: str, kind: str | None = None) -> str | None:
    """Why YAML 1.1 would not read this plain scalar as the text written, or None.

    >>> text_surprise("no")
    'YAML 1.1 reads an unquoted no as the boolean false'
    >>> text_surprise("2024") is None
    True
    >>> text_surprise("010")
    'YAML 1.1 reads an unquoted 010 as the number 8'
    """
    kind = kind or yaml11_tag(text)
    if kind in ("str", "value", "merge", "yaml", "null"):
        return None
    try:
        value = yaml11_value(text, kind)
    except (ValueError, TypeError, OverflowError, yaml.YAMLError):
        return None
    if kind == "bool":
        return f"YAML 1.1 reads an unquoted {text} as the boolean {str(value).lower()}"
    if kind == "timestamp":
        return f"YAML 1.1 reads an unquoted {text} as a date"
    if kind == "int" and str(value) != text.lstrip("+"):
        return f"YAML 1.1 reads an unquoted {text} as the number {value}"
    if kind == "float" and str(value) != text.lstrip("+"):
        return f"YAML 1.1 reads an unquoted {text} as the number {value}"
    return None


def is_null(text: str) -> bool:
    """True for the plain scalars YAML reads as nothing: empty, `~`, `null`."""
    return yaml11_tag(text) == "null"


def parse_number(text: str) -> int | float | None:
    """A plain scalar written as an ordinary number, else None.

    Accepts what JSON and YAML 1.2 call a number, so `1e35` is a number here
    even though PyYAML leaves it a string.

    >>> parse_number("1e35")
    1e+35
    >>> parse_number("0.5"), parse_number("12"), parse_number("010"), parse_number("yes")
    (0.5, 12, None, None)
    """
    if not _NUMBER.fullmatch(text):
        return None
    if re.fullmatch(r"[-+]?[0-9]+", text):
        return int(text)
    value = float(text)
    return value if math.isfinite(value) else None


def number_surprise(text: str) -> str | None:
    """Why a plain scalar that YAML 1.1 reads as a number is not an ordinary one."""
    kind = yaml11_tag(text)
    if kind not in ("int", "float"):
        return None
    try:
        value = yaml11_value(text, kind)
    except (ValueError, TypeError, OverflowError, yaml.YAMLError):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return f"{text} is not a finite number"
    return f"YAML 1.1 reads {text} as {value}, other tools read it differently"
