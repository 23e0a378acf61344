"""tools/code_figures.py: a revision's module tree, longest modules and functions, read from git."""

from __future__ import annotations

from tools.code_figures import main


def test_figures_of_a_folder_name_its_modules_and_functions(capsys):
    assert main(["--rev", "HEAD", "--paths", "graph/store", "--top", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    tree = lines[lines.index("## tree") + 1 : lines.index("## longest modules (top 3)")]
    assert {line.split()[0] for line in tree} >= {"graph/store/embedded.py", "graph/store/remote.py"}
    functions = lines[lines.index("## longest functions (top 3)") + 1 : -1]
    assert len(functions) == 3 and all(int(f.split()[0]) > 1 and ":" in f for f in functions)
    assert lines[-1].startswith("FIGURES rev=HEAD modules=") and "longest_function=" in lines[-1]


def test_an_unknown_revision_is_one_line_and_exit_2(capsys):
    assert main(["--rev", "no-such-revision"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: git could not read no-such-revision") and err.count("\n") == 1
