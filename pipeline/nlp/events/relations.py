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

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy import parts_of_speech
from spacy.attrs import DEP, LEMMA, POS
from spacy.matcher import DependencyMatcher
from spacy.tokens import Token
from spacy.vocab import Vocab

from pipeline.nlp.base import Children

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

    def __call__(self, triggers: list[Token], children: Children) -> list[tuple[str, list[Token]]]:
        """(slot name, the matched tokens in pattern order) for every match rooted at one of the triggers."""
        if not triggers:
            return []
        tree = _Tree(children)
        found = []
        for trigger in triggers:
            for name, nodes in self.patterns:
                if nodes[0].accepts(tree.words[trigger.i]):
                    found += [(name, [tree.doc[i] for i in match]) for match in tree.extend([trigger.i], nodes)]
        return found


class _Tree:
    """A Doc's words as attribute ids and its parse as child lists, read from its arrays once.

    `>>` (descendant) is answered from a depth-first numbering of the tree: a word's descendants are the words
    numbered right after it, as many as its subtree holds, so the words a node accepts are found by bisect in
    their numbers instead of by walking the subtree of each trigger (a chain of clauses joined by "and" made
    that quadratic in the length of the sentence)."""

    def __init__(self, children: Children) -> None:
        self.doc = children.doc
        self.words = [tuple(row) for row in self.doc.to_array(list(ATTRIBUTES)).astype("uint64").tolist()]
        self.children = children.lists
        self._roots = children.roots
        self._numbered: tuple[list[int], list[int], list[int]] | None = None
        self._accepted: dict[Node, list[int]] = {}

    def _numbering(self) -> tuple[list[int], list[int], list[int]]:
        """(words in depth-first order, children left to right; each word's number; each subtree's size)."""
        if self._numbered is None:
            order: list[int] = []
            stack = self._roots[::-1]
            while stack:
                word = stack.pop()
                order.append(word)
                stack += self.children[word][::-1]
            number = [0] * len(order)
            for k, word in enumerate(order):
                number[word] = k
            size = [1] * len(order)
            for word in reversed(order):
                for child in self.children[word]:
                    size[word] += size[child]
            self._numbered = order, number, size
        return self._numbered

    def below(self, i: int, node: Node) -> list[int]:
        """The descendants of word `i` that `node` accepts, depth first (each child, then what hangs from it)."""
        order, number, size = self._numbering()
        accepted = self._accepted.get(node)
        if accepted is None:
            accepted = self._accepted[node] = [k for k, word in enumerate(order) if node.accepts(self.words[word])]
        first, last = number[i] + 1, number[i] + size[i]
        return [order[k] for k in accepted[bisect_left(accepted, first):bisect_left(accepted, last)]]

    def extend(self, matched: list[int], nodes: tuple[Node, ...]) -> Iterator[list[int]]:
        if len(matched) == len(nodes):
            yield matched
            return
        node = nodes[len(matched)]
        parent = matched[node.parent]
        if node.operator == ">":
            candidates = [i for i in self.children[parent] if node.accepts(self.words[i])]
        else:
            candidates = self.below(parent, node)
        for i in candidates:
            if i not in matched:
                yield from self.extend([*matched, i], nodes)
