"""Settings: every one documented in the README, every one read from the environment."""

from pathlib import Path

import pytest

from graph.config import Settings, load_settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


@pytest.mark.parametrize("name,env,default,doc", Settings.documented())
def test_every_setting_is_in_the_readme_table(name, env, default, doc):
    assert f"| `{env}` |" in README


def test_environment_overrides_defaults_and_overrides_win():
    settings = load_settings({"port": 7000}, environ={"CONFLICTKG_PORT": "6000", "CONFLICTKG_DATA_DIR": "/x"})
    assert settings.port == 7000
    assert settings.data_dir == "/x"


def test_bad_integer_setting_names_the_variable():
    with pytest.raises(ValueError, match="CONFLICTKG_PORT"):
        load_settings(environ={"CONFLICTKG_PORT": "eighty"})


@pytest.mark.parametrize("threads,workers,capacity", [(3, 2, 1), (4, 2, 2), (8, 4, 6), (32, 4, 6), (64, 4, 6)])
def test_sparql_holds_its_workers_and_two_more_threads_never_all(threads, workers, capacity):
    settings = load_settings({"threads": threads}, environ={})
    assert (settings.worker_processes, settings.query_capacity) == (workers, capacity)
