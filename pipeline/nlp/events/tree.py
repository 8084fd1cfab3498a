"""Where words stand in a parse: the phrases, clauses and headline shapes the slot rules read.

Functions of the dependency tree alone (no lexicon), shared by the slot finder
(`slots.py`), the frame builder and the status reader.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from pipeline.nlp.base import Children

PHRASE_DEPS = frozenset({"amod", "npadvmod", "appos", "compound", "nummod", "quantmod", "nmod", "advmod", "conj"})
PHRASE_LABELS = PHRASE_DEPS | {"prep", "agent"}  # "a bid by X": the parse may make "by" an agent of a noun
CLIMB_MOST = 12  # words climbed through control and coordination, as the status chain (a chain of clauses joined
# by "and" is as long as its sentence)


def phrase_preps(noun: Token, children: Children, most: int = 3) -> list[tuple[str, Token]]:
    """(preposition, its object) inside a noun phrase, however deep the parse hangs them: "an order worth Rs 480
    crore *from* Tata Motors", "30 trains *from* Spanish maker X", "a takeover of X *by* Y"."""
    found, todo = [], [(noun, 0)]
    while todo:
        token, depth = todo.pop()
        for child in children(token, PHRASE_LABELS):
            if child.dep_ in ("prep", "agent") and depth < most:
                for pobj in children(child, ("pobj",)):
                    found.append((child.lower_, pobj))
                    todo.append((pobj, depth + 1))
            elif child.dep_ in PHRASE_DEPS:
                todo.append((child, depth))
    return found


def object_control(verb: Token) -> Token | None:
    """"has selected builder Mota-Engil to lay a line": the parse may make the chosen one the subject of a "to"
    clause (ccomp) rather than the verb's object; that clause, read as the verb's object and its purpose."""
    if verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
                 and any(a.tag_ == "TO" and a.dep_ == "aux" for a in c.children)
                 and any(n.dep_ == "nsubj" and n.i > verb.i for n in c.children)), None)


def verb_of_object(noun: Token) -> Token | None:
    """The verb whose object the noun is, directly or after a preposition ("sold its unit", "spend $1 billion on a
    plant"), or None."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    return verb if noun.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX") else None


def surface_object(verb: Token) -> Token | None:
    """The last noun of the words after a verb, up to the line's end, a punctuation mark or another verb."""
    last = None
    for token in verb.doc[verb.i + 1:verb.i + 8]:
        if "\n" in token.text or token.pos_ in ("VERB", "AUX", "PUNCT") and token.text not in ("-", "’s", "'s"):
            break
        if token.pos_ in ("NOUN", "PROPN"):
            last = token
    return last


def same_line(a: Token, b: Token) -> bool:
    """Whether no line break separates two words: a parse that crosses one joined a headline to its body."""
    low, high = sorted((a.i, b.i))
    return not any("\n" in t.text for t in a.doc[low:high])


def names_before(verb: Token) -> list[Token]:
    """The names coordinated just before a verb ("Louis Vuitton and Alibaba are"), one word of each."""
    doc, found, i = verb.doc, [], verb.i - 1
    while i >= 0 and not doc[i + 1].is_sent_start and (doc[i].ent_type_ == "ORG" or doc[i].lower_ in ("and", ",", "&")):
        if doc[i].ent_type_ == "ORG" and doc[i].ent_iob_ == "B":
            found.append(doc[i])
        i -= 1
    return found[::-1]


def in_phrases(verb: Token, children: Children) -> list[Token]:
    """The nouns of a verb's "in" phrases: "is *in talks* with X to buy"."""
    return [g for c in children(verb, ("prep",)) if c.lower_ == "in" for g in children(c, ("pobj",))]


def relative_clause(trigger: Token) -> Token | None:
    """The relative clause verb the trigger is (or hangs from by control): "which Kmart agreed to buy"."""
    current, steps = trigger, 0
    while current.dep_ in ("xcomp", "conj") and current.head != current and steps < CLIMB_MOST:
        current, steps = current.head, steps + 1
    return current if current.dep_ == "relcl" else None


def own_light_verb(noun: Token, children: Children, lemma: Callable[[Token], str],
                   light_verbs: frozenset[str]) -> Token | None:
    """"under an order it placed in 2021": a light verb in the noun's own relative clause, taking no object of its
    own (the noun is it), says who made the deal and when, whatever the sentence around it does."""
    return next((c for c in children(noun, ("relcl",)) if lemma(c) in light_verbs and c.pos_ == "VERB"
                 and not children(c, ("dobj",)) and children(c, ("nsubj",))), None)


def antecedent(wh: Token) -> Token:
    """The noun a relative pronoun stands for: the head of its relative clause."""
    current = wh
    while current.dep_ != "relcl" and current.head != current:
        current = current.head
    return current.head if current.dep_ == "relcl" else wh


def ancestors(token: Token, most: int) -> list[Token]:
    found, current = [], token
    while current.head != current and len(found) < most:
        current = current.head
        found.append(current)
    return found


def headline_subject(verb: Token) -> list[Token]:
    """"AT&T to buy BellSouth", "Adobe to Purchase Macromedia": a headline's infinitive, which the parse hangs on
    the name before it or hangs that name on it loosely; the name is the subject."""
    name = verb.head
    if verb.tag_ == "VBG" and verb.dep_ == "acl":  # "Tarvik Steel to shut Welsh mill, cutting 600 jobs": the
        shared = next((s for c in name.children if c.i < verb.i for s in [headline_subject(c)] if s), None)
        if shared:  # participle shares the infinitive's subject
            return shared
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    if verb.dep_ in ("acl", "relcl", "advcl") and name.dep_ in ("ROOT", "dep") and name.pos_ in ("PROPN", "NOUN") \
            and name.i < verb.i:
        return [name, *(c for c in name.children if c.dep_ == "conj")]
    if verb.dep_ == "ROOT":
        return [c for c in verb.lefts if c.dep_ in ("dep", "npadvmod", "advmod") and c.pos_ in ("PROPN", "NOUN")][-1:]
    return []
