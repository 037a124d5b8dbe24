"""Dataclasses to plain tuples and back, by their fields, checking every value on the way back.

The parse cache stores what the loader made of each file as plain data (tuples,
lists, dicts, strings, numbers) that `marshal` writes and reads quickly and
safely (it never builds objects of our classes, let alone runs code). This module
converts, generically: a dataclass is the tuple of its fields in order, an enum
its value, a list of dataclasses a tuple of columns (one list per field, fast to
check and to build from), and tuples, lists and mappings of these as the same.
So a field added to the model needs no code here; `schema()` names every field,
and a cache written for other fields is not read.

Reading back trusts nothing: each value is checked against its field's declared
type (`str`, `int | None`, `tuple[Source, ...]`, `Relation`, ...), and anything
else (a wrong type, a missing or extra field, an unknown enum value) raises
`ValueError`, so a damaged or foreign entry is rebuilt instead of used.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

Decoder = Callable[[Any], Any]
Encoder = Callable[[Any], Any]


class Unreadable(ValueError):
    """A cached value does not fit the type it is read back as."""


def encode(tp: Any, value: Any) -> Any:
    """`value`, of type `tp`, as plain data."""
    return _encoder(tp)(value)


def decode(tp: Any, data: Any) -> Any:
    """Plain data back as a value of type `tp`; `Unreadable` when it does not fit."""
    try:
        return _decoder(tp)(data)
    except Unreadable:
        raise
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as error:
        raise Unreadable(str(error)) from None


def schema(*roots: type) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every dataclass reachable from `roots` with its field names: part of a cache's key."""
    found: dict[str, tuple[str, ...]] = {}
    todo: list[Any] = list(roots)
    while todo:
        tp = todo.pop()
        if dataclasses.is_dataclass(tp) and isinstance(tp, type):
            name = f"{tp.__module__}.{tp.__qualname__}"
            if name in found:
                continue
            hints = _hints(tp)
            found[name] = tuple(f.name for f in dataclasses.fields(tp))
            todo.extend(hints[f.name] for f in dataclasses.fields(tp))
        elif isinstance(tp, type) and issubclass(tp, enum.Enum):
            found[f"{tp.__module__}.{tp.__qualname__}"] = tuple(str(m.value) for m in tp)
        else:
            todo.extend(typing.get_args(tp))
    return tuple(sorted(found.items()))


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = _hints(cls)
    fields = dataclasses.fields(cls)
    if not all(f.init for f in fields):
        raise TypeError(f"{cls.__name__}: every field must be an __init__ argument")
    return tuple((f.name, hints[f.name]) for f in fields)


def _members(tp: Any) -> tuple[Any, ...] | None:
    """The members of a union type (`A | B`, `Optional[A]`), or None."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        return typing.get_args(tp)
    return None


def _is_dataclass(tp: Any) -> bool:
    return isinstance(tp, type) and dataclasses.is_dataclass(tp)


def _dataclass_list(tp: Any) -> Any | None:
    """D for `list[D]` with D a dataclass (stored as columns), else None."""
    if typing.get_origin(tp) is list:
        (item,) = typing.get_args(tp)
        if _is_dataclass(item):
            return item
    return None


_PLAIN: dict[Any, tuple[type, ...]] = {
    str: (str,),
    int: (int,),
    float: (float, int),
    bool: (bool,),
    type(None): (type(None),),
    None: (type(None),),
}


# -- encoding ------------------------------------------------------------------------


def _identity(value: Any) -> Any:
    return value


@functools.cache
def _encoder(tp: Any) -> Encoder:
    if tp in _PLAIN or tp is Any:
        return _identity
    members = _members(tp)
    if members is not None:
        return _union_encoder(members)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum_value
    if _is_dataclass(tp):
        return _row_encoder(tp)
    item = _dataclass_list(tp)
    if item is not None:
        return functools.partial(_columns, item)
    return _container_encoder(tp)


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _union_encoder(members: tuple[Any, ...]) -> Encoder:
    complex_members = [m for m in members if m not in _PLAIN]
    if not complex_members:
        return _identity
    if len(complex_members) > 1:
        raise TypeError(f"cannot store a union of {complex_members}")
    inner = _encoder(complex_members[0])
    return lambda value: None if value is None else inner(value)


def _row_encoder(cls: type) -> Encoder:
    fields = [(name, _encoder(tp)) for name, tp in _fields(cls)]

    def row(value: Any) -> tuple[Any, ...]:
        return tuple([enc(getattr(value, name)) for name, enc in fields])

    return row


def _columns(cls: type, values: list[Any]) -> tuple[int, tuple[list[Any], ...]]:
    """A list of dataclasses as its length and one list per field."""
    columns = []
    for name, tp in _fields(cls):
        enc = _encoder(tp)
        column = [getattr(v, name) for v in values]
        columns.append(column if enc is _identity else [enc(x) for x in column])
    return len(values), tuple(columns)


def _container_encoder(tp: Any) -> Encoder:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        inner = _encoder(args[0])
        return lambda value: tuple([inner(x) for x in value])
    if origin is list:
        inner = _encoder(args[0])
        return lambda value: [inner(x) for x in value]
    if origin in (dict, Mapping):
        key, inner = _encoder(args[0]), _encoder(args[1])
        return lambda value: {key(k): inner(v) for k, v in value.items()}
    raise TypeError(f"cannot store values of type {tp!r}")


# -- decoding ------------------------------------------------------------------------


class _Plain:
    """Checks a plain value's exact type (so `True` is not an `int`)."""

    __slots__ = ("types",)

    def __init__(self, types: tuple[type, ...]) -> None:
        self.types = frozenset(types)

    def __call__(self, value: Any) -> Any:
        if type(value) not in self.types:
            raise Unreadable(f"{type(value).__name__} where {self.names()} is expected")
        return value

    def column(self, values: Any) -> Any:
        if not set(map(type, values)) <= self.types:
            raise Unreadable(f"a value that is not {self.names()}")
        return values

    def names(self) -> str:
        return " or ".join(sorted(t.__name__ for t in self.types))


@functools.cache
def _decoder(tp: Any) -> Decoder:
    if tp in _PLAIN:
        return _Plain(_PLAIN[tp])
    members = _members(tp)
    if members is not None:
        return _union_decoder(members)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        by_value = {m.value: m for m in tp}
        return lambda value: by_value[value]
    if _is_dataclass(tp):
        return _row_decoder(tp)
    item = _dataclass_list(tp)
    if item is not None:
        return functools.partial(_rows, item)
    return _container_decoder(tp)


def _union_decoder(members: tuple[Any, ...]) -> Decoder:
    plain = [t for m in members if m in _PLAIN for t in _PLAIN[m]]
    complex_members = [m for m in members if m not in _PLAIN]
    if not complex_members:
        return _Plain(tuple(plain))
    if plain == [type(None)] and len(complex_members) == 1 and _is_dataclass(complex_members[0]):
        return _Rows(complex_members[0], optional=True)
    inner = _decoder(complex_members[0])
    allowed = frozenset(plain)

    def union(value: Any) -> Any:
        return value if type(value) in allowed else inner(value)

    return union


def _row_decoder(cls: type) -> Decoder:
    return _Rows(cls)


class _Rows:
    """Reads a dataclass stored as the row of its fields (or None, when `optional`)."""

    __slots__ = ("cls", "count", "decoders", "kinds")

    def __init__(self, cls: type, optional: bool = False) -> None:
        self.cls = cls
        self.decoders = [_decoder(tp) for _, tp in _fields(cls)]
        self.count = len(self.decoders)
        self.kinds = frozenset({tuple, type(None)} if optional else {tuple})

    def __call__(self, value: Any) -> Any:
        if value is None and type(None) in self.kinds:
            return None
        if type(value) is not tuple or len(value) != self.count:
            raise Unreadable(f"{self.cls.__name__}: not a row of {self.count} fields")
        return self.cls(*[dec(x) for dec, x in zip(self.decoders, value, strict=True)])

    def column(self, values: Any) -> list[Any]:
        """Many rows at once: each field checked as a column, then one call per row."""
        kinds = set(map(type, values))
        if not kinds <= self.kinds:
            raise Unreadable(f"{self.cls.__name__}: not a row")
        rows = [v for v in values if v is not None] if type(None) in kinds else values
        built: list[Any] = []
        if rows:
            if set(map(len, rows)) != {self.count}:
                raise Unreadable(f"{self.cls.__name__}: not a row of {self.count} fields")
            columns = zip(*rows, strict=True)
            fields = [_column(dec, col) for dec, col in zip(self.decoders, columns, strict=True)]
            built = list(map(self.cls, *fields))
        if len(built) == len(values):
            return built
        it = iter(built)
        return [None if v is None else next(it) for v in values]


def _column(decoder: Decoder, values: Any) -> Any:
    """A whole column read by `decoder`: at once where it can, else value by value."""
    column = getattr(decoder, "column", None)
    return column(values) if column is not None else list(map(decoder, values))


def _rows(cls: type, data: Any) -> list[Any]:
    """The list of dataclasses stored as columns by `_columns`."""
    fields = _fields(cls)
    length, columns = data
    if type(length) is not int or type(columns) is not tuple or len(columns) != len(fields):
        raise Unreadable(f"{cls.__name__}: not {len(fields)} columns")
    checked = []
    for (_, tp), column in zip(fields, columns, strict=True):
        if type(column) is not list or len(column) != length:
            raise Unreadable(f"{cls.__name__}: a column of the wrong length")
        checked.append(_column(_decoder(tp), column))
    return list(map(cls, *checked)) if checked else [cls() for _ in range(length)]


def _container_decoder(tp: Any) -> Decoder:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _sequence_decoder(tuple, args[0])
    if origin is list:
        return _sequence_decoder(list, args[0])
    if origin in (dict, Mapping):
        key, inner = _decoder(args[0]), _decoder(args[1])

        def mapping(value: Any) -> dict[Any, Any]:
            if type(value) is not dict:
                raise Unreadable("not a mapping")
            return {key(k): inner(v) for k, v in value.items()}

        return mapping
    raise TypeError(f"cannot read values of type {tp!r}")


def _sequence_decoder(kind: type, item: Any) -> Decoder:
    inner = _decoder(item)
    plain = inner if isinstance(inner, _Plain) else None

    def sequence(value: Any) -> Any:
        if type(value) is not kind:
            raise Unreadable(f"not a {kind.__name__}")
        values: Any = value
        if not values:
            return values
        if plain is not None:
            return plain.column(values)
        items = [inner(x) for x in values]
        return tuple(items) if kind is tuple else items

    return sequence
