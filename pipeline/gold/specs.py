"""Gold from a readable spec: facts written as strings and values, located in the article text.

People write a spec rather than offsets (`articles/gold/GUIDELINES.md`);
`build_gold` finds each string in the article as `factwire extract` reads it,
checks the offsets, and returns the gold record; `build_gold_file` builds a
spec file and names the file and line of any error. `factwire gold build` runs it.

A spec line (JSON):

    {"file": "wikinews/2004-11-17_ID947.txt", "index": 1,
     "organizations": {"Kmart": ["Kmart Corp.", "Kmart"]},
     "money": [["US$11 billion", "11000000000", "USD"]],
     "counts": [["3,500 retail stores", 3500, "store", "retail stores", "nearly"]],
     "dates": [["Wednesday", "2004-11-17", "day"]]}

A spec may carry its article inline instead of a file: `{"id": ..., "text": ...}`,
and `"events"`: each a type, a trigger ("buy", or ["reported", 2] for its
second whole-word occurrence), a status and roles whose fillers name the
line's own facts (an organization by its canonical name, a money / count /
date entry by its text, `[role, text, n]` for its n-th listing; `metric` takes
its value), turned into the record's refs (`articles/gold/GUIDELINES.md`).

Organization mention strings are found everywhere they occur as whole words
(longer strings claim their text first), or only at chosen occurrences when
written as `{"text": "Tata", "occurrences": [1, 3]}` (1-based, counting the
occurrences not claimed by longer forms); nothing is found in the dateline; the other facts are found in order,
the k-th listing of the same text taking its k-th whole-word occurrence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pipeline.gold.format import GoldError
from pipeline.inputs.files import UnreadableFile
from pipeline.inputs.formats import read_articles
from pipeline.inputs.segment import Header, describe_header
from pipeline.normalize.dates import granularity_of
from pipeline.records import (
                              EVENT_ROLES,
                              METRICS,
                              ROLE_LISTS,
                              Article,
                              Count,
                              DateFact,
                              Event,
                              EventRole,
                              Mention,
                              Money,
                              Organization,
)


def _whole_word_matches(text: str, needle: str, skip: tuple[tuple[int, int], ...] = ()) -> Iterator[int]:
    """Starts of `needle` where it is not part of a longer word or number, outside `skip` ranges."""
    for match in re.finditer(re.escape(needle), text):
        start, end = match.start(), match.end()
        before = text[start - 2:start].rjust(2)
        after = text[end:end + 2].ljust(2)
        glued_before = before[1].isalnum() or (before[1] in ".," and before[0].isdigit())
        glued_after = after[0].isalnum() or (after[0] in ".," and after[1].isdigit())
        if not glued_before and not glued_after and not any(s <= start < e for s, e in skip):
            yield start


def build_gold(spec: dict[str, Any], root: str | Path) -> Article:
    """Locate a spec's facts in its article (file under `root`) and return the validated gold Article."""
    index = spec.get("index", 1)
    relative, text, header, where = _spec_article(spec, root)
    skip = header.metadata_ranges

    def locate(needle: str, seen: dict[str, int]) -> Mention:
        found = list(_whole_word_matches(text, needle, skip))
        nth = seen.get(needle, 0)
        if nth >= len(found):
            raise GoldError(f"{where}: {needle!r} occurs {len(found)} time(s), listed {nth + 1}")
        seen[needle] = nth + 1
        return Mention(text=needle, start=found[nth], end=found[nth] + len(needle))

    organizations = sorted(_organizations(spec.get("organizations", {}), text, skip, where),
                           key=lambda o: o.mentions[0].start)
    seen: dict[str, int] = {}
    money = [Money(**locate(m[0], seen).model_dump(), amount=m[1], currency=m[2],
                   qualifier=m[3] if len(m) > 3 else None) for m in spec.get("money", [])]
    counts = [Count(**locate(c[0], seen).model_dump(), value=c[1], item=c[2],
                    item_text=c[3] if len(c) > 3 else None, qualifier=c[4] if len(c) > 4 else None)
              for c in spec.get("counts", [])]
    dates = [DateFact(**locate(d[0], seen).model_dump(), value=d[1],
                      granularity=d[2] if len(d) > 2 else granularity_of(d[1])) for d in spec.get("dates", [])]
    facts = SpecFacts(where, text, skip, [o.name for o in organizations], {"money": money, "counts": counts, "dates": dates})
    events = [spec_event(event, number, facts) for number, event in enumerate(spec.get("events", []), start=1)]
    return Article(
        id=where, path=relative, index=index, title=header.title, source=header.source, published=header.published,
        text=text, organizations=organizations, money=sorted(money, key=lambda m: m.start),
        counts=sorted(counts, key=lambda c: c.start), dates=sorted(dates, key=lambda d: d.start), events=events,
    )


@dataclass(frozen=True)
class SpecFacts:
    """What a spec line's events name: the article text and the facts built from the line, in the spec's order."""

    where: str
    text: str
    skip: tuple[tuple[int, int], ...]
    organizations: list[str]  # canonical names in the record's order
    listed: dict[str, list[Money | Count | DateFact]]  # "money", "counts", "dates": as the spec lists them

    def ref(self, role: str, filler: list) -> str:
        """The ref of a role's filler: `organizations/i` by canonical name, else the n-th listing of a fact's text."""
        kind = ROLE_LISTS.get(role, "organizations")
        if kind == "organizations":
            if filler[0] not in self.organizations:
                raise GoldError(f"no organization {filler[0]!r} in the spec (known: {', '.join(self.organizations)})")
            return f"organizations/{self.organizations.index(filler[0])}"
        nth = filler[1] if len(filler) > 1 else 1
        same = [fact for fact in self.listed[kind] if fact.text == filler[0]]
        if len(same) < nth:
            raise GoldError(f"{kind} {filler[0]!r} is listed {len(same)} time(s), role {role} asks for listing {nth}")
        in_order = sorted(self.listed[kind], key=lambda f: f.start)
        return f"{kind}/{next(i for i, f in enumerate(in_order) if f is same[nth - 1])}"

    def trigger(self, written: str | list) -> Mention:
        """The trigger's n-th whole-word occurrence (the first when written as a plain string)."""
        needle, nth = (written, 1) if isinstance(written, str) else (written[0], written[1])
        found = list(_whole_word_matches(self.text, needle, self.skip))
        if len(found) < nth:
            raise GoldError(f"trigger {needle!r} occurs {len(found)} time(s), occurrence {nth} asked for")
        return Mention(text=needle, start=found[nth - 1], end=found[nth - 1] + len(needle))


def spec_event(spec: dict[str, Any], number: int, facts: SpecFacts) -> Event:
    """One event of a spec line, its roles turned into refs to the line's facts; GoldError saying which event."""
    kind = spec.get("type")
    try:
        if kind not in EVENT_ROLES:
            raise GoldError(f"unknown type {kind!r} (known: {', '.join(EVENT_ROLES)})")
        roles = []
        for role, *filler in spec.get("roles", []):
            if role not in EVENT_ROLES[kind]:
                raise GoldError(f"{kind} has no role {role!r} (its roles: {', '.join(EVENT_ROLES[kind])})")
            if role == "metric":
                if filler[0] not in METRICS:
                    raise GoldError(f"unknown metric {filler[0]!r} (known: {', '.join(METRICS)})")
                roles.append(EventRole(role=role, value=filler[0]))
            else:
                roles.append(EventRole(role=role, ref=facts.ref(role, filler)))
        return Event(type=kind, trigger=facts.trigger(spec["trigger"]), status=spec.get("status"), roles=roles)
    except (GoldError, ValidationError, KeyError, IndexError, TypeError) as err:
        raise GoldError(f"{facts.where}: event {number} ({kind}, trigger {spec.get('trigger')!r}): {err}") from err


def _spec_article(spec: dict[str, Any], root: str | Path) -> tuple[str | None, str, Header, str]:
    """(file relative to `root` or None, text, header as `factwire extract` reads them, id) of a spec line's article."""
    if "text" in spec:  # a paragraph given inline: the whole string is the article
        return None, spec["text"], describe_header(spec["text"]), spec["id"]
    relative, index = spec["file"], spec.get("index", 1)
    path = confined(Path(root), relative)
    try:  # read as `factwire extract` reads it, whatever the format
        article = next(a for a in read_articles(path, relative).articles if a.index == index)
    except (UnreadableFile, StopIteration) as err:
        raise GoldError(f"{relative}: no article {index} ({err})") from err
    return relative, article.text, article.header, article.id


def confined(root: Path, relative: Any) -> Path:
    """`root / relative`, refused (GoldError) when it leads out of `root`: a spec names files in its own tree,
    never "../../../etc/passwd" or "/etc/passwd" (links are resolved first)."""
    if not isinstance(relative, str) or not relative:
        raise GoldError(f"'file' must name a file under {root}, got {relative!r}")
    path = root / relative
    base = root.resolve()
    if path.resolve() != base and base not in path.resolve().parents:
        raise GoldError(f"{relative}: outside {root}; a spec reads only files under its root (--root)")
    return path


def _organizations(written: dict[str, list], text: str, skip: tuple[tuple[int, int], ...],
                   where: str) -> list[Organization]:
    """Each organization of a spec with its mentions found in the text, longer forms claiming their text first."""
    claimed: list[tuple[int, int]] = []
    mentions: dict[str, list[Mention]] = {name: [] for name in written}
    forms = [_org_form(form, name) for name, forms in written.items() for form in forms]
    for string, occurrences, name in sorted(forms, key=lambda f: -len(f[0])):
        free = [start for start in _whole_word_matches(text, string, skip)
                if not any(s < start + len(string) and start < e for s, e in claimed)]
        for number, start in enumerate(free, start=1):
            if occurrences is None or number in occurrences:
                claimed.append((start, start + len(string)))
                mentions[name].append(Mention(text=string, start=start, end=start + len(string)))
    for name, found in mentions.items():
        if not found:
            raise GoldError(f"{where}: no mention of organization {name!r} found")
    return [Organization(name=n, mentions=sorted(m, key=lambda x: x.start)) for n, m in mentions.items()]


def _org_form(form: str | dict, name: str) -> tuple[str, set[int] | None, str]:
    """(text, chosen occurrences or None for all, organization name) of one spec form."""
    if isinstance(form, str):
        return form, None, name
    return form["text"], set(form["occurrences"]), name


def build_gold_file(spec_path: str | Path, root: str | Path, out: str | Path, split: str | None = None) -> int:
    """Build the spec lines of `spec_path` (those of `split`, if given) into gold records in `out`; returns the count."""
    articles = []
    with open(spec_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    spec = json.loads(line)
                    if split is not None and spec.get("split") != split:
                        continue
                    articles.append(build_gold(spec, root))
                except (GoldError, ValidationError, KeyError, IndexError, json.JSONDecodeError) as err:
                    raise GoldError(f"{spec_path}:{number}: {err}") from err
    Path(out).write_text("".join(a.model_dump_json() + "\n" for a in articles), encoding="utf-8")
    return len(articles)
