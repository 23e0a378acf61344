"""The models' matrix products on numpy's OpenBLAS: one thread, nearly blis's numbers, and the parse blis gives."""

from __future__ import annotations

import ctypes

import numpy
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from thinc.api import Model

from graph.extract.parse.blas import loaded_openblas, one_thread_openblas, use_openblas
from graph.extract.parse.nlp import MODEL, build_nlp

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]


@pytest.fixture(scope="module")
def models():
    """The model as loaded (blis) and a second copy on OpenBLAS."""
    fast = spacy.load(MODEL)
    use_openblas(fast)
    return spacy.load(MODEL), fast


def _model_ops(nlp):
    models = [c.model for _, c in nlp.pipeline if isinstance(getattr(c, "model", None), Model)]
    return [layer.ops for model in models for layer in model.walk()]


@pytest.fixture(scope="module", autouse=True)
def pinnable():
    """These tests are about numpy's OpenBLAS: skip where numpy has none that can be pinned (the models keep blis)."""
    if not one_thread_openblas():
        pytest.skip("numpy has no OpenBLAS with a thread setter here")


def test_the_openblas_numpy_loaded_is_pinned_to_one_thread():
    getters = []
    for path in loaded_openblas():
        library = ctypes.CDLL(path)
        names = [f"{prefix}_get_num_threads{suffix}" for prefix in ("scipy_openblas", "openblas")
                 for suffix in ("64_", "")]
        getters += [getattr(library, name) for name in names if hasattr(library, name)]
    assert getters and all(getter() == 1 for getter in getters)


def test_every_model_of_the_pipeline_multiplies_with_openblas(models):
    blis, fast = models
    ours = _model_ops(build_nlp())
    assert ours and not any(ops.use_blis for ops in ours)
    assert not any(ops.use_blis for ops in _model_ops(fast))
    assert all(ops.use_blis for ops in _model_ops(blis))  # the other copy of the model is left alone


def test_conflictkg_blis_keeps_blis(monkeypatch):
    monkeypatch.setenv("CONFLICTKG_BLIS", "1")
    nlp = spacy.load(MODEL)
    use_openblas(nlp)
    assert all(ops.use_blis for ops in _model_ops(nlp))


def test_openblas_products_are_blis_products_to_the_last_digits(models):
    blis, fast = models
    text = "Rebels shelled the outskirts of the town overnight, the army said, and two civilians were wounded."
    ours, theirs = fast(text).tensor, blis(text).tensor
    assert ours.shape == theirs.shape and numpy.allclose(ours, theirs, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize(
    "text",
    [
        "Militants ambushed an army convoy outside Kandahar on Tuesday, killing four soldiers and wounding nine.",
        "Hundreds of nurses marched to the health ministry in Lagos to demand unpaid wages, a union leader said.",
        "The Nile Liberation Front said its fighters had shot down a drone over the Varro valley late on Sunday.",
        "Police in Dhaka detained 23 people after clashes between rival student groups left one dead.\n\nCALM RETURNS",
        "Air strikes hit a fuel depot near Sanaa; residents reported secondary explosions for hours afterwards.",
    ],
)
def test_openblas_parses_as_blis_does(models, text):
    blis, fast = models
    assert (fast(text).to_array(ATTRS) == blis(text).to_array(ATTRS)).all()
