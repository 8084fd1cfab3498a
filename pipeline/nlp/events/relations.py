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
triggers. It knows the operators the patterns use, `>` (child) and `>>`
(descendant), and the token attributes DEP, POS and LEMMA (a string or
`{"IN": [...]}`); anything else is refused at load.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.matcher import DependencyMatcher
from spacy.tokens import Token
from spacy.vocab import Vocab

OPERATORS = frozenset({">", ">>"})
ATTRIBUTES = {"DEP": lambda t: t.dep_, "POS": lambda t: t.pos_, "LEMMA": lambda t: t.lemma_}


@dataclass(frozen=True)
class Node:
    """One node of a pattern: the node it hangs from (its index), how, and what its token must be."""

    parent: int
    operator: str
    attributes: tuple[tuple[str, frozenset[str]], ...]

    def accepts(self, token: Token) -> bool:
        return all(ATTRIBUTES[name](token) in allowed for name, allowed in self.attributes)


def _attributes(spec: dict) -> tuple[tuple[str, frozenset[str]], ...]:
    unknown = set(spec) - set(ATTRIBUTES)
    if unknown:
        raise ValueError(f"events.json: slot pattern attributes {unknown} are not supported ({', '.join(ATTRIBUTES)})")
    return tuple((name, frozenset(value["IN"] if isinstance(value, dict) else [value])) for name, value in spec.items())


def _compile(name: str, pattern: list[dict]) -> tuple[Node, ...]:
    ids = [node["RIGHT_ID"] for node in pattern]
    nodes = [Node(-1, "", _attributes(pattern[0].get("RIGHT_ATTRS", {})))]
    for node in pattern[1:]:
        if node["REL_OP"] not in OPERATORS or ids.index(node["LEFT_ID"]) >= len(nodes):
            raise ValueError(f"events.json: slot {name}: operator {node['REL_OP']} or node order not supported")
        nodes.append(Node(ids.index(node["LEFT_ID"]), node["REL_OP"], _attributes(node.get("RIGHT_ATTRS", {}))))
    return tuple(nodes)


class SlotPatterns:
    """Named DependencyMatcher patterns, matched from given trigger tokens (see the module docstring)."""

    def __init__(self, vocab: Vocab, slots: Iterable[tuple[str, list[dict]]]) -> None:
        checker = DependencyMatcher(vocab, validate=True)
        self.patterns = []
        for name, pattern in slots:
            checker.add(name, [pattern])  # spaCy's own check of the pattern
            self.patterns.append((name, _compile(name, pattern)))

    def __call__(self, triggers: Iterable[Token]) -> list[tuple[str, list[Token]]]:
        """(slot name, the matched tokens in pattern order) for every match rooted at one of the triggers."""
        found = []
        for trigger in triggers:
            for name, nodes in self.patterns:
                if nodes[0].accepts(trigger):
                    found += [(name, match) for match in _extend([trigger], nodes)]
        return found


def _extend(matched: list[Token], nodes: tuple[Node, ...]) -> Iterator[list[Token]]:
    if len(matched) == len(nodes):
        yield matched
        return
    node = nodes[len(matched)]
    parent = matched[node.parent]
    candidates = parent.children if node.operator == ">" else parent.subtree
    for token in candidates:
        if token != parent and token not in matched and node.accepts(token):
            yield from _extend([*matched, token], nodes)
