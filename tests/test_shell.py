"""The sandbox's shell formats a failing cell's traceback as IPython does, walking
``sys.modules`` once per file rather than several times per frame."""

import inspect
import re

from autograder.sandbox import shell

CELL = '''
def outer(a):
    return inner(a)

def inner(a):
    assert a == 3, "a should be 3"

outer(1)
'''


def run_failing_cell(walks):
    original = inspect.getmodule

    def counting(value, _filename=None):
        if "ipython-input" in str(shell._code_file(value)):
            walks.append(_filename)
        return original(value, _filename)

    inspect.getmodule = counting
    try:
        outputs, ok = shell.CapturingShell.instance(colors="nocolor").run(CELL)
    finally:
        inspect.getmodule = original
    assert not ok and inspect.getmodule is original
    return outputs[-1]


def test_a_failing_cell_gets_ipythons_traceback_with_few_module_walks(monkeypatch):
    walks = []
    fast = run_failing_cell(walks)
    monkeypatch.setattr(shell, "_modules_found_once", shell.contextlib.nullcontext)
    slow_walks = []
    slow = run_failing_cell(slow_walks)

    assert fast["ename"] == "AssertionError" and fast["evalue"] == "a should be 3"
    # The shell is a singleton: another test may have made it with colours.
    text = re.sub(r"\x1b\[[0-9;]*m", "", "".join(fast["traceback"]))
    assert re.sub(r"In\[\d+\]", "", "".join(fast["traceback"])) == \
        re.sub(r"In\[\d+\]", "", "".join(slow["traceback"]))
    assert "----> 7 outer(1)" in text and "----> 5     assert a == 3" in text
    # Two formats (the output, IPython's history), each asking once per distinct question.
    assert len(walks) <= 4 < len(slow_walks)
