"""The caller's own names: organizations with a category and aliases, people with a title.

``Extractor(organizations=..., people=...)`` takes plain names (``"한빛전자"``) or the result
models themselves as entries (``Organization(name="한빛전자", category="company",
aliases=["한빛"])``, ``Person(name="정예린", title="대표")``). Every name and alias is taught to
the analyzer; after linking, the entities a document names by one entry's name or aliases
become one entity under the entry's name, and the entry's category or title fills in what the
text does not say (a title written in the article wins: it is the newer fact).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from newsfigs.models import Document, Organization, Person

Entity = TypeVar("Entity", Person, Organization)


def _name(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    raise TypeError(f"newsfigs expects text as str, got {type(value).__name__}")


def entries(values: object, model: type[Entity], what: str) -> tuple[Entity, ...]:
    """The entries of ``organizations=`` or ``people=``: names become bare models, de-duplicated.

    A single ``str`` is a TypeError: iterating it would teach each character as a name.
    """
    if isinstance(values, (str, bytes)):
        raise TypeError(
            f"{what} expects a list of names, got a single {type(values).__name__}: "
            f"write {what}=[{values!r}]"
        )
    if isinstance(values, (Person, Organization)):
        raise TypeError(f"{what} expects a list of entries, got one {type(values).__name__}")
    if not isinstance(values, Iterable):
        raise TypeError(f"{what} expects a list of names, got {type(values).__name__}")
    found: dict[str, Entity] = {}
    for v in values:
        if isinstance(v, (Person, Organization)):
            if not isinstance(v, model):
                raise TypeError(f"{what} expects {model.__name__} entries, got {type(v).__name__}")
            entry = v.model_copy(update={"name": _name(v.name)})
        else:
            entry = model(name=_name(v))
        if entry.name and entry.name not in found:
            found[entry.name] = entry
    return tuple(found.values())


def words(items: Sequence[Person] | Sequence[Organization]) -> list[str]:
    """Every name and alias of the entries, for the analyzer."""
    out: dict[str, None] = {}
    for e in items:
        for w in (e.name, *e.aliases):
            if w.strip():
                out[w.strip()] = None
    return list(out)


def _is_rich(e: Person | Organization) -> bool:
    if e.aliases:
        return True
    return (e.category if isinstance(e, Organization) else e.title) is not None


def _merge(found: list[Any], entries_: Sequence[Person | Organization]) -> list[Any]:
    """``found`` with the entities naming one entry merged into one, in first-mention order."""
    rich = [e for e in entries_ if _is_rich(e)]
    if not rich:
        return found
    index: dict[str, Person | Organization] = {}
    for r in rich:
        for w in (r.name, *r.aliases):
            index.setdefault(w, r)
    groups: dict[str, list[Any]] = {}
    order: list[tuple[str, Any]] = []
    for found_one in found:
        names = (found_one.name, *found_one.aliases)
        hit = next((index[n] for n in names if n in index), None)
        if hit is None:
            order.append(("", found_one))
            continue
        if hit.name not in groups:
            order.append((hit.name, None))
            groups[hit.name] = []
        groups[hit.name].append(found_one)
    out: list[Any] = []
    for key, plain in order:
        if plain is not None:
            out.append(plain)
            continue
        entry = index[key]
        members = groups[key]
        mentions = {(m.start, m.end): m for e in members for m in e.mentions}
        written = [n for e in members for n in (e.name, *e.aliases)]
        aliases = list(dict.fromkeys(n for n in written if n != entry.name))
        update: dict[str, object] = {
            "name": entry.name,
            "aliases": aliases,
            "mentions": [mentions[k] for k in sorted(mentions)],
        }
        first = members[0]
        if isinstance(first, Organization) and isinstance(entry, Organization):
            update["category"] = entry.category or first.category
        elif isinstance(first, Person) and isinstance(entry, Person):
            update["title"] = first.title or entry.title
        out.append(first.model_copy(update=update))
    return out


def apply(
    doc: Document, people: Sequence[Person], organizations: Sequence[Organization]
) -> Document:
    """``doc`` with the caller's entries applied (itself when no entry has more than a name)."""
    new_people = _merge(list(doc.people), people)
    new_orgs = _merge(list(doc.organizations), organizations)
    if new_people == doc.people and new_orgs == doc.organizations:
        return doc
    return doc.model_copy(update={"people": new_people, "organizations": new_orgs})
