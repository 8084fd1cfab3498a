"""The parse read by table (pipeline/nlp/base.py): spaCy's `token.children` and `token.sent` walk the sentence on
every call, quadratic when clauses chain through one long sentence (issue 12). The tables give the same words, in
the same order, for every word of real parses: ordinary sentences, a headline over its body, and one long chain."""

import pytest

from pipeline.nlp.base import Children, Sentences

TEXTS = [
    "Harmon Textiles Inc. agreed to buy Lorrey Fabrics Corp. for $420 million. Dorsey Motors said it would cut "
    "1,500 jobs by 2026, and the union denied it.",
    " and ".join(f"Ostrel {k} formed a joint venture with Kelvra {k}" for k in range(1, 40)) + ".",
    "Acme wins contract\n\nAcme Corp. won a $3 million order from the city on Monday. Shares rose 4%.",
    " and ".join(f"Kelvra {k} hired {k} workers" for k in range(1, 60)) + ".",
]


@pytest.fixture(scope="module")
def docs(nlp):
    return [nlp(text) for text in TEXTS]


def test_children_by_table_are_spacys_children(docs):
    for doc in docs:
        children = Children(doc)
        assert all(children(token) == list(token.children) for token in doc)
        assert children.roots == [token.i for token in doc if token.head == token]
        for labels in (("nsubj",), ("aux", "auxpass", "neg"), ("conj", "prep", "dobj"), ("no-such-label",)):
            assert all(children(token, labels) == [c for c in token.children if c.dep_ in labels] for token in doc)


def test_sentences_by_table_are_spacys_sentences(docs):
    for doc in docs:
        sentences = Sentences(doc)
        for token in doc:
            assert sentences.bounds(token.i) == (token.sent.start, token.sent.end)
            assert sentences.of(token) == token.sent
    assert len(list(docs[0].sents)) > 1 and min(len(docs[1]), len(docs[3])) > 300
