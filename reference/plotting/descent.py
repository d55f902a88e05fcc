"""Figures of ``ps2_descent``: learning rates compared, Himmelblau's basins, a sweep."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.transforms import blended_transform_factory

from ..descent import (HIMMELBLAU_MINIMA, bowl, bowl_grad, classify_alpha, contraction_factor,
                       gradient_descent, himmelblau, himmelblau_grad, quadratic_path)
from .contours import contour_with_paths

BOWL_LRS = {"slow": 0.05, "good": 0.5, "oscillating": 1.8, "divergent": 2.1}
QUADRATIC_ALPHAS = (0.05, 0.5, 1.2)
HIMMELBLAU_STARTS = ((4.0, 4.0), (-4.0, 4.0), (-4.0, -4.0), (4.0, -4.0), (0.0, 0.0))


def learning_rate_grid(bowl_lrs=None, alphas=QUADRATIC_ALPHAS, x0=(-2.4, 1.6),
                       n_steps=12):
    """The learning-rate comparison: the bowl on top, ``f(x) = x**2`` below.

    The top row runs :func:`~reference.descent.gradient_descent` on the bowl
    with one rate per panel (by default slow 0.05, good 0.5, oscillating 1.8
    and divergent 2.1), titled with its contraction factor ``1 - lr``. The
    bottom row draws :func:`~reference.descent.quadratic_path` on the parabola
    for each ``alpha`` (its first few iterates) and, last, ``|x_t|`` of all of
    them on a log scale.

    Parameters
    ----------
    bowl_lrs : dict of str to float, optional
        Panel title to learning rate; :data:`BOWL_LRS` by default.
    alphas : sequence of float
        Learning rates for ``f(x) = x**2`` (at most three are drawn as panels).
    x0 : array_like, shape (2,)
        The bowl's starting point; the parabola starts at ``x0[0]``.
    n_steps : int
        Steps of every run.

    Returns
    -------
    matplotlib.figure.Figure
        With a 2 x 4 grid of axes.

    Examples
    --------
    >>> fig = learning_rate_grid()
    >>> for ax in fig.axes[:4]:
    ...     print(ax.get_title())
    slow: lr = 0.05, factor 0.95
    good: lr = 0.5, factor 0.5
    oscillating: lr = 1.8, factor -0.8
    divergent: lr = 2.1, factor -1.1
    >>> fig.axes[4].get_title()
    'α = 0.05 (monotone)'
    >>> plt.close(fig)
    """
    bowl_lrs = BOWL_LRS if bowl_lrs is None else bowl_lrs
    fig, axes = plt.subplots(2, 4, figsize=(16, 7.5), layout="constrained")
    limit = 1.5 * np.abs(x0).max()
    for ax, (name, lr) in zip(axes[0], bowl_lrs.items()):
        with np.errstate(over="ignore", invalid="ignore"):
            _, history = gradient_descent(bowl, bowl_grad, x0, lr=lr, n_steps=n_steps)
        contour_with_paths(bowl, [history], xlim=(-limit, limit), ylim=(-limit, limit),
                           levels=12, optimum=(0.0, 0.0), ax=ax, n=200)
        ax.set_title(f"{name}: lr = {lr:g}, factor {contraction_factor(lr):g}")
        ax.set_aspect("equal")

    x_start = float(np.asarray(x0, dtype=float)[0])
    for ax, alpha in zip(axes[1, :3], alphas):
        path = quadratic_path(x_start, alpha, n_steps)
        reach = 1.1 * np.abs(path[:5]).max()
        xs = np.linspace(-reach, reach, 200)
        ax.plot(xs, xs**2, color="lightgray")
        shown = path[np.abs(path) <= reach]
        ax.plot(shown, shown**2, ".-", lw=1)
        ax.plot(shown[0], shown[0] ** 2, "o", color="black", ms=4)
        ax.set_title(f"α = {alpha:g} ({classify_alpha(alpha)})")
        ax.set_xlabel("x")
        ax.set_ylabel("f(x) = x²")
    ax = axes[1, 3]
    for alpha in alphas:
        path = np.abs(quadratic_path(x_start, alpha, n_steps))
        ax.semilogy(np.arange(n_steps + 1), np.where(path > 0, path, np.nan), ".-",
                    label=f"α = {alpha:g}")
    ax.set_title("|x_t| on f(x) = x²")
    ax.set_xlabel("step t")
    ax.legend(fontsize="small")
    return fig


def himmelblau_basins(starts=HIMMELBLAU_STARTS, lr=0.01, n_steps=500, ax=None):
    """Gradient descent on Himmelblau's function from several starting points.

    Each path ends in the minimum of the basin it starts in; the four minima
    are marked with stars.

    Parameters
    ----------
    starts : array_like, shape (k, 2)
        The starting points.
    lr, n_steps
        As for :func:`~reference.descent.gradient_descent`.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = himmelblau_basins()
    >>> len(ax.get_legend().get_texts())
    6
    >>> plt.close(ax.figure)
    """
    histories = [gradient_descent(himmelblau, himmelblau_grad, s, lr=lr, n_steps=n_steps)[1]
                 for s in np.asarray(starts, dtype=float)]
    labels = [f"from ({s[0]:g}, {s[1]:g})" for s in np.asarray(starts, dtype=float)]
    ax = contour_with_paths(himmelblau, histories, labels, xlim=(-5, 5), ylim=(-5, 5), ax=ax)
    ax.plot(*HIMMELBLAU_MINIMA.T, "*", color="red", ms=12, label="minima")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize="small")
    ax.set_title("Himmelblau: which minimum depends on the start")
    ax.set_aspect("equal")
    return ax


def lr_sweep_plot(lrs, losses, ax=None):
    """Final loss against learning rate on log-log axes, from :func:`~reference.descent.lr_sweep`.

    Runs that diverged (``np.inf``) are marked with red crosses along the top
    edge. The losses must be positive to be drawn on a log scale (subtract the
    minimum value first for a function whose minimum is not 0).

    Parameters
    ----------
    lrs, losses : array_like, shape (k,)
        The learning rates and the final losses.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = lr_sweep_plot([0.1, 1.0, 1.9, 2.5], [1e-9, 1e-30, 1e-3, np.inf])
    >>> ax.get_xscale(), ax.get_yscale(), len(ax.lines)
    ('log', 'log', 2)
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))
    lrs = np.asarray(lrs, dtype=float)
    losses = np.asarray(losses, dtype=float)
    finite = np.isfinite(losses)
    ax.loglog(lrs[finite], losses[finite], ".-", label="final loss")
    if not finite.all():
        top = blended_transform_factory(ax.transData, ax.transAxes)
        ax.plot(lrs[~finite], np.full((~finite).sum(), 0.97), "x", color="red",
                transform=top, label="diverged")
    ax.set_xlabel("learning rate")
    ax.set_ylabel("final loss")
    ax.legend(loc="best", fontsize="small")
    return ax
