"""Write the source notebooks from their Python descriptions.

``python -m notebooks.build`` (all) or ``python -m notebooks.build ps3_rosenbrock``;
``--check`` fails when a committed notebook differs from its build.
"""

import argparse
import importlib
import pathlib
import sys

import nbformat

ASSIGNMENTS = ("ps1_gradients", "ps2_descent", "ps3_rosenbrock", "ps4_backprop", "ps5_optimizers")
ROOT = pathlib.Path(__file__).resolve().parent.parent


def available():
    here = pathlib.Path(__file__).parent
    return [a for a in ASSIGNMENTS if (here / f"{a}.py").exists()]


def notebook(assignment):
    """The built :class:`~notebooks.cells.Notebook` of an assignment."""
    return importlib.import_module(f"notebooks.{assignment}").NOTEBOOK


def path(nb, root=ROOT):
    return pathlib.Path(root) / "source" / nb.assignment / f"{nb.name}.ipynb"


def text(nb):
    return nbformat.writes(nb.build()) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignments", nargs="*", help="default: all")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    stale = []
    for assignment in args.assignments or available():
        nb = notebook(assignment)
        target = path(nb)
        if args.check:
            if not target.exists() or target.read_text() != text(nb):
                stale.append(str(target))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text(nb))
        print(f"wrote {target.relative_to(ROOT)}")
    if stale:
        print("out of date (run python -m notebooks.build):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
