"""``autograder``: the course kit's command line.

``autograder main`` is the README's main job: make the releases, grade the
bundled sample class, print the grades and write the feedback, the CSV, the
Gradescope results and the instructor's reports.
"""

import argparse
import pathlib
import sys

from . import classroom, course


def cmd_release(args):
    for assignment in args.assignments or course.assignments():
        course.nbgrader("generate_assignment", assignment, "--force", "--log-level=WARN")
        print(f"released {assignment}")


def sample_class(assignment, course_dir=None):
    """Put the bundled sample class of ``assignment`` into ``submitted/``."""
    course_dir = pathlib.Path(course_dir or course.root())
    folder = course_dir / "samples" / assignment
    variants = classroom.read_variants(folder) if folder.is_dir() else {}
    return classroom.build_class(course_dir, assignment, variants), variants


def cmd_sample(args):
    for assignment in args.assignments or course.assignments():
        students, _ = sample_class(assignment)
        print(f"{assignment}: {len(students)} sample submissions in submitted/")


def cmd_grade(args):
    from . import batch
    from .sandbox import isolation
    print(isolation.describe(isolation.detect()), file=sys.stderr)
    options = batch.Options(cell_timeout=args.cell_timeout, call_timeout=args.call_timeout,
                            submission_timeout=args.submission_timeout)
    failures = 0
    for assignment in args.assignments or course.assignments():
        outcomes = batch.grade(assignment, students=args.student, workers=args.workers,
                               scheduler=args.scheduler, options=options, force=args.force)
        print(batch.summary(assignment, outcomes))
        failures += sum(not o.ok for o in outcomes)
    return 1 if failures else 0


def cmd_table(args):
    for assignment in args.assignments or course.assignments():
        print(course.format_table(assignment, *course.grades(assignment)))
        print()


def cmd_report(args):
    from . import report
    root = course.root()
    for assignment in args.assignments or course.assignments():
        print(f"report: {report.write(root, assignment)}")


def cmd_corpus(args):
    """Per assignment: the corpus size and how much of it the hidden suite gets right."""
    from . import corpus
    root = course.root()
    failures = 0
    for assignment in args.assignments or course.assignments():
        if not (root / "tests" / "corpus" / assignment).is_dir():
            print(f"{assignment}: no corpus")
            continue
        verdicts = corpus.check(assignment, root, root / "tests" / "corpus")
        print(corpus.summary(assignment, verdicts), flush=True)
        failures += sum(not v.ok for v in verdicts)
    return 1 if failures else 0


def cmd_main(args):
    from . import batch
    from .sandbox import isolation
    level = isolation.detect()
    print(isolation.describe(level), file=sys.stderr if level != "bubblewrap" else sys.stdout)
    assignments = args.assignments or course.assignments()
    failures = 0
    for assignment in assignments:
        course.nbgrader("generate_assignment", assignment, "--force", "--log-level=ERROR")
        students, _ = sample_class(assignment)
        print(f"== {assignment}: released; grading {len(students)} sample submissions", flush=True)
        outcomes = batch.grade(assignment, force=True)
        print(batch.summary(assignment, outcomes), flush=True)
        failures += sum(not o.ok for o in outcomes)
    print()
    for assignment in assignments:
        print(course.format_table(assignment, *course.grades(assignment)))
        print()
    course.nbgrader("export", "--log-level=ERROR")
    from .export import write_gradescope
    root = course.root()
    from . import report
    for assignment in assignments:
        write_gradescope(root, assignment)
        print(f"report:   {report.write(root, assignment)}")
    print(f"grades:   {root / 'grades.csv'}")
    print(f"gradescope: {root / 'exports' / 'gradescope'}/<assignment>/<student>/results.json")
    print(f"feedback: {root / 'feedback'}/<student>/<assignment>/")
    return 1 if failures else 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="autograder", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, function, help_text in (
            ("main", cmd_main, "release, grade the sample class, print grades, write reports"),
            ("release", cmd_release, "nbgrader generate_assignment for each assignment"),
            ("sample", cmd_sample, "put the bundled sample class into submitted/"),
            ("grade", cmd_grade, "grade every submission in parallel (resumable)"),
            ("table", cmd_table, "print the grade table from the gradebook"),
            ("report", cmd_report, "write reports/<assignment>/index.html and scores.csv"),
            ("corpus", cmd_corpus, "corpus size and catch rate of each hidden suite")):
        command = sub.add_parser(name, help=help_text)
        command.add_argument("assignments", nargs="*", help="default: every assignment")
        command.set_defaults(function=function)
        if name == "grade":
            command.add_argument("--student", action="append", help="grade only this student "
                                 "(repeatable)")
            command.add_argument("--workers", type=int, help="parallel workers (default: cores)")
            command.add_argument("--scheduler", help="a Dask scheduler address to grade on")
            command.add_argument("--cell-timeout", type=int, default=30, help="seconds per cell")
            command.add_argument("--call-timeout", type=float, default=10.0,
                                 help="seconds per graded call")
            command.add_argument("--submission-timeout", type=float, default=900.0,
                                 help="seconds per submission")
            command.add_argument("--force", action="store_true",
                                 help="regrade submissions an earlier run finished")
    args = parser.parse_args(argv)
    return args.function(args) or 0


if __name__ == "__main__":
    sys.exit(main())
