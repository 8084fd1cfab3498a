"""The predictions a gold set is scored on: extracted afresh for it, or read from a file; trimmed to what gold scores.

Scoring compares gold with predictions by article id. They come either from
running the pipeline on the gold articles (their files under an input root,
or their own text when they have no file) or from a JSONL file written by
`factwire extract`. A file that is missing, not JSONL, or whose ids name no
gold article is refused (`PredictionsError`, one line saying which), never
scored as nothing. Before scoring, the facts that overlap a gold article's
ignore regions are taken out of its prediction (`scoreable`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from pipeline.extraction import extract_folder, extract_texts
from pipeline.records import Article

if TYPE_CHECKING:
    from pipeline.inputs.files import Skipped


class PredictionsError(ValueError):
    """Predictions that cannot be scored: the one-line message says why."""


def predict_for_gold(expected: Mapping[str, Article], root: Path, model: str | None,
                     on_skip: Callable[[Skipped], None] | None = None) -> dict[str, Article]:
    """Extract the gold articles afresh: from their files under `root`, or from their own text when they have no file."""
    predicted: dict[str, Article] = {}
    if any(a.path for a in expected.values()):
        predicted.update((a.id, a) for a in extract_folder(root, model=model, on_skip=on_skip or (lambda _: None))
                         if a.id in expected)
    inline = [(a.text, a.id) for a in expected.values() if not a.path]
    predicted.update((a.id, a) for a in extract_texts(inline, model=model))
    return predicted


def read_predictions(path: Path) -> dict[str, Article]:
    """The article records of a JSONL file by id; PredictionsError when the file is missing, empty or not JSONL."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as err:
        raise PredictionsError(f"predictions {path}: no such file") from err
    except IsADirectoryError as err:
        raise PredictionsError(f"predictions {path}: a folder, not a JSONL file of records") from err
    except UnicodeDecodeError as err:
        raise PredictionsError(f"predictions {path}: not UTF-8 text, so not JSONL records") from err
    except OSError as err:
        raise PredictionsError(f"predictions {path}: cannot be read ({err.strerror})") from err
    predicted: dict[str, Article] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            article = Article.model_validate_json(line)
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise PredictionsError(f"predictions {path}:{number}: not an article record "
                                   f"({where + ': ' if where else ''}{first['msg']})") from err
        predicted[article.id] = article
    if not predicted:
        raise PredictionsError(f"predictions {path}: no records")
    return predicted


def check_ids(gold: Mapping[str, Article], predicted: Mapping[str, Article], source: str) -> None:
    """Refuse predictions of which no article is a gold article: scored, they would say nothing.

    >>> gold = {"a.txt#1": Article(id="a.txt#1", text="")}
    >>> check_ids(gold, {"a.txt#1": gold["a.txt#1"]}, "out.jsonl")
    >>> check_ids(gold, {"b.txt#1": Article(id="b.txt#1", text="")}, "out.jsonl")
    Traceback (most recent call last):
    ...
    pipeline.evaluation.predictions.PredictionsError: out.jsonl: no article id matches a gold id (1 predicted, e.g. 'b.txt#1'; 1 gold, e.g. 'a.txt#1')
    """
    if not gold.keys() & predicted.keys():
        raise PredictionsError(f"{source}: no article id matches a gold id ({len(predicted)} predicted"
                               + (f", e.g. {next(iter(predicted))!r}" if predicted else "")
                               + f"; {len(gold)} gold, e.g. {next(iter(gold))!r})")


def scoreable(gold: Article, predicted: Article | None) -> Article | None:
    """The prediction without the facts that overlap the gold article's ignore regions."""
    regions = [(r.start, r.end) for r in getattr(gold, "ignore", [])]
    if predicted is None or not regions:
        return predicted

    def kept(fact) -> bool:
        return not any(fact.start < end and start < fact.end for start, end in regions)

    organizations = [org.model_copy(update={"mentions": [m for m in org.mentions if kept(m)]})
                     for org in predicted.organizations]
    return predicted.model_copy(update={
        "organizations": [org for org in organizations if org.mentions],
        **{t: [f for f in getattr(predicted, t) if kept(f)] for t in ("money", "counts", "dates")}})
