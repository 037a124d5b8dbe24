"""The model's dataclasses as plain JSON data and back, by field name, for the parse cache.

Generic: each dataclass is stored by its fields' names, enums by their values, a
`Location` as `[line, column]` (its path is the file's, given back when decoding),
tuples and lists as lists, mappings as objects. A `list` of dataclasses (a parsed
file's claims, relations, problems: they are many) is stored as columns, one list
per field, which is compact and fast to read back; a `tuple` of them (a claim's
sources, quotes) as a list of objects. How to
decode each field is worked out once per class from its type annotations, so a
field added to the model needs no code here; and an entry whose fields differ from
the model's (written by another version) fails to decode, and is rebuilt.

>>> from agidebate.model import Claim, Quote
>>> data = encode([Claim("a", "A", quotes=(Quote("q", 1),))])
>>> data["id"], data["quotes"]
(['a'], [[{'text': 'q', 'source': 1, 'at': None}]])
>>> decode(list[Claim], data, "t.yaml")[0].quotes
(Quote(text='q', source=1, at=None),)
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

from agidebate.errors import Location

Decoder = Callable[[Any, str], Any]


def encode(value: Any) -> Any:
    """`value` as JSON data: dataclasses by field name, lists of dataclasses as columns."""
    if value is None or isinstance(value, str | int | float):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, Location):
        return [value.line, value.column]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {_key(k): encode(v) for k, v in value.items()}
    if isinstance(value, list) and value and dataclasses.is_dataclass(value[0]):
        return _columns(value)
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    raise TypeError(f"cannot store {type(value).__name__} in the cache")


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    raise TypeError(f"cannot store a mapping keyed by {type(key).__name__} in the cache")


def _columns(rows: list[Any]) -> dict[str, list[Any]]:
    names = [f.name for f in dataclasses.fields(rows[0])]
    return {name: [encode(getattr(row, name)) for row in rows] for name in names}


def decode(kind: Any, data: Any, path: str) -> Any:
    """Data written by `encode` back into `kind`; `path` is given to every `Location`.

    Raises (KeyError, TypeError, ValueError) on data that does not fit `kind`.
    """
    return _decoder(kind)(data, path)


@functools.cache
def _decoder(kind: Any) -> Decoder:
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        return _optional(args)
    if kind is Location:
        return lambda data, path: Location(path, int(data[0]), int(data[1]))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return lambda data, _: kind(data)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _record(kind)
    if origin is list and isinstance(args[0], type) and dataclasses.is_dataclass(args[0]):
        return _rows(args[0])
    if origin in (list, tuple):
        item = _decoder(args[0])
        return lambda data, path: origin(item(x, path) for x in _list(data))
    if origin in (dict, Mapping):
        value = _decoder(args[1])
        return lambda data, path: {str(k): value(v, path) for k, v in _dict(data).items()}
    if kind in (str, int, float, bool):
        return _primitive(kind)
    if kind is Any:
        return lambda data, _: data
    raise TypeError(f"the cache cannot read {kind!r}")


def _primitive(kind: type) -> Decoder:
    allowed: tuple[type, ...] = (int, float) if kind is float else (kind,)

    def check(data: Any, _: str) -> Any:
        if not isinstance(data, allowed) or (kind is not bool and isinstance(data, bool)):
            raise TypeError(f"expected {kind.__name__}, found {type(data).__name__}")
        return data

    return check


def _optional(members: tuple[Any, ...]) -> Decoder:
    """A union: None, or the first member that accepts the data."""
    decoders = [_decoder(m) for m in members if m is not type(None)]
    nullable = type(None) in members

    def read(data: Any, path: str) -> Any:
        if data is None and nullable:
            return None
        for decoder in decoders:
            try:
                return decoder(data, path)
            except (KeyError, TypeError, ValueError, IndexError):
                continue
        raise TypeError(f"no member of {members} accepts {data!r}")

    return read


def _fields(kind: type) -> dict[str, Decoder]:
    hints = typing.get_type_hints(kind)
    return {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(kind)}


def _record(kind: type) -> Decoder:
    fields = _fields(kind)

    def read(data: Any, path: str) -> Any:
        if _dict(data).keys() != fields.keys():
            raise KeyError(f"{kind.__name__} fields {sorted(data)}")
        return kind(**{name: read_(data[name], path) for name, read_ in fields.items()})

    return read


def _rows(kind: type) -> Decoder:
    """A list of `kind` stored as columns (an empty list as `[]`)."""
    fields = _fields(kind)
    names = list(fields)
    readers = list(fields.values())

    def read(data: Any, path: str) -> Any:
        if data == []:
            return []
        if _dict(data).keys() != fields.keys():
            raise KeyError(f"{kind.__name__} columns {sorted(data)}")
        columns = [
            [r(v, path) for v in _list(data[n])] for n, r in zip(names, readers, strict=True)
        ]
        rows = zip(*columns, strict=True)
        return [kind(**dict(zip(names, row, strict=True))) for row in rows]

    return read


def _list(data: Any) -> list[Any]:
    if not isinstance(data, list):
        raise TypeError(f"expected a list, found {type(data).__name__}")
    return data


def _dict(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise TypeError(f"expected an object, found {type(data).__name__}")
    return data
