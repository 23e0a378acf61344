"""Fixtures of the reliability suite: one extractor for the whole run, the contract's JSON Schema."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def extractor():
    """The real extraction pipeline, loaded once."""
    from graph.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def contract():
    """A validator of docs/extraction.schema.json, the extraction JSON contract."""
    schema = json.loads((ROOT / "docs" / "extraction.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)
