"""The slot patterns of `events.json`: spaCy DependencyMatcher patterns, matched from each trigger only.

The patterns are written in spaCy's `DependencyMatcher` format and checked by
it when the lexicon is loaded, so a malformed one fails there. spaCy's
matcher, though, looks at every token of every Doc: each node of each
pattern ("a child whose DEP is pobj") is matched over the whole text before
the trees are put together, which cost more than all the other event rules
together (about half of the events component's time on the Wikinews
articles, see README "Events"). A slot always hangs from its trigger, so
`SlotPatterns` walks the same patterns down from each trigger: the same
matches (tested against spaCy's matcher), for the few words around the
triggers, on the Doc's arrays (a Token is made for the matched words only).
It knows the operators the patterns use, `>` (child) and `>>` (descendant),
and the token attributes DEP, POS and LEMMA (a string or `{"IN": [...]}`);
anything else is refused at load.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy import parts_of_speech
from spacy.attrs import DEP, HEAD, LEMMA, POS
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

OPERATORS = frozenset({">", ">>"})
ATTRIBUTES = (DEP, POS, LEMMA)
NAMES = {"DEP": DEP, "POS": POS, "LEMMA": LEMMA}


@dataclass(frozen=True)
class Node:
    """One node of a pattern: the node it hangs from (its index), how, and the attribute ids its word must have."""

    parent: int
    operator: str
    attributes: tuple[tuple[int, frozenset[int]], ...]  # (column of `ATTRIBUTES`, allowed string ids)

    def accepts(self, word: tuple[int, ...]) -> bool:
        for column, allowed in self.attributes:  # a loop, not all(...): asked ~500 times per Doc
            if word[column] not in allowed:
                return False
        return True


def _attributes(vocab: Vocab, spec: dict) -> tuple[tuple[int, frozenset[int]], ...]:
    unknown = set(spec) - set(NAMES)
    if unknown:
        raise ValueError(f"events.json: slot pattern attributes {unknown} are not supported ({', '.join(NAMES)})")
    def as_id(name: str, value: str) -> int:  # POS is a symbol in the arrays, DEP and LEMMA string hashes
        return parts_of_speech.IDS[value] if name == "POS" else vocab.strings.add(value)
    return tuple((ATTRIBUTES.index(NAMES[name]),
                  frozenset(as_id(name, v) for v in (value["IN"] if isinstance(value, dict) else [value])))
                 for name, value in spec.items())


def _compile(vocab: Vocab, name: str, pattern: list[dict]) -> tuple[Node, ...]:
    ids = [node["RIGHT_ID"] for node in pattern]
    nodes = [Node(-1, "", _attributes(vocab, pattern[0].get("RIGHT_ATTRS", {})))]
    for node in pattern[1:]:
        if node["REL_OP"] not in OPERATORS or ids.index(node["LEFT_ID"]) >= len(nodes):
            raise ValueError(f"events.json: slot {name}: operator {node['REL_OP']} or node order not supported")
        nodes.append(Node(ids.index(node["LEFT_ID"]), node["REL_OP"], _attributes(vocab, node.get("RIGHT_ATTRS", {}))))
    return tuple(nodes)


class SlotPatterns:
    """Named DependencyMatcher patterns, matched from given trigger tokens (see the module docstring)."""

    def __init__(self, vocab: Vocab, slots: Iterable[tuple[str, list[dict]]]) -> None:
        checker = DependencyMatcher(vocab, validate=True)
        self.patterns = []
        for name, pattern in slots:
            checker.add(name, [pattern])  # spaCy's own check of the pattern
            self.patterns.append((name, _compile(vocab, name, pattern)))

    def __call__(self, triggers: list[Token]) -> list[tuple[str, list[Token]]]:
        """(slot name, the matched tokens in pattern order) for every match rooted at one of the triggers."""
        if not triggers:
            return []
        tree = _Tree(triggers[0].doc)
        found = []
        for trigger in triggers:
            for name, nodes in self.patterns:
                if nodes[0].accepts(tree.words[trigger.i]):
                    found += [(name, [tree.doc[i] for i in match]) for match in tree.extend([trigger.i], nodes)]
        return found


class _Tree:
    """A Doc's words as attribute ids and its parse as child lists, read from its arrays once."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        rows = doc.to_array([HEAD, *ATTRIBUTES]).astype("uint64").tolist()
        self.words = [tuple(row[1:]) for row in rows]
        self.children: list[list[int]] = [[] for _ in rows]
        self._below: dict[int, list[int]] = {}
        for i, row in enumerate(rows):
            head = i + _signed(row[0])
            if head != i:
                self.children[head].append(i)

    def below(self, i: int) -> list[int]:
        """The descendants of a word, depth first (each child, then what hangs from it), listed once per word:
        several patterns and triggers ask for the same subtree."""
        found = self._below.get(i)
        if found is None:
            found = self._below[i] = []
            stack = self.children[i][::-1]
            while stack:
                child = stack.pop()
                found.append(child)
                stack += self.children[child][::-1]
        return found

    def extend(self, matched: list[int], nodes: tuple[Node, ...]) -> Iterator[list[int]]:
        if len(matched) == len(nodes):
            yield matched
            return
        node = nodes[len(matched)]
        parent = matched[node.parent]
        for i in self.children[parent] if node.operator == ">" else self.below(parent):
            if i not in matched and node.accepts(self.words[i]):
                yield from self.extend([*matched, i], nodes)


def _signed(value: int) -> int:
    """A HEAD offset read back as a signed number (the arrays hold it as uint64)."""
    return value - (1 << 64) if value >= 1 << 63 else value
