"""Surfaces, gradient fields and finite-difference errors (``ps1_gradients``)."""

import matplotlib.pyplot as plt
import numpy as np

from ..gradients import difference_errors
from .contours import grid


def surface_3d(f, xlim=(-3, 3), ylim=(-3, 3), ax=None, n=100):
    """The graph ``z = f(x, y)`` as a 3-D surface.

    Parameters
    ----------
    f : callable
        Accepts a ``(2, n, n)`` coordinate stack and returns ``(n, n)`` values.
    ax : Axes, optional
        A 3-D Axes (``projection="3d"``); a new figure when None.

    Examples
    --------
    >>> from reference.gradients import sin_cos
    >>> ax = surface_3d(sin_cos, n=20)
    >>> ax.name, len(ax.collections)
    ('3d', 1)
    >>> plt.close(ax.figure)
    """
    if ax is None:
        ax = plt.figure(figsize=(7, 5)).add_subplot(projection="3d")
    xy = grid(xlim, ylim, n)
    z = np.asarray(f(xy), dtype=float)
    ax.plot_surface(xy[0], xy[1], z, cmap="viridis", linewidth=0, antialiased=True)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_zlabel("f(x, y)")
    return ax


def contour_with_gradients(f, grad_f, xlim=(-3, 3), ylim=(-3, 3), n_arrows=15,
                           ax=None, n=200):
    """Filled contours of ``f`` with gradient arrows on an ``n_arrows`` grid.

    The axes have equal aspect and the arrows are drawn in data coordinates,
    so each arrow visibly crosses its level set at a right angle, pointing
    uphill.

    Parameters
    ----------
    f : callable
        Accepts a ``(2, n, n)`` coordinate stack and returns ``(n, n)`` values.
    grad_f : callable
        The gradient at a point, ``grad_f(xy) -> ndarray`` of shape ``(2,)``.

    Examples
    --------
    >>> from reference.gradients import sin_cos, sin_cos_grad
    >>> ax = contour_with_gradients(sin_cos, sin_cos_grad, n_arrows=5)
    >>> ax.collections[-1].N
    25
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 6))
    xy = grid(xlim, ylim, n)
    filled = ax.contourf(xy[0], xy[1], np.asarray(f(xy), dtype=float), levels=20,
                         cmap="viridis")
    ax.figure.colorbar(filled, ax=ax, shrink=0.8, label="f(x, y)")
    arrows_at = grid(xlim, ylim, n_arrows)
    g = np.apply_along_axis(lambda p: np.asarray(grad_f(p), dtype=float), 0, arrows_at)
    ax.quiver(arrows_at[0], arrows_at[1], g[0], g[1], angles="xy", color="white",
              pivot="tail")
    ax.set_aspect("equal")
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    return ax


def h_error_plot(f, dfdx, x, hs=None, ax=None):
    """Error of the central difference against ``h``, on log-log axes.

    The right branch has slope 2 (truncation), the left slope -1 (round-off);
    a dashed line marks the step with the smallest error.

    Parameters
    ----------
    f, dfdx : callable
        A function of one variable and its exact derivative.
    x : float
        Where to differentiate.
    hs : array_like, optional
        The steps, as in :func:`reference.gradients.difference_errors`.

    Examples
    --------
    >>> ax = h_error_plot(np.sin, np.cos, 1.0)
    >>> ax.get_xscale(), ax.get_yscale()
    ('log', 'log')
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))
    hs, errors = difference_errors(f, dfdx, x, hs)
    # An exact hit has zero error, which a log axis cannot show.
    errors = np.maximum(errors, np.finfo(float).tiny)
    ax.loglog(hs, errors, ".-", label="central difference")
    best = hs[np.argmin(errors)]
    ax.axvline(best, color="gray", ls="--", label=f"best h ≈ {best:.0e}")
    ax.set_xlabel("h")
    ax.set_ylabel("absolute error")
    ax.legend(loc="best", fontsize="small")
    return ax
