"""Build a class of submissions from *variants* of an assignment's solutions.

A variant is a small Python file in "percent" format. Each ``# %% <grade_id>``
section replaces the code of that solution cell; every cell it doesn't mention
gets the reference solution from the source notebook, so a variant states only
how it differs. Header comments say what grading it should get::

    # about: rosenbrock_grad with the sign of df/dy flipped
    # breaks: test_rosenbrock_grad test_run_milestone
    # %% rosenbrock_grad
    def rosenbrock_grad(xy):
        ...

``breaks`` lists autograded cells that must lose points, ``zero`` cells that
must score nothing; every other autograded cell must get full marks. A section
``# %% after <grade_id>`` inserts a new code cell after that cell, and a
``# %% release`` header (no code) starts from the untouched release instead of
the reference solutions.

The sample class, the grading-validity corpus and the benchmarks all build
their classes with :func:`build_class`.
"""

import copy
import dataclasses
import pathlib
import re
import shutil

import nbformat

SOLUTION = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.MULTILINE)


@dataclasses.dataclass
class Variant:
    name: str
    about: str = ""
    breaks: tuple = ()
    zero: tuple = ()
    cells: dict = dataclasses.field(default_factory=dict)
    inserts: dict = dataclasses.field(default_factory=dict)
    from_release: bool = False

    @classmethod
    def read(cls, path):
        path = pathlib.Path(path)
        variant = cls(path.stem)
        section, lines = None, []

        def close():
            if section is None:
                return
            code = "\n".join(lines).strip("\n")
            if section.startswith("after "):
                variant.inserts.setdefault(section[6:].strip(), []).append(code)
            elif section == "release":
                variant.from_release = True
            else:
                variant.cells[section] = code

        for line in path.read_text().splitlines():
            header = re.match(r"#\s*%%\s*(.*)$", line)
            if header:
                close()
                section, lines = header.group(1).strip(), []
            elif section is None:
                meta = re.match(r"#\s*(about|breaks|zero):\s*(.*)$", line)
                if meta:
                    key, value = meta.groups()
                    setattr(variant, key, value.strip() if key == "about" else tuple(value.split()))
            else:
                lines.append(line)
        close()
        return variant

    def expected(self, cell, score, max_score):
        """Whether a cell's score is what this variant should get."""
        if cell in self.zero:
            return score == 0
        if cell in self.breaks:
            return score < max_score
        return score == max_score


def reference_solution(source):
    """A source cell's text with the solution markers removed."""
    return SOLUTION.sub("", source).rstrip()


def grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def submission(release_nb, source_nb, variant):
    """The notebook a student with this variant would hand in."""
    nb = copy.deepcopy(release_nb)
    solutions = {grade_id(c): reference_solution(c.source) for c in source_nb.cells
                 if c.metadata.get("nbgrader", {}).get("solution")}
    unknown = (set(variant.cells) | set(variant.inserts)) - {grade_id(c) for c in nb.cells}
    if unknown:
        raise ValueError(f"variant {variant.name} names cells the notebook lacks: {sorted(unknown)}")
    cells = []
    for cell in nb.cells:
        gid = grade_id(cell)
        if gid in variant.cells:
            cell.source = variant.cells[gid]
        elif gid in solutions and not variant.from_release:
            cell.source = solutions[gid]
        cells.append(cell)
        for n, code in enumerate(variant.inserts.get(gid, [])):
            extra = nbformat.v4.new_code_cell(code)
            extra.id = f"{cell.get('id', gid)}-added-{n}"
            cells.append(extra)
    nb.cells = cells
    return nb


def read_variants(folder):
    """The variants in a folder, by name."""
    return {path.stem: Variant.read(path) for path in sorted(pathlib.Path(folder).glob("*.py"))}


def build_class(course, assignment, variants, notebook=None):
    """Write ``submitted/<student>/<assignment>/`` for each ``{student: Variant}``."""
    course = pathlib.Path(course)
    release_dir = course / "release" / assignment
    names = [notebook] if notebook else [p.stem for p in sorted(release_dir.glob("*.ipynb"))]
    for name in names:
        release_nb = nbformat.read(release_dir / f"{name}.ipynb", as_version=4)
        source_nb = nbformat.read(course / "source" / assignment / f"{name}.ipynb", as_version=4)
        for student, variant in variants.items():
            target = course / "submitted" / student / assignment / f"{name}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(submission(release_nb, source_nb, variant), target)
    return sorted(variants)


def scratch_course(target, course):
    """A copy of a course's config and sources at ``target``, for tests and
    benchmarks that grade classes without touching the real gradebook (run
    ``nbgrader generate_assignment`` there before building a class)."""
    target, course = pathlib.Path(target), pathlib.Path(course)
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(course / "nbgrader_config.py", target)
    for folder in ("source",):
        if (course / folder).is_dir():
            shutil.copytree(course / folder, target / folder, dirs_exist_ok=True)
    return target
