"""The models' matrix products on numpy's OpenBLAS: one thread, and the parse blis gives."""

from __future__ import annotations

import ctypes

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from thinc.api import Model

from graph.extract.parse.blas import _LIBS, one_thread_openblas, use_openblas
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


def test_numpy_openblas_is_pinned_to_one_thread():
    assert one_thread_openblas()  # this environment's numpy wheel ships OpenBLAS
    library = ctypes.CDLL(str(sorted(_LIBS.glob("*openblas*.so*"))[0]))
    assert library.scipy_openblas_get_num_threads64_() == 1


def test_every_model_of_the_pipeline_multiplies_with_openblas(models):
    blis, fast = models
    assert _model_ops(build_nlp()) and not any(ops.use_blis for ops in _model_ops(build_nlp()))
    assert not any(ops.use_blis for ops in _model_ops(fast))
    assert all(ops.use_blis for ops in _model_ops(blis))  # the other copy of the model is left alone


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
