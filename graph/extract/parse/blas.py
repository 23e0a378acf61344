"""The models' matrix products on numpy's OpenBLAS, kept to one thread: nearly the same numbers, sooner.

thinc multiplies the layers of tok2vec, tagger, parser and NER with blis, whose kernels took 1.6 times as long
as the OpenBLAS of numpy's wheel on the models' shapes; those products are a quarter of the parse. The two sum
in different orders, so their products differ in the last digits (about 1e-6 on tok2vec's output); every token
attribute of 754 texts (the benchmark corpus, the dev notes and articles) came out the same, but a near-tie on
a new text may be decided the other way. ``CONFLICTKG_BLIS=1`` keeps blis (to reproduce older predictions).
OpenBLAS would spread a product over all cores, which on a busy machine cost more CPU than it saved, so every copy
the process has mapped (numpy's, and scipy's or torch's when loaded) is pinned to one thread for the whole process
(numpy's other products too, each copy logged once); when none can be pinned (another build), the models keep blis.
"""

from __future__ import annotations

import ctypes
import logging
import os
from functools import cache

import numpy  # noqa: F401 - importing numpy maps its OpenBLAS into the process
from spacy.language import Language
from thinc.api import Model, NumpyOps

__all__ = ["loaded_openblas", "one_thread_openblas", "use_openblas"]

log = logging.getLogger(__name__)

# an OpenBLAS library's thread setter and getter, by build (numpy 2's scipy-openblas, 64- or 32-bit ints; plain)
_PREFIXES = ("scipy_openblas", "openblas")
_SUFFIXES = ("64_", "")


def loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries this process has mapped (numpy loads its own when imported)."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            return sorted({line.split()[-1] for line in maps if "openblas" in line.rsplit("/", 1)[-1].lower()})
    except OSError:  # not Linux: no pin, the models keep blis
        return []


@cache
def one_thread_openblas() -> bool:
    """Pin every OpenBLAS the process has mapped (numpy's among them) to one thread; False (the models keep blis)
    when none can be pinned."""
    # every copy (a list, not any(), which stops at the first): scipy's or torch's may be mapped too, and the paths'
    # order does not tell which is numpy's
    pinned = [path for path in loaded_openblas() if _pinned(path)]
    return bool(pinned)


def _pinned(path: str) -> bool:
    """Pin the OpenBLAS at ``path`` to one thread (logged); False when it has no thread setter that takes."""
    library = ctypes.CDLL(path)  # the copy already mapped: the loader opens a library once
    for prefix in _PREFIXES:
        for suffix in _SUFFIXES:
            setter = getattr(library, f"{prefix}_set_num_threads{suffix}", None)
            getter = getattr(library, f"{prefix}_get_num_threads{suffix}", None)
            if setter is not None and getter is not None:
                setter(1)
                if getter() == 1:
                    log.info("OpenBLAS pinned to one thread for the whole process (%s)", path)
                    return True
    return False


def use_openblas(nlp: Language) -> None:
    """Let every model of ``nlp`` multiply its matrices with numpy (OpenBLAS on one thread), or leave blis."""
    if os.environ.get("CONFLICTKG_BLIS") == "1" or not one_thread_openblas():
        return
    ops = NumpyOps(use_blis=False)  # the same operations as the models' own but for the matrix product
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for layer in model.walk():
                layer.ops = ops
