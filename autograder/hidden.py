"""Test cells: their visible part and the suite call in their hidden block.

>>> source = '''assert f(1) == 2, "f(1) should be 2"
... ### BEGIN HIDDEN TESTS
... from autograder import grade_cell
... grade_cell("ps3_rosenbrock", "test_rosenbrock", globals())
... ### END HIDDEN TESTS'''
>>> split(source)
('assert f(1) == 2, "f(1) should be 2"', ('ps3_rosenbrock', 'test_rosenbrock'))
"""

import re

BEGIN = "### BEGIN HIDDEN TESTS"
END = "### END HIDDEN TESTS"
CALL = re.compile(r"""grade_cell\(\s*["'](\w+)["']\s*,\s*["'](\w+)["']""")


class HiddenBlockError(ValueError):
    """A hidden block that is not exactly one suite call."""


def split(source):
    """``(visible source, (assignment, grade_id) or None)`` of a test cell."""
    if BEGIN not in source:
        return source, None
    before, _, rest = source.partition(BEGIN)
    block, found, after = rest.partition(END)
    if not found:
        raise HiddenBlockError("the hidden block has no END HIDDEN TESTS line")
    calls = CALL.findall(block)
    code = [line for line in block.splitlines()
            if line.strip() and not line.strip().startswith("#")
            and not line.strip().startswith("from autograder import")]
    if len(calls) != 1 or len(code) != 1:
        raise HiddenBlockError("a hidden block must hold exactly one "
                               "grade_cell(assignment, grade_id, globals()) call; move other "
                               "hidden checks into the assignment's suite")
    visible = (before.rstrip("\n") + ("\n" + after.lstrip("\n") if after.strip() else "")).rstrip()
    return visible, calls[0]


def block(assignment, grade_id):
    """The hidden block that runs the suite of one cell."""
    return (f"{BEGIN}\nfrom autograder import grade_cell\n"
            f'grade_cell("{assignment}", "{grade_id}", globals())\n{END}')
