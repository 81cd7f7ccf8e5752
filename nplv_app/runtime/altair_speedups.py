"""Two speed-ups that reach under Altair's private names, kept in this one file.

They replace Altair's ``SchemaBase.from_dict`` path (one schema-to-class table per set of
classes instead of one per call) and ``schemapi._deep_copy`` (no constructor calls on copy):
together charts build 35-45 % faster in the chart worker (docs/PERFORMANCE.md). Private names
change without notice, so ``install`` patches only the exact Altair version this code was read
against (``PINNED``); on any other version it leaves Altair alone and charts are built by
Altair's own code. ``tests/app/test_offload.py`` checks that every page's charts are the same
both ways, and that another version falls back.
"""

from __future__ import annotations

import altair as alt
from altair.utils import schemapi

PINNED = "6.3.0"  # the Altair version whose private code these functions were checked against

ALTAIR_FROM_DICT = schemapi.SchemaBase.__dict__["from_dict"]  # Altair's own, kept for the tests
ALTAIR_DEEP_COPY = getattr(schemapi._deep_copy, "__nplv_altair__", schemapi._deep_copy)


def install(version: str | None = None) -> bool:
    """Patch Altair when it is exactly ``PINNED`` (``version`` overrides ``alt.__version__``,
    for the tests); whether the patches are in place afterwards."""
    if (version or alt.__version__) != PINNED:
        return is_installed()
    _share_altair_converter()
    schemapi._deep_copy = _deep_copy  # SchemaBase.copy(deep=True) looks it up on every call
    return True


def is_installed() -> bool:
    return schemapi._deep_copy is _deep_copy


def _share_altair_converter() -> None:
    """Let Altair build its schema-to-class table once per set of classes, not on every
    ``from_dict``.

    Why: Altair (6.3) turns each channel given as shorthand or condition into an object with
    ``SchemaBase.from_dict``, which first hashes the JSON schema of all ~570 schema classes
    into a fresh lookup table: a third of the time of building a chart. The table depends only
    on the classes (and their order), so it is kept per tuple of classes. The output is the
    same (``tests/app/test_offload.py`` compares every page's charts with Altair's own).
    """
    if getattr(schemapi.SchemaBase.from_dict, "__nplv_shared__", False):
        return
    converters: dict[tuple, schemapi._FromDict] = {}

    def from_dict(cls, dct, validate=True):
        if validate:
            cls.validate(dct)
        # the same classes in the same order as Altair would use now (importing a module can
        # add classes): then the same table
        classes = tuple(cls._default_wrapper_classes())
        converter = converters.get(classes)
        if converter is None:
            converter = converters[classes] = schemapi._FromDict(classes)
        return converter.from_dict(dct, cls)

    from_dict.__nplv_shared__ = True
    schemapi.SchemaBase.from_dict = classmethod(from_dict)


def _deep_copy(obj, by_ref: set[str]):
    """Altair's ``_deep_copy`` without calling each schema object's constructor again.

    Why: Altair (6.3) deep-copies a schema object by calling its class with copied arguments.
    For a layered chart that constructor combines the layers' data and parameters anew, which
    copies every layer once more: deep copies were half the time of building a chart (the
    budget-lines chart 0.75 s). All of a schema object's state is its ``_args`` and ``_kwds``
    (its ``__setattr__`` writes to ``_kwds``), so a copy of those is the same object; a class
    with its own ``__deepcopy__`` keeps Altair's way. Measured per chart: 17-33 % less time,
    the budget-lines chart 0.75 s -> 0.31 s; the output is the same (``tests/app/test_offload.py``
    compares every page's charts with Altair's own).
    """
    if isinstance(obj, schemapi.SchemaBase):
        if getattr(obj, "__deepcopy__", None) is not None:
            return ALTAIR_DEEP_COPY(obj, by_ref)
        copy = object.__new__(type(obj))
        object.__setattr__(copy, "_args", tuple(_deep_copy(a, by_ref) for a in obj._args))
        object.__setattr__(copy, "_kwds", {k: (v if k in by_ref else _deep_copy(v, by_ref))
                                           for k, v in obj._kwds.items()})
        return copy
    if isinstance(obj, list):
        return [_deep_copy(v, by_ref) for v in obj]
    if isinstance(obj, dict):
        return {k: (v if k in by_ref else _deep_copy(v, by_ref)) for k, v in obj.items()}
    return obj


_deep_copy.__nplv_altair__ = ALTAIR_DEEP_COPY
