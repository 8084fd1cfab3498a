"""What a name does in a business sentence: a name acting as only companies act is a company.

"Quillon has secured $40 million", "agreed to buy Marlowe Supermarkets",
"Sutter Grain posted revenue": the parse tells a name's place (subject,
object, after "in" of "invested in"), and some places only companies fill,
whatever the model called the name (a person, a product, nothing).
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP
from spacy.tokens import Doc, Span, Token

from pipeline.nlp.organizations.vocabulary import OrgVocabulary
from pipeline.normalize.places import country_of, is_place

ARGUMENT_LABELS = {None, "PERSON", "PRODUCT", "NORP"}  # model labels an unknown word acting as a company may have


def business_arguments(doc: Doc, ents: list[Span], vocab: OrgVocabulary, surnames: set[str]) -> list[Span]:
    """"Quillon has secured $40 million", "Orvane agreed to acquire X", "invested $20 million in Quillon", "a
    joint venture with Ordana", "Vantor said it would": a single capitalized word that is no English word, no
    place and no part of a person's name, as an argument of a business verb or noun (`business_arguments`) or the
    subject of "said" with "it would" / "its" in the clause said, is a company (the tagger often reads such a word
    at a sentence start as a common noun, or the model as a person)."""
    if not vocab.english.words:
        return []
    labels = {i: e.label_ for e in ents for i in range(e.start, e.end)}
    strings = doc.vocab.strings
    found = []
    deps = doc.to_array(DEP)
    for i in numpy.flatnonzero(numpy.isin(deps, [strings[d] for d in ("nsubj", "nsubjpass", "pobj")])).tolist():
        token = doc[i]
        label = labels.get(i)
        if not (token.is_alpha and len(token) > 2 and token.text[0].isupper() and not token.is_upper) \
                or token.is_stop or token.pos_ not in ("PROPN", "NOUN") or label not in ARGUMENT_LABELS \
                or any(c.dep_ == "nummod" for c in token.children):
            continue  # "the purchase of 22 Dreamliners": counted goods
        if any(_compounded(c, token) for c in token.children):  # not a descriptor: "ride-hailing app Zuma"
            name = _unlabelled_name(token, labels)
            if name is not None and _business_argument(token, vocab) and not is_place(name.text) \
                    and not any(t.text in surnames or t.lower_ in vocab.title_words or t.text in vocab.office_titles
                                for t in name):
                found.append(Span(doc, name.start, name.end, label="ORG"))
            continue
        if vocab.is_english(token.text) or token.text in surnames or token.text in vocab.not_orgs \
                or is_place(token.text):
            continue
        # a word the model called a person is a company only by what the text says of it ("said it would")
        if _business_argument(token, vocab) and label != "PERSON" or token.dep_ == "nsubj" and _said_it(token.head):
            found.append(Span(doc, i, i + 1, label="ORG"))
    return found


def _unlabelled_name(head: Token, labels: dict[int, str]) -> Span | None:
    """"Sutter Grain posted revenue": capitalized proper nouns compounded into the word, none of them labelled by
    the model (a person's name it would have called one), as one name."""
    start = head.i
    while start > 0 and _compounded(head.doc[start - 1], head):
        start -= 1
    name = head.doc[start:head.i + 1]
    if start == head.i or any(labels.get(k) is not None for k in range(start, head.i + 1)) \
            or head.pos_ != "PROPN" or not _whole(name):
        return None
    return name


def _whole(name: Span) -> bool:
    """Whether the words are the whole name: none of the name's own words or figures right before them ("Cold"
    of "Cold Stone Creamery", "Little" of "Little Caesars Pizza", "360" of "Calibre 360 LS", "Segway" of "Segway
    PT")."""
    before = name.doc[name.start - 1] if name.start > 0 else None
    if before is None or before.is_lower or before.is_punct and before.text not in ("'s", "’s"):
        return True
    if before.text in ("'s", "’s") and name.start >= 2 and country_of(name.doc[name.start - 2].text) is not None:
        return True  # "Korea's Hanmir Engineering": the country's, no word of the name
    if before.like_num or before.text in ("'s", "’s") or name.start <= before.head.i < name.end and \
            before.dep_ in ("compound", "amod", "nmod"):
        return False
    return before.is_sent_start and before.pos_ != "PROPN"  # "The" opening the sentence


def _compounded(token: Token, head: Token) -> bool:
    """A capitalized proper noun compounded into the head word."""
    return token.dep_ == "compound" and token.head == head and token.pos_ == "PROPN" and token.is_alpha \
        and token.text[0].isupper() and not token.is_stop


def _business_argument(token: Token, vocab: OrgVocabulary) -> bool:
    """Whether the word's governor, for its place, is one `business_arguments` names ("in" after "invested")."""
    if token.dep_ == "pobj":
        preposition = token.head
        return preposition.lower_ in vocab.business_arguments and \
            preposition.head.lower_ in vocab.business_arguments[preposition.lower_]
    return token.head.lower_ in vocab.business_arguments.get(token.dep_, ())


def _said_it(verb: Token) -> bool:
    """"X said it would ...", "X said its revenue rose": a speaker the clause calls "it" is no person (not "it
    was a good year", where "it" stands for nothing, nor a quote before "said X", whose "it" is anything)."""
    if verb.lower_ not in ("said", "says"):
        return False
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):  # not a quote before it
        for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
            acting = subject.lower_ == "it" and clause.lower_ not in ("is", "was", "'s")
            if acting or any(p.dep_ == "poss" and p.lower_ == "its" for p in subject.children):
                return True
    return False


def bought(name: Span, vocab: OrgVocabulary) -> bool:
    """"agreed to buy Marlowe Supermarkets", "Nyberg Fisk has been bought by": what is bought or taken over whole
    is a company, whatever name it bears (a person is bought nothing: "bought Elon Musk's stake" names the stake,
    "bought John a car" gives him one)."""
    root = name.root
    if root.dep_ not in ("dobj", "nsubjpass") or root.head.pos_ != "VERB" or not _whole(name) \
            or any(c.dep_ in ("case", "det") for c in root.children) or root.text in vocab.facility_words:
        return False  # "bought the Today Sponge", "buy Hudson's Bay Building": a product, a building
    verb = root.head
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]  # "taken over", "snapped up"
    return verb.lower_ in vocab.buying_verbs or any(f"{verb.lower_} {p}" in vocab.buying_verbs for p in particles)


def acts_as_company(name: Span, label: str | None, vocab: OrgVocabulary) -> bool:
    """"Strand Mobility reported a net loss", "Harwick Dairy plans to close three plants", "awarded a contract to
    Halvorsen Bygg": the doer of an act only companies do (a verb of `company_verbs` with an object of
    `company_objects`), or who is awarded a contract, is a company, and so is a name ending in an industry's word
    acting as a business verb's subject, the owner of a deal or a result, or the object of a supplier's or chooser's
    verb. A name the model called a person's must end in an industry's word: "Elon Musk cut 6,000 jobs" is the man
    acting for his company."""
    root = name.root
    sector = name[-1].text in vocab.sector_words  # "Garnett Tools agreed to buy", "Tarn Pay has raised"
    if label == "PERSON" and not sector or not _whole(name) or len(name) == 1 and vocab.is_english(name.text):
        return False  # not "Coffee" of "Starbucks Coffee", "Island" of "Harry's Island", "Net and Mr Porter"
    if root.dep_ == "dobj" and sector and root.head.lower_ in vocab.choosing_verbs:
        return True  # "will supply Marlowe Supermarkets with", "has chosen Halvorsen Bygg to build"
    if root.dep_ == "pobj" and root.head.lower_ != "to":  # "an order from Stena Line", "a merger with X Transit"
        return sector and _business_argument(root, vocab)
    if root.dep_ == "poss":  # "Farrant Homes' £640 million purchase of", "Harlow Foods' revenue"
        return sector and root.head.lower_ in vocab.business_arguments["poss"]
    if root.dep_ == "nsubj" and sector and _said_it(root.head):
        return True  # "Kestrel Freight said it would buy": a speaker called "it", named for its trade
    if root.dep_ == "nsubj":
        verbs = _acts_of(root.head)
    elif root.dep_ == "nsubjpass" and root.head.lower_ in ("awarded", "granted"):
        verbs = [root.head]  # "Halvorsen Bygg has been awarded a contract": the recipient
    elif root.dep_ == "dobj" and any(c.dep_ == "xcomp" and c.i > root.i for c in root.head.children):
        verbs = [a for c in root.head.children if c.dep_ == "xcomp" for a in _acts_of(c)]  # "expect X to cut jobs"
    elif root.dep_ == "dative" or root.dep_ == "pobj" and root.head.lower_ == "to":
        verb = root.head if root.dep_ == "dative" else root.head.head
        for _ in range(2):  # "awarded a contract worth $2 billion to X": "to" on the contract or its "worth"
            verb = verb.head if verb.pos_ != "VERB" else verb
        if verb.dep_ == "acl" and verb.head.lower_ in vocab.company_objects:
            verb = verb.head.head  # "awarded a contract to repair reservoirs to X": "to X" hung on the clause
        verbs = [verb]
    else:
        return False
    return any(verb.lower_ in vocab.company_verbs and any(
        c.dep_ == "dobj" and c.lower_ in vocab.company_objects for c in verb.children)
        or sector and root.dep_ == "nsubj" and verb.lower_ in vocab.business_arguments["nsubj"] for verb in verbs)


def _acts_of(verb: Token, depth: int = 2) -> list[Token]:
    """The verb and the acts its subject also does: "plans to close ... and cut" (open complements, conjuncts)."""
    found = [verb]
    if depth:
        for child in verb.children:
            if child.dep_ in ("xcomp", "conj") and child.pos_ in ("VERB", "AUX"):
                found += _acts_of(child, depth - 1)
    return found
