"""The BENCH line of bench/bench_sparql.py: a run with oxigraph niced says so, so it cannot pass as a target figure."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench import bench_sparql as bench

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("nice", "ours_agg", "agg_ratio"),
    [
        (0, 0.3, "3.000"),  # the default: a target figure
        (10, 0.05, "0.500"),  # niced oxigraph under load: looks faster than oxigraph, says why
        (5, 0.1, "1.000"),
    ],
)
def test_bench_line_names_oxigraph_niceness(capsys, nice, ours_agg, agg_ratio):
    point = {"ours": [0.002, 0.002], "oxigraph": [0.001, 0.001]}
    agg = {"ours": [ours_agg, ours_agg], "oxigraph": [0.1, 0.1]}
    assert bench.report(point, agg, {}, nice) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith("BENCH sparql ")
    fields = dict(re.findall(r"(\w+)=(\S+)", line))
    assert (fields["point_ratio"], fields["agg_ratio"], fields["oxigraph_nice"]) == ("2.000", agg_ratio, str(nice))


@pytest.mark.slow
@pytest.mark.parametrize("option", [[], ["--oxigraph-nice", "3"]])
def test_quick_run_prints_the_niceness_it_ran_at(option):
    ran = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_sparql.py"), "--quick", *option],
                         capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    assert ran.returncode == 0, ran.stderr[-2000:]
    line = ran.stdout.strip().splitlines()[-1]
    assert line.startswith("BENCH sparql ") and line.endswith(f" oxigraph_nice={option[-1] if option else 0}")
