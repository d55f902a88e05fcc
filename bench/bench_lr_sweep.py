"""Speed of ``lr_sweep`` against looping single gradient-descent runs.

64 learning rates geometric between 1e-5 and 2e-3, 10,000 steps each, on
Rosenbrock from (-1, 1). The loop is the course's ``gradient_descent`` (with
``tol=0`` so every run takes all its steps), one run per rate. Both must give
the same final losses. Goal: ``lr_sweep`` at least 30 times faster. For
reference it also times the cheapest possible loop (no history, no norm).
Each timing is the best of ``REPEAT`` calls.

    python bench/bench_lr_sweep.py
"""

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reference.descent import gradient_descent, lr_sweep  # noqa: E402
from reference.rosenbrock import rosenbrock, rosenbrock_grad  # noqa: E402

X0 = (-1.0, 1.0)
LRS = np.geomspace(1e-5, 2e-3, 64)
N_STEPS = 10_000
REPEAT = 3


def looped(lrs):
    """One ``gradient_descent`` run per rate; ``np.inf`` where a run left the finite numbers."""
    losses = []
    with np.errstate(over="ignore", invalid="ignore"):
        for lr in lrs:
            x, history = gradient_descent(rosenbrock, rosenbrock_grad, X0, lr=lr,
                                          n_steps=N_STEPS, tol=0.0)
            finite = np.isfinite(x).all() and all(np.isfinite(v) for _, v in history)
            losses.append(history[-1][1] if finite else np.inf)
    return np.array(losses)


def bare_loops(lrs):
    """The same runs as plain loops without a history (the cheapest single runs)."""
    losses = []
    with np.errstate(over="ignore", invalid="ignore"):
        for lr in lrs:
            x = np.array(X0)
            loss = rosenbrock(x)
            for _ in range(N_STEPS):
                x = x - lr * rosenbrock_grad(x)
                loss = rosenbrock(x)
                if not np.isfinite(loss):
                    break
            losses.append(loss if np.isfinite(loss) and np.isfinite(x).all() else np.inf)
    return np.array(losses)


def timed(fn, repeat=REPEAT):
    """The result of ``fn()`` and its best wall-clock time over ``repeat`` calls."""
    best = np.inf
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return result, best


def main():
    swept, t_sweep = timed(lambda: lr_sweep(rosenbrock, rosenbrock_grad, X0, LRS, N_STEPS))
    loops, t_loop = timed(lambda: looped(LRS))
    bare, t_bare = timed(lambda: bare_loops(LRS))
    np.testing.assert_allclose(swept, loops, rtol=1e-12)
    np.testing.assert_allclose(swept, bare, rtol=1e-12)
    print(f"{LRS.size} learning rates x {N_STEPS} steps on Rosenbrock from {X0}: "
          f"final losses {swept.min():.3g} .. {swept.max():.3g}, all three agree")
    print(f"lr_sweep (vectorized):      {t_sweep:7.3f} s")
    print(f"gradient_descent, looped:   {t_loop:7.3f} s  speed-up {t_loop / t_sweep:5.1f}x"
          " (goal >= 30x)")
    print(f"bare loop without history:  {t_bare:7.3f} s  speed-up {t_bare / t_sweep:5.1f}x")


if __name__ == "__main__":
    main()
