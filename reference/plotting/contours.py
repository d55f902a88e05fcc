"""Contour plots with descent paths, and loss curves on a log scale."""

import matplotlib.pyplot as plt
import numpy as np


def grid(xlim, ylim, n=300):
    """A ``(2, n, n)`` stack of coordinates covering ``xlim`` by ``ylim``.

    Examples
    --------
    >>> grid((-1, 1), (0, 2), n=3)[:, 0, :].tolist()
    [[-1.0, 0.0, 1.0], [0.0, 0.0, 0.0]]
    """
    xs = np.linspace(*xlim, n)
    ys = np.linspace(*ylim, n)
    return np.stack(np.meshgrid(xs, ys))


def _points(path):
    """An ``(n, 2)`` array from a history of ``(x, f(x))`` pairs or of points."""
    first = path[0]
    if isinstance(first, tuple) and len(first) == 2 and np.ndim(first[0]) == 1:
        path = [x for x, _ in path]
    return np.asarray(path, dtype=float).reshape(len(path), -1)


def contour_with_paths(f, paths=(), labels=None, xlim=(-2, 2), ylim=(-1, 3),
                       levels="log", optimum=None, ax=None, n=300):
    """Contours of ``f`` with descent paths drawn on top.

    Parameters
    ----------
    f : callable
        Accepts a ``(2, n, n)`` coordinate stack and returns ``(n, n)`` values.
    paths : sequence
        Each a history of ``(x, f(x))`` pairs or a sequence of 2-D points.
    labels : sequence of str, optional
        One legend entry per path.
    levels : "log", int or sequence, optional
        ``"log"`` spaces 30 levels geometrically between the grid's smallest
        positive value and its largest, which shows a narrow valley's floor.
    optimum : array_like, optional
        Marked with a star.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 5))
    xy = grid(xlim, ylim, n)
    z = np.asarray(f(xy), dtype=float)
    if isinstance(levels, str) and levels == "log":
        positive = z[z > 0]
        levels = np.geomspace(max(positive.min(), 1e-3), z.max(), 30)
    ax.contour(xy[0], xy[1], z, levels=levels, cmap="viridis", linewidths=0.8)
    labels = list(labels) if labels is not None else [None] * len(paths)
    for path, label in zip(paths, labels):
        pts = _points(path)
        ax.plot(pts[:, 0], pts[:, 1], ".-", ms=2, lw=1, label=label)
        ax.plot(*pts[0], "o", color="black", ms=4)
    if optimum is not None:
        ax.plot(*optimum, "*", color="red", ms=12, label="minimum")
    if any(labels) or optimum is not None:
        ax.legend(loc="best", fontsize="small")
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    return ax


def loss_curves(curves, labels=None, ax=None, log=True):
    """Loss against step for each curve, on a log scale by default.

    Parameters
    ----------
    curves : sequence
        Each a sequence of losses, or a history of ``(x, f(x))`` pairs.
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))
    labels = list(labels) if labels is not None else [None] * len(curves)
    for curve, label in zip(curves, labels):
        values = [v for _, v in curve] if isinstance(curve[0], tuple) else curve
        ax.plot(np.arange(len(values)), np.asarray(values, dtype=float), label=label)
    if log:
        ax.set_yscale("log")
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    if any(labels):
        ax.legend(loc="best", fontsize="small")
    return ax
