"""The kit's batch grader against stock ``nbgrader autograde`` on the same class.

Builds a class of N notebooks from the validity corpus of an assignment, grades it
with stock nbgrader (serial, one kernel per notebook, hidden blocks in the student's
kernel) and with ``autograder grade`` (sandboxed, parallel, warm workers), requires
identical scores cell by cell, and prints both times and their ratio. It also runs the
same notebooks' cells and hidden suites in one warm process without isolation (the
floor of ``bench_overhead.py``), which bounds what any grader that runs them could
reach on the same cores.

    python bench/bench_grading.py [--assignment ps3_rosenbrock] [--size 40] [--workers 2]
"""

import argparse
import tempfile
import time

from bench_overhead import floor_seconds
from common import corpus_class, course, scores

from autograder import batch


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", default="ps3_rosenbrock")
    parser.add_argument("--size", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        stock = corpus_class(f"{tmp}/stock", args.assignment, args.size, stock=True)
        kit = corpus_class(f"{tmp}/kit", args.assignment, args.size)

        start = time.perf_counter()
        course.nbgrader("autograde", args.assignment, "--log-level=ERROR", course=stock, quiet=True)
        stock_seconds = time.perf_counter() - start

        start = time.perf_counter()
        outcomes = batch.grade(args.assignment, root=kit, workers=args.workers, progress=False,
                               options=batch.Options(feedback=False))
        kit_seconds = time.perf_counter() - start

        floor = floor_seconds(kit, args.assignment)

        assert all(o.ok for o in outcomes), [o for o in outcomes if not o.ok]
        stock_scores, kit_scores = scores(stock, args.assignment), scores(kit, args.assignment)
        differ = {s: (stock_scores[s], kit_scores.get(s)) for s in stock_scores
                  if stock_scores[s] != kit_scores.get(s)}
        assert not differ, f"scores differ: {differ}"
    print(f"{args.assignment}, {args.size} notebooks, identical scores")
    print(f"stock nbgrader autograde (serial):       {stock_seconds:7.1f} s  "
          f"{stock_seconds / args.size:5.2f} s/notebook")
    print(f"autograder grade ({args.workers} workers, sandboxed):  {kit_seconds:7.1f} s  "
          f"{kit_seconds / args.size:5.2f} s/notebook")
    print(f"throughput ratio: {stock_seconds / kit_seconds:.1f}x")
    bound = stock_seconds / args.size / (floor / args.workers)
    print(f"the notebooks' own work in a warm process: {floor:.2f} s/notebook, so no grader "
          f"that runs them on {args.workers} cores exceeds {bound:.1f}x")


if __name__ == "__main__":
    main()
