"""Animated GIFs for the lectures: a marble rolling downhill, learning rates racing.

The GIFs are written with matplotlib's Pillow writer, so nothing beyond
matplotlib is needed. A run of more than ``max_frames`` steps is shown at
``max_frames`` evenly spaced steps, which keeps every GIF small and quick to make.
"""

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.animation import PillowWriter

MAX_FRAMES = 60


def _square(x):
    return x**2


def _square_grad(x):
    return 2 * x


def descent_1d(grad_f, x0, lr, n_steps):
    """The ``n_steps + 1`` iterates of gradient descent on a function of one variable.

    After a divergence the iterates are ``inf`` or ``nan`` (without warnings).

    Examples
    --------
    >>> descent_1d(lambda x: 2 * x, 1.0, lr=0.25, n_steps=3)
    array([1.   , 0.5  , 0.25 , 0.125])
    """
    xs = np.empty(n_steps + 1)
    xs[0] = x0
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(n_steps):
            xs[t + 1] = xs[t] - lr * float(grad_f(xs[t]))
    return xs


def _frames(n_steps, max_frames):
    """At most ``max_frames`` steps from 0 to ``n_steps``, evenly spaced, both ends included."""
    return np.unique(np.linspace(0, n_steps, min(n_steps + 1, max_frames)).round().astype(int))


def _default_xlim(xs):
    """The span of the iterates within ``3 * max(abs(x0), 1)`` of 0, widened by half each side."""
    reach = 3 * max(abs(xs[0]), 1.0)
    near = xs[np.isfinite(xs) & (np.abs(xs) <= reach)]
    pad = 0.5 * (near.max() - near.min()) or 1.0
    return near.min() - pad, near.max() + pad


def _marble_panel(ax, f, xs, xlim):
    """Draw ``f`` on ``ax``; returns ``draw(t)`` that puts the marble at ``xs[t]`` with its trail."""
    grid = np.linspace(*xlim, 200)
    curve = np.array([f(x) for x in grid], dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        heights = np.array([f(x) for x in xs], dtype=float)
    ax.plot(grid, curve, color="0.3")
    margin = 0.1 * (curve.max() - curve.min()) or 1.0
    ax.set_xlim(xlim)
    ax.set_ylim(curve.min() - margin, curve.max() + margin)
    trail, = ax.plot([], [], ".-", color="tab:blue", alpha=0.5, lw=1)
    marble, = ax.plot([], [], "o", color="tab:red", ms=12)

    def draw(t):
        trail.set_data(xs[:t + 1], heights[:t + 1])
        marble.set_data(xs[t:t + 1], heights[t:t + 1])

    return draw


def _save(fig, update, frames, path, fps, dpi):
    """Write one GIF frame per step in ``frames``, drawn by ``update(step)``."""
    writer = PillowWriter(fps=fps)
    try:
        update(frames[0])
        fig.tight_layout()  # once: laying out every frame would cost more than drawing it
        with writer.saving(fig, path, dpi):
            for t in frames:
                update(t)
                writer.grab_frame()
    finally:
        plt.close(fig)
    return Path(path)


def marble_gif(path, f, grad_f, x0, lr, n_steps, xlim=None, fps=8,
               max_frames=MAX_FRAMES, dpi=80):
    """A GIF of a marble rolling down ``f`` by gradient descent: ``x = x - lr * grad_f(x)``.

    Parameters
    ----------
    path : str or Path
        Where to write the GIF.
    f, grad_f : callable
        A function of one float and its derivative.
    x0, lr, n_steps :
        The start, the learning rate and the number of steps.
    xlim : (float, float), optional
        The part of the curve shown; by default the span of the iterates that
        stay within three times ``max(abs(x0), 1)`` of 0, widened by half on
        each side.
    max_frames : int, optional
        At most this many frames.

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     gif = marble_gif(Path(tmp) / "marble.gif", _square, _square_grad,
    ...                      x0=2.0, lr=0.1, n_steps=5)
    ...     gif.read_bytes()[:6]
    b'GIF89a'
    """
    xs = descent_1d(grad_f, x0, lr, n_steps)
    fig, ax = plt.subplots(figsize=(5, 3.5))
    draw = _marble_panel(ax, f, xs, _default_xlim(xs) if xlim is None else xlim)
    ax.set_xlabel("x")
    ax.set_ylabel("f(x)")

    def update(t):
        draw(t)
        ax.set_title(f"learning rate {lr:g}, step {t}: x = {xs[t]:.4g}")

    return _save(fig, update, _frames(n_steps, max_frames), path, fps, dpi)


def lr_race_gif(path, lrs=(0.05, 0.4, 0.9, 1.05), x0=1.5, n_steps=30, f=_square,
                grad_f=_square_grad, xlim=(-3.0, 3.0), fps=6, max_frames=MAX_FRAMES, dpi=80):
    """A GIF of several learning rates racing from ``x0``, one panel each.

    By default on ``f(x) = x**2``, where a step multiplies ``x`` by
    ``1 - 2 * lr``: 0.05 is slow, 0.4 is quick, 0.9 oscillates in and 1.05
    oscillates out of the picture.

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     gif = lr_race_gif(Path(tmp) / "race.gif", lrs=(0.1, 1.1), n_steps=4)
    ...     gif.read_bytes()[:6]
    b'GIF89a'
    """
    fig, axes = plt.subplots(1, len(lrs), figsize=(2.6 * len(lrs), 2.8), sharey=True,
                             squeeze=False)
    draws = []
    for ax, lr in zip(axes[0], lrs):
        draws.append(_marble_panel(ax, f, descent_1d(grad_f, x0, lr, n_steps), xlim))
        ax.set_title(f"learning rate {lr:g}")
        ax.set_xlabel("x")

    def update(t):
        for draw in draws:
            draw(t)
        fig.suptitle(f"step {t}")

    return _save(fig, update, _frames(n_steps, max_frames), path, fps, dpi)
