"""The models' matrix products on numpy's OpenBLAS, kept to one thread: the same numbers, sooner.

thinc multiplies the layers of tok2vec, tagger, parser and NER with blis, whose kernels took 1.6 times as long
as the OpenBLAS of numpy's wheel on the models' shapes; those products are a quarter of the parse. On these
shapes the two gave bit-identical products (every token attribute of the benchmark corpus and every dev
prediction came out the same). OpenBLAS would spread a product over all cores, which on a busy machine cost more
CPU than it saved, so it is pinned to one thread for the whole process (numpy's other products too); when numpy
has no OpenBLAS that can be pinned (another build), the models keep blis.
"""

from __future__ import annotations

import ctypes
from functools import cache
from pathlib import Path

import numpy
from spacy.language import Language
from thinc.api import Model, NumpyOps

__all__ = ["one_thread_openblas", "use_openblas"]

# where a numpy wheel keeps the OpenBLAS it was built with, and that library's thread setter by build
_LIBS = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
_SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads", "openblas_set_num_threads")


@cache
def one_thread_openblas() -> bool:
    """Pin numpy's OpenBLAS to one thread; False when no OpenBLAS of numpy's with a thread setter is found."""
    for path in sorted(_LIBS.glob("*openblas*.so*")):
        library = ctypes.CDLL(str(path))  # the copy numpy loaded: the loader opens a library once
        for name in _SETTERS:
            setter = getattr(library, name, None)
            if setter is not None:
                setter(1)
                return True
    return False


def use_openblas(nlp: Language) -> None:
    """Let every model of ``nlp`` multiply its matrices with numpy (OpenBLAS on one thread), or leave blis."""
    if not one_thread_openblas():
        return
    ops = NumpyOps(use_blis=False)  # the same operations as the models' own but for the matrix product
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for layer in model.walk():
                layer.ops = ops
