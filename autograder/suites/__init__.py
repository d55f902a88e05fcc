"""Hidden suites, one module per assignment (see :mod:`autograder.suite`)."""
