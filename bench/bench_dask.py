"""The batch grader on a Dask cluster with one worker and with two.

    python bench/bench_dask.py [--assignment ps3_rosenbrock] [--size 16]
"""

import argparse
import tempfile
import time

from distributed import LocalCluster

from common import corpus_class, scores

from autograder import batch


def timed(path, assignment, workers):
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        start = time.perf_counter()
        outcomes = batch.grade(assignment, root=path, scheduler=cluster.scheduler_address,
                               progress=False, force=True, options=batch.Options(feedback=False))
        seconds = time.perf_counter() - start
    assert all(o.ok for o in outcomes)
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignment", default="ps3_rosenbrock")
    parser.add_argument("--size", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = corpus_class(f"{tmp}/class", args.assignment, args.size)
        one = timed(path, args.assignment, 1)
        first = scores(path, args.assignment)
        two = timed(path, args.assignment, 2)
        assert scores(path, args.assignment) == first
    print(f"{args.assignment}, {args.size} notebooks on a local Dask cluster, identical scores")
    print(f"1 worker:  {one:6.1f} s")
    print(f"2 workers: {two:6.1f} s")
    print(f"speed-up: {one / two:.2f}x")


if __name__ == "__main__":
    main()
