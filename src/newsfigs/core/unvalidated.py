"""Result models built without validating them again (``trusted``).

The pipeline's values are right by construction; validation of every ``Figure``,
``Document`` and ``DateInfo`` was a measurable share of the Python time. ``trusted`` builds the
very instance validation would give; a caller's ``Figure(...)`` is validated as before. In
``core`` so that the dimensions (the date rules build ``DateInfo``) may use it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar, cast

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from newsfigs.models import DateInfo, Document, Figure

_set = object.__setattr__


Model = TypeVar("Model", bound=BaseModel)


class _Recipe(NamedTuple):
    """What ``trusted`` needs of a model class: its fields in order with their defaults."""

    defaults: dict[str, Any]
    """Every field in declaration order (pydantic serializes in ``__dict__`` order)."""
    required: frozenset[str]
    factories: tuple[tuple[str, Callable[[], Any]], ...]


def _recipe(cls: type[BaseModel]) -> _Recipe:
    fields = cls.model_fields
    factories: list[tuple[str, Callable[[], Any]]] = []
    for name, f in fields.items():
        if f.default_factory is not None:
            if f.default_factory_takes_validated_data:
                raise TypeError(f"{cls.__name__}.{name}: a factory of the data is not supported")
            factories.append((name, cast("Callable[[], Any]", f.default_factory)))
    required = frozenset(name for name, f in fields.items() if f.is_required())
    return _Recipe({name: f.default for name, f in fields.items()}, required, tuple(factories))


_RECIPES: dict[type[BaseModel], _Recipe] = {
    cls: _recipe(cls) for cls in (Figure, Document, DateInfo)
}
"""The models the pipeline builds with ``trusted`` (fixed at import: no cache to fill)."""


def trusted(cls: type[Model], values: dict[str, Any]) -> Model:
    """``cls(**values)`` without validating again what newsfigs' own pipeline built.

    The pipeline's values are right by construction (candidates are typed, spans come from the
    text), and validating ~15,000 models per 3,000 sentences cost a quarter of the stage after
    the recognizers. The instance is the one validation would give: every field in declaration
    order, defaults filled in, ``model_fields_set`` the names given. A caller building a model
    by hand goes through ``cls(...)`` and is validated as before.
    """
    recipe = _RECIPES[cls]
    if not recipe.required <= values.keys() <= recipe.defaults.keys():  # a misspelt field
        wrong = (recipe.required - values.keys()) | (values.keys() - recipe.defaults.keys())
        raise TypeError(f"{cls.__name__}: missing or unknown fields {sorted(wrong)}")
    data = recipe.defaults.copy()
    data.update(values)
    for name, factory in recipe.factories:
        if data[name] is PydanticUndefined:
            data[name] = factory()
    m = cls.__new__(cls)
    _set(m, "__dict__", data)
    _set(m, "__pydantic_fields_set__", set(values))
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m
