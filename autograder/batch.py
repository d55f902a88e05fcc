"""``autograder grade``: a whole class at once, in parallel, resumable.

Each submission is graded by nbgrader's own ``autograde`` and ``generate_feedback``
apps, with the kit's config, so the gradebook, ``autograded/`` and ``feedback/`` are
exactly what ``nbgrader autograde`` writes. What differs is around them: workers
grade submissions side by side (a process pool here, or a Dask cluster), each keeps
one warm sandbox that it resets between notebooks, and a run that was stopped picks
up where it left off.
"""

import contextlib
import dataclasses
import hashlib
import io
import json
import logging
import os
import pathlib
import threading
import time

from . import budget, course, engines

MARKER = ".graded"


@dataclasses.dataclass
class Options:
    cell_timeout: int = 30
    call_timeout: float = 10.0
    submission_timeout: float = 900.0
    feedback: bool = True


@dataclasses.dataclass
class Outcome:
    student: str
    ok: bool
    seconds: float
    message: str = ""
    skipped: bool = False
    note: str = ""


def submissions(root, assignment, students=None):
    """The students with a folder in ``submitted/<student>/<assignment>/``."""
    found = sorted(p.parent.name for p in pathlib.Path(root, "submitted").glob(f"*/{assignment}")
                   if p.is_dir())
    return [s for s in found if not students or s in students]


def fingerprint(root, assignment, student):
    """What a grade depends on: the submission's files and the course's config."""
    digest = hashlib.sha256()
    folder = pathlib.Path(root, "submitted", student, assignment)
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    digest.update(pathlib.Path(root, "nbgrader_config.py").read_bytes())
    for path in sorted(pathlib.Path(root, "source", assignment).glob("*.ipynb")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def marker(root, assignment, student):
    return pathlib.Path(root, "autograded", student, assignment, MARKER)


def _read_marker(root, assignment, student):
    """What a finished run recorded: ``{"fingerprint": ..., "seconds": ...}``, or ``{}``."""
    try:
        record = json.loads(marker(root, assignment, student).read_text())
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def done(root, assignment, student):
    """Whether this exact submission was graded to the end by an earlier run."""
    recorded = _read_marker(root, assignment, student).get("fingerprint")
    return recorded == fingerprint(root, assignment, student)


def timings(root, assignment):
    """``{student: seconds}`` that grading each submission took, as recorded by the
    runs that graded them (submissions graded otherwise have no time)."""
    times = {}
    for student in submissions(root, assignment):
        seconds = _read_marker(root, assignment, student).get("seconds")
        if isinstance(seconds, (int, float)):
            times[student] = float(seconds)
    return times


_worker = {}


def _app_args(assignment, student, options):
    return [assignment, f"--student={student}", "--force", "--log-level=ERROR",
            f"--SecureExecute.timeout={options.cell_timeout}",
            f"--SecureExecute.call_timeout={options.call_timeout}"]


def _run_app(app_class, argv):
    """Run an nbgrader app in this process; ``(ok, what it logged)``."""
    app = app_class()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    try:
        app.initialize(argv)
        app.log.addHandler(handler)
        app.start()
        ok = True
    except SystemExit as exc:
        ok = not exc.code
    except Exception as exc:  # an nbgrader failure for this one submission
        stream.write(f"{type(exc).__name__}: {exc}\n")
        ok = False
    finally:
        app.log.removeHandler(handler)
        app.clear_instance()
    return ok, stream.getvalue()


def grade_one(root, assignment, student, options):
    """Grade one submission (runs in a worker); an :class:`Outcome`."""
    from nbgrader.apps import AutogradeApp, GenerateFeedbackApp

    start = time.monotonic()
    os.chdir(root)
    os.environ["PATH"] = course.environment()["PATH"]
    path = marker(root, assignment, student)
    path.unlink(missing_ok=True)
    with contextlib.redirect_stderr(io.StringIO()), engines.shared():
        ok, log = _run_app(AutogradeApp, _app_args(assignment, student, options))
        if ok and options.feedback:
            ok, more = _run_app(GenerateFeedbackApp, [assignment, f"--student={student}", "--force",
                                                       "--log-level=ERROR"])
            log += more
    seconds = time.monotonic() - start
    if ok:
        path.write_text(json.dumps({"fingerprint": fingerprint(root, assignment, student),
                                    "seconds": round(seconds, 3)}) + "\n")
    return Outcome(student, ok, seconds, "" if ok else _last_error(log))


def _last_error(log):
    lines = [line for line in log.splitlines() if line.strip()]
    return lines[-1][:300] if lines else "nbgrader reported a failure"


def _init_worker():
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("MPLBACKEND", "agg")


class SubmissionTimeout(Exception):
    pass


#: Seconds past its limit before a submission whose grading itself hangs (not its
#: cells or calls: those keep to the budget) is given up on, where a signal can do it.
GRACE = 120.0


#: A process grades one submission at a time: its warm sandbox, working directory
#: and nbgrader's apps are the process's own. A Dask worker with several threads
#: takes its tasks in turn (run workers with one thread each to use every core).
_one_at_a_time = threading.Lock()


def _guarded(root, assignment, student, options):
    """:func:`grade_one` under the per-submission time limit: a budget its cells and
    calls keep to (:mod:`autograder.budget`), and in a process's main thread an alarm
    after :data:`GRACE` more seconds, should nbgrader's own steps hang."""
    import signal

    with _one_at_a_time, budget.limit(options.submission_timeout) as spent:
        if threading.current_thread() is not threading.main_thread():
            return _noted(grade_one(root, assignment, student, options), spent)

        def expire(signum, frame):
            raise SubmissionTimeout(f"grading took longer than {options.submission_timeout + GRACE:g} s")

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, options.submission_timeout + GRACE)
        try:
            return _noted(grade_one(root, assignment, student, options), spent)
        except SubmissionTimeout as exc:
            return Outcome(student, False, options.submission_timeout + GRACE, str(exc))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _noted(outcome, spent):
    if spent.ran_out:
        outcome.note = (f"its time limit ({spent.seconds:g} s) ran out {spent.ran_out}: that and "
                        "what followed scored 0 (regrade it with --force --student and a larger "
                        "--submission-timeout)")
    return outcome


#: What a submission whose grading process died is told (its notebook's own
#: failures are caught inside that process; this is the process itself gone).
DIED = ("its grading process died (memory exhausted, or killed from outside); "
        "the other submissions were graded")


def _local(root, assignment, students, options, workers, work=None):
    """Grade in a pool of worker processes (``work`` is :func:`_guarded`). A worker
    that dies breaks the pool and every submission in flight: those are graded
    again, one per pool, so that only the one that kills its worker is left ungraded."""
    import concurrent.futures
    import multiprocessing
    context = multiprocessing.get_context("spawn")
    queue, alone = list(students), False
    while queue:
        batch, queue = (queue[:1], queue[1:]) if alone else (queue, [])
        lost = []
        with concurrent.futures.ProcessPoolExecutor(1 if alone else workers, mp_context=context,
                                                    initializer=_init_worker) as pool:
            futures = {pool.submit(work or _guarded, str(root), assignment, s, options): s for s in batch}
            for future in concurrent.futures.as_completed(futures):
                try:
                    yield future.result()
                except concurrent.futures.process.BrokenProcessPool:
                    lost.append(futures[future])
        if alone:
            yield from (Outcome(s, False, 0.0, DIED) for s in lost)
        elif lost:
            queue, alone = [s for s in batch if s in lost], True


def _dask(root, assignment, students, options, scheduler):
    from distributed import Client, as_completed
    with Client(scheduler) as client:
        futures = {client.submit(_guarded, str(root), assignment, s, options, key=f"grade-{assignment}-{s}",
                                 pure=False): s for s in students}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 -- a worker lost (KilledWorker) and the like
                yield Outcome(futures[future], False, 0.0, f"{DIED} ({type(exc).__name__})")


def grade(assignment, root=None, students=None, workers=None, scheduler=None, options=None,
          force=False, progress=True):
    """Grade every submission of ``assignment``; returns the :class:`Outcome` list.

    Submissions graded to the end by an earlier run (same files, same config) are
    skipped unless ``force``; so a run that was stopped can simply be run again.
    """
    from nbgrader.api import Gradebook, MissingEntry
    root = pathlib.Path(root or course.root())
    options = options or Options()
    with Gradebook(course.db_url(root)) as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            raise SystemExit(f"{assignment} is not in the gradebook: run `autograder release "
                             f"{assignment}` (nbgrader generate_assignment) first") from None
    everyone = submissions(root, assignment, students)
    todo = [s for s in everyone if force or not done(root, assignment, s)]
    outcomes = [Outcome(s, True, 0.0, skipped=True) for s in everyone if s not in todo]
    if todo:
        workers = workers or min(len(todo), os.cpu_count() or 1)
        runner = (_dask(root, assignment, todo, options, scheduler) if scheduler
                  else _local(root, assignment, todo, options, workers))
        bar = _bar(len(todo), assignment, progress)
        for outcome in runner:
            outcomes.append(outcome)
            bar.update(1)
            if not outcome.ok:
                bar.write(f"  {outcome.student}: not graded: {outcome.message}")
            elif outcome.note:
                bar.write(f"  {outcome.student}: {outcome.note}")
        bar.close()
    return sorted(outcomes, key=lambda o: o.student)


def _bar(total, assignment, enabled):
    from tqdm import tqdm
    return tqdm(total=total, desc=f"grading {assignment}", unit="notebook", disable=not enabled,
                dynamic_ncols=True)


def summary(assignment, outcomes, root=None):
    """Students, mean score, failures and the slowest submissions, as text."""
    table, maxima = course.grades(assignment, root)
    auto = [c for c in maxima if c.startswith("test_")]
    total = sum(maxima[c] for c in auto)
    scores = [sum(table[s].get(c) or 0 for c in auto) for s in table]
    graded = [o for o in outcomes if not o.skipped]
    failed = [o for o in outcomes if not o.ok]
    lines = [f"{assignment}: {len(outcomes)} students ({len(graded)} graded now, "
             f"{len(outcomes) - len(graded)} already graded), {len(failed)} failures"]
    if scores:
        lines.append(f"  autograded mean {sum(scores) / len(scores):.2f} / {total:g}")
    for outcome in failed:
        lines.append(f"  failed: {outcome.student}: {outcome.message}")
    for outcome in graded:
        if outcome.note:
            lines.append(f"  out of time: {outcome.student}: {outcome.note}")
    slowest = sorted(graded, key=lambda o: -o.seconds)[:3]
    if slowest:
        lines.append("  slowest: " + ", ".join(f"{o.student} {o.seconds:.1f} s" for o in slowest))
    return "\n".join(lines)
