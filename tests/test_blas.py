"""The models' matrix products on numpy's OpenBLAS: one thread, nearly blis's numbers, and the parse blis gives."""

from __future__ import annotations

import ctypes
import logging
import shutil

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


def _thread_calls(library):
    """The thread setter and getter of an OpenBLAS library (the first build's names it has)."""
    for name in ("scipy_openblas", "openblas"):
        for suffix in ("64_", ""):
            setter, getter = (getattr(library, f"{name}_{call}_num_threads{suffix}", None) for call in ("set", "get"))
            if setter is not None and getter is not None:
                return setter, getter
    raise AssertionError("no thread setter")


def test_the_openblas_numpy_loaded_is_pinned_to_one_thread():
    getters = [_thread_calls(ctypes.CDLL(path))[1] for path in loaded_openblas()]
    assert getters and all(getter() == 1 for getter in getters)


def test_every_mapped_openblas_is_pinned_not_only_the_first(tmp_path, caplog):
    """A second OpenBLAS (as scipy or torch map their own) is pinned and logged too, whichever its path sorts."""
    numpys = loaded_openblas()[0]
    second = tmp_path / "libopenblas_second_copy.so"
    shutil.copy(numpys, second)
    libraries = [ctypes.CDLL(numpys), ctypes.CDLL(str(second), mode=ctypes.RTLD_LOCAL)]
    for library in libraries:
        _thread_calls(library)[0](2)
    if any(_thread_calls(library)[1]() != 2 for library in libraries):
        pytest.skip("one core: OpenBLAS takes no second thread here")
    with caplog.at_level(logging.INFO, logger="graph.extract.parse.blas"):
        assert one_thread_openblas.__wrapped__()
    assert [_thread_calls(library)[1]() for library in libraries] == [1, 1]
    assert sum(path in record.getMessage() for record in caplog.records for path in (numpys, str(second))) == 2


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
