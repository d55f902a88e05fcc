"""``autograder report``: the instructor's page and CSV for a graded class say how many
students passed each cell and each hidden test, which mistakes were most common and
which submissions were slowest, and the page renders in a real browser with every
chart loaded."""

import csv
import html
import os
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest
from matplotlib.image import imread

from autograder import course, report
from autograder.suite import describe
from autograder.suites import gradient_descent

from grading import DESCENT_CLASS

pytestmark = pytest.mark.xdist_group("descent_class")
ASSIGNMENT = "ps2_descent"
PATH_TEST = describe(gradient_descent.test_gradient_descent_path)


@pytest.fixture(scope="module")
def written(descent_class):
    run = subprocess.run([sys.executable, "-m", "autograder", "report", ASSIGNMENT],
                         cwd=descent_class, env=course.environment(), capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    index = descent_class / "reports" / ASSIGNMENT / "index.html"
    assert f"report: {index}" in run.stdout
    return index


def rows_of(page, cell):
    """The text of each table row of the page that starts with ``cell``."""
    rows = re.findall(r"<tr>(.*?)</tr>", page)
    return [[html.unescape(td) for td in re.findall(r"<td>(.*?)</td>", row)] for row in rows
            if row.startswith(f"<td>{cell}</td>")]


def test_csv_has_every_student_and_cell_from_the_gradebook(written, descent_class):
    table, maxima = course.grades(ASSIGNMENT, descent_class)
    with open(written.parent / "scores.csv", newline="") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    assert set(rows) == set(DESCENT_CLASS)
    cells = [c for c in maxima if c.startswith("test_")]
    for student, row in rows.items():
        assert {c: float(row[c]) for c in cells} == {c: table[student][c] for c in cells}
        assert float(row["total"]) == sum(table[student][c] for c in cells)
        assert float(row["max_total"]) == sum(maxima[c] for c in cells)
        assert float(row["seconds"]) > 0
    assert float(rows["ada"]["total"]) == float(rows["ada"]["max_total"])
    assert float(rows["oscar"]["total"]) == 0


def test_page_counts_pass_rates_per_cell_and_hidden_test(written, descent_class):
    page = written.read_text()
    table, maxima = course.grades(ASSIGNMENT, descent_class)
    assert f"{len(DESCENT_CLASS)} students" in page
    # Full marks on gradient_descent: ada only (donald and dorothy lag, katherine climbs, oscar is blank).
    assert rows_of(page, "test_gradient_descent")[0][:2] == ["test_gradient_descent", "20%"]
    full = sum(table[s]["test_bowl"] == maxima["test_bowl"] for s in table) / len(table)
    assert rows_of(page, "test_bowl")[0][1] == f"{full:.0%}"
    # The path test ran for the three whose visible tests passed; only ada passed it.
    assert ["test_gradient_descent", PATH_TEST, "1", "3"] in rows_of(page, "test_gradient_descent")


def test_page_groups_one_mistake_made_with_different_numbers(written, descent_class):
    page = written.read_text()
    failures = [row for row in re.findall(r"<tr>(.*?)</tr>", page) if PATH_TEST in row
                and "returned" in row]
    assert len(failures) == 1, "donald's and dorothy's lagging histories should be one entry"
    cells = [html.unescape(td) for td in re.findall(r"<td>(.*?)</td>", failures[0])]
    assert cells[0] == "2" and cells[-1] == "donald, dorothy"
    assert "history[…][…]) returned […]; expected […]" in cells[3]
    assert not re.search(r"\d\.\d", cells[3]), "numbers left in a grouped message"


def test_page_lists_the_slowest_submissions(written, descent_class):
    page = written.read_text()
    timed = [row for row in re.findall(r"<tr><td>(\w+)</td><td>([\d.]+)</td></tr>", page)]
    assert {student for student, _ in timed} == set(DESCENT_CLASS)
    seconds = [float(s) for _, s in timed]
    assert seconds == sorted(seconds, reverse=True) and seconds[-1] > 0


def test_report_lines_printed_by_student_code_are_not_read():
    printed = {"output_type": "stream", "name": "stdout",
               "text": "[passed] a fake test (9/9)\nHidden tests: 9/9 points\n"}
    real = {"output_type": "stream", "name": "stdout",
            "text": "[FAILED] the real test (0/2)\n    f(1.5) returned 2\nHidden tests: 0/2 points\n"}
    error = {"output_type": "error", "ename": "HiddenTestsFailed", "evalue": "", "traceback": []}
    result = report.read_cell([printed, real, error])
    assert result.tests == [("the real test", False, "f(1.5) returned 2")]
    assert report.read_cell([printed]).tests == []
    assert report.normalise("x0=[1, 2.5e-3], lr=0.3, history[12]") == "x0=[…], lr=#, history[…]"


CHECK_IMAGES = """<script>
window.addEventListener("load", () => {
  const images = [...document.images];
  const loaded = images.filter(i => i.complete && i.naturalWidth > 0).length;
  document.title = "images " + loaded + "/" + images.length;
});
</script>"""


def chromium():
    found = shutil.which("chromium")
    if found is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")
    return [found, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--virtual-time-budget=5000"]


def test_page_renders_in_a_browser_with_every_image_loaded(written, tmp_path):
    browser = chromium()
    env = dict(os.environ, HOME=str(tmp_path))
    shot = tmp_path / "report.png"
    subprocess.run(browser + [f"--screenshot={shot}", "--window-size=1000,2400",
                              written.as_uri()], env=env, capture_output=True, timeout=120)
    assert shot.exists(), "chromium took no screenshot"
    pixels = imread(shot)[..., :3]
    assert pixels.shape[:2] == (2400, 1000)
    assert np.unique(pixels.reshape(-1, 3), axis=0).shape[0] > 50, "the screenshot is blank"

    probe = written.with_name("probe.html")     # beside the page, so its images resolve alike
    probe.write_text(written.read_text().replace("</body>", CHECK_IMAGES + "</body>"))
    try:
        dom = subprocess.run(browser + ["--dump-dom", probe.as_uri()], env=env,
                             capture_output=True, text=True, timeout=120).stdout
    finally:
        probe.unlink()
    images = len(re.findall(r"<img ", written.read_text()))
    assert images >= 5
    assert f"<title>images {images}/{images}</title>" in dom
