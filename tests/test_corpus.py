"""The grading-validity corpus proves each hidden suite: every correct variant
gets full marks, every bug loses the points of its own function and no others,
under the hidden suite alone and under ``nbgrader autograde`` with the kit."""

import re

import nbformat
import numpy as np
import pytest

from autograder import corpus, course, suite
from autograder.student import NamespaceStudent

from grading import ROOT, grade_class, unexpected

CORPUS = ROOT / "tests" / "corpus"
ASSIGNMENTS = [a for a in course.assignments() if (CORPUS / a).is_dir()]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_hidden_suite_alone_catches_every_bug(assignment):
    verdicts = corpus.check(assignment, ROOT, CORPUS)
    assert all(v.ok for v in verdicts), corpus.summary(assignment, verdicts)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_corpus_covers_every_graded_function(assignment):
    entries = corpus.read(CORPUS / assignment)
    module = suite.load(assignment)
    for name in module.GRADED:
        mine = [e for e in entries if e.cell == name or re.search(rf"\b{name}\b", e.about)]
        assert sum(e.kind == "correct" for e in mine) >= 2, f"{name}: fewer than 2 correct variants"
        assert sum(e.kind == "bug" for e in mine) >= 3, f"{name}: fewer than 3 bugs"
    test_cells = set(suite.points(module))
    for entry in entries:
        assert set(entry.breaks) <= test_cells, entry.label


@pytest.fixture(scope="module",
                params=[pytest.param(a, marks=pytest.mark.xdist_group(f"corpus-{a}")) for a in ASSIGNMENTS])
def graded_rounds(request, tmp_path_factory):
    assignment = request.param
    rounds = {name: variant for name, (variant, _) in corpus.rounds(corpus.read(CORPUS / assignment)).items()}
    table, maxima = grade_class(tmp_path_factory.mktemp(f"corpus-{assignment}"), assignment, rounds)
    return assignment, rounds, table, maxima


def test_nbgrader_with_the_kit_grades_the_corpus_as_promised(graded_rounds):
    assignment, rounds, table, maxima = graded_rounds
    wrong = {name: unexpected(v, table.get(name, {}), maxima) for name, v in rounds.items()}
    assert not {n: w for n, w in wrong.items() if w}, f"{assignment}: {wrong}"


def test_failure_messages_name_the_function_the_input_and_both_values():
    module = suite.load("ps3_rosenbrock")
    source = nbformat.read(ROOT / "source" / "ps3_rosenbrock" / "rosenbrock.ipynb", as_version=4)
    bugs = {e.about: e for e in corpus.read(CORPUS / "ps3_rosenbrock") if e.kind == "bug"}
    cases = {"the sign of df/dy is flipped": ("test_rosenbrock_grad", r"rosenbrock_grad\(xy=\[.+\]\)"),
             "off-diagonal sign flipped": ("test_rosenbrock_hessian", r"rosenbrock_hessian\(xy=\[.+\]\)"),
             "the squared distance": ("test_distance_to_optimum", r"distance_to_optimum\(x=\[.+\]\)")}
    for about, (grade_id, call) in cases.items():
        entry = bugs[about]
        variant = corpus.classroom.Variant("probe", cells={entry.cell: entry.code})
        student = NamespaceStudent.for_suite(module, corpus.namespace(source, variant))
        text = suite.run_cell(module, grade_id, student, seed=7).text()
        assert re.search(call + r" returned .+; expected .+ \(relative error", text), text
        assert "seed 7" in text
        for secret in ("student.call", "REFERENCE", "def test_", "expect_close", "Traceback"):
            assert secret not in text


def test_a_value_that_depends_on_earlier_calls_is_reported_as_such():
    from autograder.sandbox.client import Sandbox
    from autograder.student import SandboxStudent

    module = suite.load("ps5_optimizers")
    entry = next(e for e in corpus.read(CORPUS / "ps5_optimizers") if "forgetting lr_min" in e.about)
    with Sandbox() as box:
        assert box.run_cell("import numpy as np\n" + entry.code).success
        box.snapshot()
        student = SandboxStudent.for_suite(module, box)
        text = suite.run_cell(module, "test_cosine_annealing", student, seed=7).text()
    assert re.search(r"cosine_annealing\(\d+, .+lr_min=.+\) returned .+; expected .+\. That was after \d+ earlier "
                     r"calls? in the same process; made first, the same call is right", text), text


def test_train_softmax_curves_show_a_correct_run_on_the_reference_and_a_run_made_again_once():
    from autograder.sandbox.client import Sandbox
    from autograder.student import SandboxStudent

    module = suite.load("ps5_optimizers")
    source = nbformat.read(ROOT / "source" / "ps5_optimizers" / "optimizers.ipynb", as_version=4)
    cells = [text for _, text in corpus.code(source, corpus.classroom.Variant("reference"))]
    # From its second call on, this train_softmax hands back a flat loss curve.
    cells.append("_train_softmax, _runs = train_softmax, []\n"
                 "def train_softmax(X, y, **hyper):\n"
                 "    W, b, losses = _train_softmax(X, y, **hyper)\n"
                 "    _runs.append(hyper)\n"
                 "    return W, b, losses if len(_runs) == 1 else [losses[0]] * len(losses)\n")
    with Sandbox() as box:
        for text in cells:
            box.run_cell(text)
        box.snapshot()
        student = SandboxStudent.for_suite(module, box)
        report = suite.run_cell(module, "test_train_softmax", student, seed=7)
    learns = next(o for o in report.outcomes if o.test == suite.describe(module.test_train_softmax_learns))
    assert "That was after 1 earlier call in the same process" in learns.message, learns.message
    panel, = (s for s in report.sketches if s.title.startswith("train_softmax on 60 points"))
    assert [label for label, *_ in panel.pairs] == ["sgd", "momentum"]
    # The first call is correct, with the reference minibatches shuffling the student's rng.
    _, sgd, expected, _ = panel.pairs[0]
    assert np.allclose(np.asarray(sgd, dtype=float), expected, rtol=1e-9)
    momentum = np.asarray(panel.pairs[1][1], dtype=float)
    assert np.all(momentum == momentum[0])  # the curve that failed, not the one made again
