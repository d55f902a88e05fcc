"""Cheating under ``nbgrader autograde`` with the kit's config: every attack scores
what the honest code underneath deserves (zero on the cells it targets), the course
and the gradebook are untouched, and the honest students' grades don't change."""

import hashlib
import pathlib

import pytest

from autograder import classroom
from autograder.sandbox import isolation

from grading import ROOT, grade_class, unexpected

ATTACKS = ROOT / "tests" / "attacks"


def digest(*folders):
    h = hashlib.sha256()
    for folder in folders:
        folder = pathlib.Path(folder)
        for path in sorted(folder.rglob("*")) if folder.is_dir() else [folder]:
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(str(path).encode() + path.read_bytes())
    return h.hexdigest()


def attack_class(assignment, course):
    variants = classroom.read_variants(ATTACKS / assignment)
    for variant in variants.values():
        variant.cells = {cell: code.replace("{COURSE}", str(course)).replace("{ROOT}", str(ROOT))
                         for cell, code in variant.cells.items()}
    variants["honest"] = classroom.Variant("honest")
    return variants


pytestmark = pytest.mark.skipif(isolation.detect() != "bubblewrap",
                                reason="the kit guarantees this at the bubblewrap level only")


@pytest.fixture(scope="module", params=[pytest.param(p.name, marks=pytest.mark.xdist_group(p.name))
                                        for p in sorted(ATTACKS.iterdir()) if p.is_dir()])
def attacked(request, tmp_path_factory):
    assignment = request.param
    course = tmp_path_factory.mktemp(assignment)
    variants = attack_class(assignment, course)
    targets = [ROOT / "source" / assignment, ROOT / "release" / assignment,
               ROOT / "autograder" / "suites", ROOT / "nbgrader_config.py"]
    kit = digest(*targets)
    table, maxima = grade_class(course, assignment, variants)
    after = digest(*targets)
    return assignment, course, variants, table, maxima, kit == after


def test_attacks_score_what_the_honest_code_deserves(attacked):
    assignment, _, variants, table, maxima, _ = attacked
    wrong = {name: unexpected(v, table.get(name, {}), maxima) for name, v in variants.items()}
    assert not {n: w for n, w in wrong.items() if w}, f"{assignment}: {wrong}"


def test_the_honest_student_gets_full_marks(attacked):
    _, _, _, table, maxima, _ = attacked
    auto = {c: m for c, m in maxima.items() if c.startswith("test_")}
    assert {c: table["honest"][c] for c in auto} == auto


def test_the_kit_and_the_course_are_untouched(attacked):
    assignment, course, _, _, _, kit_unchanged = attacked
    assert kit_unchanged
    assert (course / "nbgrader_config.py").read_text() == (ROOT / "nbgrader_config.py").read_text()
    for path in (course / "source" / assignment).glob("*.ipynb"):
        assert path.read_bytes() == (ROOT / "source" / assignment / path.name).read_bytes()


def test_every_attack_is_a_distinct_file_with_a_target(attacked):
    _, _, variants, _, _, _ = attacked
    for name, variant in variants.items():
        if name != "honest":
            assert variant.zero and variant.about, name
