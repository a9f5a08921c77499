"""Rebuild ``src/newsfigs/data/names/well_known_people.tsv`` from what is on this machine.

``python -m tools.well_known_people`` re-reads the curated rows of the file (the choice of
people is made by hand: a person the news names by one word without a title), checks each name
against kiwipiepy and the package's word lists, replaces a full name by ``multi.dict``'s
canonical spelling when that file lists it as a person (``# Q5``), and writes the table back,
sorted, with its header. A name that fails a check is dropped and printed: a name that is also
a common word needs a cue, and only the other rules may read it.

``--candidates N`` prints the N most frequent last words of ``multi.dict``'s people that pass
the same checks, for a reviewer to choose from (nothing is added without a reviewer).
No internet: kiwipiepy, its model and the package's data are all local.
"""

from __future__ import annotations

import argparse
import unicodedata
from collections import Counter
from pathlib import Path

from kiwipiepy import Kiwi

from newsfigs.names.gazetteer import _multi_dict_path, name_tables, parse_multi_dict

TABLE = Path(__file__).resolve().parents[1] / "src/newsfigs/data/names/well_known_people.tsv"
HEADER = """\
# name alone	full name	group
# Well-known people the news names by one word without a title or role (heads of state and
# government, party leaders, CEOs, historical figures, athletes, entertainers). Source: chosen
# by hand; full names as Korean news spells them, or kiwipiepy_model multi.dict's canonical
# spelling of a `# Q5` (human) entry when it has one. Rebuilt and checked by
# `python -m tools.well_known_people`; a name that is also a common word, a place, an
# organization, a title or one syllable is not listed (it needs a cue, see docs/entities.md).
"""
_NOUN_TAGS = frozenset({"NNG", "NNB", "VV", "VA", "MAG", "NP"})


def common_reading(kiwi: Kiwi, name: str) -> str | None:
    """Why ``name`` cannot stand alone as a person, or None when it can."""
    lex = name_tables()
    if len(name) < 2:
        return "one syllable"
    if not all("가" <= ch <= "힣" for ch in name):
        return "not Hangul"
    for table, why in (
        (lex.places, "place"),
        (lex.organizations, "organization"),
        (lex.titles, "title"),
        (lex.cues_before, "cue word"),
        (lex.cues_after, "cue word"),
    ):
        if name in table:
            return why
    for suffix in ("", "가", "를"):  # kiwipiepy's best reading, alone and before particles
        for tokens, _score in kiwi.analyze(name + suffix, top_n=1):
            head = tokens[0]
            if head.form == name and head.tag in _NOUN_TAGS:
                return f"kiwipiepy reads it as {head.tag}"
    first = kiwi.tokenize(name + "는")[0]
    if first.form != name or first.tag != "NNP":
        return f"kiwipiepy cuts it ({first.form}/{first.tag})"
    return None


def _people_in_multi_dict() -> dict[str, str]:
    """Every person surface of ``multi.dict`` → its canonical surface."""
    path = _multi_dict_path()
    if path is None:
        return {}
    names = parse_multi_dict(path.read_text(encoding="utf-8"))
    return {s: k[2] for s, k in names.items() if k[0] == "person"}


def rebuild(path: Path = TABLE) -> list[str]:
    """Check and rewrite the table; return the dropped rows with the reason."""
    kiwi = Kiwi()
    people = _people_in_multi_dict()
    rows: dict[str, tuple[str, str]] = {}
    dropped: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, full, group = (unicodedata.normalize("NFC", x.strip()) for x in line.split("\t"))
        why = common_reading(kiwi, name)
        if why is not None:
            dropped.append(f"{name}: {why}")
            continue
        rows[name] = (people.get(full, full), group)
    body = "".join(f"{n}\t{f}\t{g}\n" for n, (f, g) in sorted(rows.items()))
    path.write_text(HEADER + body, encoding="utf-8")
    return dropped


def candidates(n: int) -> list[tuple[str, int]]:
    """The last words most shared by ``multi.dict``'s people that pass the checks."""
    kiwi = Kiwi()
    counts = Counter(s.rsplit(" ", 1)[-1] for s in _people_in_multi_dict() if " " in s)
    out: list[tuple[str, int]] = []
    for word, count in counts.most_common():
        if common_reading(kiwi, word) is None:
            out.append((word, count))
            if len(out) >= n:
                break
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=0, help="list N names to review")
    args = parser.parse_args()
    if args.candidates:
        for word, count in candidates(args.candidates):
            print(f"{word}\t{count}")
        return
    for row in rebuild():
        print("dropped", row)


if __name__ == "__main__":
    main()
