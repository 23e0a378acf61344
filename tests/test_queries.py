"""The query package (graph.queries) re-exports what each of its modules names, and each names all it defines."""

from __future__ import annotations

import ast
import importlib
import inspect

import pytest

import graph.queries

SHARED = {"graph.queries.base"}  # what the other modules build their queries from: only a few names go out


def test_the_package_exports_each_modules_names_once():
    names = [name for module in graph.queries.MODULES for name in importlib.import_module(module).__all__]
    assert graph.queries.__all__ == names and len(set(names)) == len(names)
    for module in graph.queries.MODULES:
        for name in importlib.import_module(module).__all__:
            assert getattr(graph.queries, name) is getattr(importlib.import_module(module), name), (module, name)


def _defined(module: str) -> set[str]:
    """The public names a module assigns or defines at its top level."""
    names: set[str] = set()
    for node in ast.parse(inspect.getsource(importlib.import_module(module))).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(target.id for target in targets if isinstance(target, ast.Name))
    return {name for name in names if not name.startswith("_")}


@pytest.mark.parametrize("module", [m for m in graph.queries.MODULES if m not in SHARED])
def test_each_module_names_every_query_it_defines(module):
    assert _defined(module) == set(importlib.import_module(module).__all__)


def test_a_query_only_in_a_module_would_be_missed():
    """The check above can fail: a module's own names without its __all__ are more than the names it exports."""
    assert _defined("graph.queries.base") > set(importlib.import_module("graph.queries.base").__all__)


@pytest.mark.parametrize("node, fields, expected", [
    ("ev", ("date",), "OPTIONAL { ?ev sem:hasTimeStamp ?date }"),
    ("evidence", ("fatalities", "end"),
     "OPTIONAL { ?evidence ckg:fatalities ?fatalities }\n    OPTIONAL { ?evidence ckg:end ?end }"),
    ("ev", (), ""),
])
def test_evidence_fields_are_one_optional_pattern_each(node, fields, expected):
    assert graph.queries.base.evidence_fields(node, fields) == expected


@pytest.mark.parametrize("query, node", [("EVENT_EVIDENCE", "evidence"), ("DOCUMENT_EVIDENCE", "evidence"),
                                         ("EVIDENCE_FIGURES", "ev")])
def test_the_evidence_queries_read_each_field_by_the_same_predicate(query, node):
    text = getattr(graph.queries, query)
    assert f"OPTIONAL {{ ?{node} ckg:fatalities ?fatalities }}" in text
    assert f"OPTIONAL {{ ?{node} sem:hasTimeStamp ?date }}" in text
