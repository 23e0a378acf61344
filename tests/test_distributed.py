"""Batch ingest on a Dask LocalCluster of processes gives the same graph as in-process ingest."""

from __future__ import annotations

import logging

import pytest

from graph.distributed import ARTICLES_PER_TASK, default_workers, run_batch
from graph.ingest import ingest_articles
from graph.sources import read_article
from graph.store import Store
from tests.test_ingest import BASE, INCIDENTS, quads, write_articles


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """One generated article per incident, read as the CLI reads them."""
    folder = tmp_path_factory.mktemp("articles")
    return [read_article(path, None) for path in write_articles(folder, INCIDENTS)]


@pytest.fixture(scope="module")
def in_process(articles, tmp_path_factory):
    """The articles ingested without Dask: the reference graph."""
    store = Store(str(tmp_path_factory.mktemp("reference")))
    summary = ingest_articles(store, articles, BASE, workers=0, validate=False)
    yield store, summary
    store.close()


@pytest.fixture(scope="module")
def cluster():
    """A small LocalCluster of two worker processes, as a user would start it."""
    from dask.distributed import LocalCluster

    local = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    )
    yield local
    local.close()


@pytest.mark.slow
def test_local_cluster_ingest_matches_in_process_ingest(articles, in_process, tmp_path):
    reference, expected = in_process
    store = Store(str(tmp_path / "dask"))
    summary = ingest_articles(store, articles, BASE, workers=2, validate=False)
    assert summary.documents == expected.documents == len(INCIDENTS)
    assert (summary.events, summary.actors, summary.places) == (expected.events, expected.actors, expected.places)
    assert store.graph_names() == reference.graph_names()
    assert quads(store) == quads(reference)
    store.close()


@pytest.mark.slow
def test_existing_scheduler_is_used_and_reingest_is_idempotent(articles, in_process, cluster, tmp_path):
    reference, _ = in_process
    store = Store(str(tmp_path / "dask"))
    for _ in range(2):
        summary = ingest_articles(store, articles, BASE, scheduler=cluster.scheduler_address, validate=False)
        assert summary.documents == len(INCIDENTS)
        assert quads(store) == quads(reference)
    store.close()


@pytest.mark.slow
def test_every_article_comes_back_once(articles, cluster):
    results = list(run_batch(articles, BASE, scheduler=cluster.scheduler_address, validate=True))
    assert sorted(r.source for r in results) == sorted(a.path for a in articles)
    assert all(r.error is None and r.ntriples for r in results)


@pytest.mark.parametrize(("tasks", "most"), [(1, 1), (3, 3), (1000, None)])
def test_default_workers_never_exceeds_tasks_or_cores(tasks, most):
    workers = default_workers(tasks)
    assert 1 <= workers <= tasks
    if most is not None:
        assert workers <= most


def test_an_empty_batch_starts_no_cluster():
    assert list(run_batch([], BASE)) == []
    assert ARTICLES_PER_TASK >= 1
