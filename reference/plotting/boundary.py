"""Decision regions of a classifier, with its training points."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm, ListedColormap

from .contours import grid


def decision_boundary(predict, X, y, ax=None, n=300, margin=0.5, alpha=0.3,
                      title=None):
    """Shade the plane by the class ``predict`` assigns, and draw the data on top.

    Parameters
    ----------
    predict : callable
        Maps an ``(m, 2)`` array of points to ``m`` integer class labels.
    X : array_like, shape (N, 2)
        The data points.
    y : array_like of int, shape (N,)
        Their true classes; each class keeps one colour in regions and points.
    n : int, optional
        The grid has ``n`` by ``n`` points.
    margin : float, optional
        How far the plotted area extends beyond the data on every side.
    alpha : float, optional
        Opacity of the shaded regions.
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> X = np.array([[-1.0, 0.0], [1.0, 1.0]])
    >>> ax = decision_boundary(lambda P: (P[:, 0] > 0).astype(int), X, [0, 1], n=20)
    >>> [float(v) for v in ax.get_xlim() + ax.get_ylim()]
    [-1.5, 1.5, -0.5, 1.5]
    >>> plt.close(ax.figure)
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 5))
    low, high = X.min(axis=0) - margin, X.max(axis=0) + margin
    xlim = (float(low[0]), float(high[0]))
    ylim = (float(low[1]), float(high[1]))
    xy = grid(xlim, ylim, n)
    labels = np.asarray(predict(xy.reshape(2, -1).T)).reshape(n, n)
    k = int(max(labels.max(), y.max())) + 1
    levels = np.arange(k + 1) - 0.5
    cmap = ListedColormap(plt.get_cmap("tab10").colors[:k])
    norm = BoundaryNorm(levels, k)
    ax.contourf(xy[0], xy[1], labels, levels=levels, cmap=cmap, norm=norm, alpha=alpha)
    ax.scatter(X[:, 0], X[:, 1], c=y, cmap=cmap, norm=norm, s=20, edgecolors="black",
               linewidths=0.5)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title)
    return ax
