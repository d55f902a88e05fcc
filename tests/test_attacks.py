"""Cheating under ``nbgrader autograde`` with the kit's config: every attack scores
what the honest code underneath deserves (zero on the cells it targets), the course
and the gradebook are untouched, the honest student's grades are those of a class
graded without the attackers, and the batch finishes.

An assignment's attacks are graded as ``GROUPS`` classes (each with its own honest
student), one test each, so that pytest-xdist grades them side by side: a test per
property would let two workers each grade the same class."""

import hashlib
import pathlib

import pytest

from autograder import classroom
from autograder.sandbox import isolation

from grading import ROOT, grade_class, unexpected

ATTACKS = ROOT / "tests" / "attacks"
GROUPS = 2


def digest(*folders):
    h = hashlib.sha256()
    for folder in folders:
        folder = pathlib.Path(folder)
        for path in sorted(folder.rglob("*")) if folder.is_dir() else [folder]:
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(str(path).encode() + path.read_bytes())
    return h.hexdigest()


def attack_class(assignment, course, group=0, groups=1):
    """The attack variants of one group (every ``groups``-th file), plus an honest student."""
    variants = classroom.read_variants(ATTACKS / assignment)
    variants = {name: variants[name] for name in sorted(variants)[group::groups]}
    for variant in variants.values():
        variant.cells = {cell: code.replace("{COURSE}", str(course)).replace("{ROOT}", str(ROOT))
                         for cell, code in variant.cells.items()}
    variants["honest"] = classroom.Variant("honest")
    return variants


pytestmark = pytest.mark.skipif(isolation.detect() != "bubblewrap",
                                reason="the kit guarantees this at the bubblewrap level only")


@pytest.mark.parametrize("assignment, group", [
    pytest.param(p.name, group, id=f"{p.name}-{group}", marks=pytest.mark.xdist_group(f"{p.name}-{group}"))
    for p in sorted(ATTACKS.iterdir()) if p.is_dir() for group in range(GROUPS)])
def test_an_attack_class(assignment, group, tmp_path):
    course = tmp_path / "class"
    variants = attack_class(assignment, course, group, GROUPS)
    targets = [ROOT / "source" / assignment, ROOT / "release" / assignment,
               ROOT / "autograder" / "suites", ROOT / "nbgrader_config.py"]
    kit = digest(*targets)
    table, maxima = grade_class(course, assignment, variants)
    problems = {}

    # Every attack file says what it does and which cells it must zero.
    problems["attacks without about/zero"] = [name for name, v in variants.items()
                                              if name != "honest" and not (v.about and v.zero)]

    # Each attack scores what the honest code underneath deserves.
    wrong = {name: unexpected(v, table.get(name, {}), maxima) for name, v in variants.items()}
    problems["attacks scoring what they should not"] = {
        name: cells for name, cells in wrong.items() if cells}

    # The honest student gets full marks, as in a class graded without the attackers.
    auto = {c: m for c, m in maxima.items() if c.startswith("test_")}
    problems["honest student short of full marks"] = {
        c: table.get("honest", {}).get(c) for c in auto if table.get("honest", {}).get(c) != auto[c]}
    alone, _ = grade_class(tmp_path / "alone", assignment, {"honest": classroom.Variant("honest")})
    if table.get("honest") != alone.get("honest"):
        problems["honest student graded differently with the attackers"] = (table.get("honest"),
                                                                             alone.get("honest"))

    # The batch finished: every submission graded, every autograded cell scored.
    problems["submissions or cells left ungraded"] = {
        name: [c for c in auto if table.get(name, {}).get(c) is None] for name in variants
        if any(table.get(name, {}).get(c) is None for c in auto)}

    # Nothing outside the sandbox changed.
    if digest(*targets) != kit:
        problems["the kit changed"] = [str(t) for t in targets]
    problems["the scratch course changed"] = [
        str(path) for path in [course / "nbgrader_config.py",
                               *(course / "source" / assignment).glob("*.ipynb")]
        if path.read_bytes() != (ROOT / path.relative_to(course)).read_bytes()]

    problems = {what: detail for what, detail in problems.items() if detail}
    assert not problems, f"{assignment} (group {group}): {problems}"
