"""The Rosenbrock milestone (``ps3_rosenbrock``).

``f(x, y) = (1 - x)**2 + 100 * (y - x**2)**2`` has its only minimum at
``(1, 1)``, at the bottom of a long, curved, flat-floored valley: the gradient
across the valley is hundreds of times steeper than along it, so a constant step
small enough to be stable across is tiny along.
"""

import numpy as np

from .descent import gradient_descent

OPTIMUM = np.array([1.0, 1.0])


def rosenbrock(xy):
    """The Rosenbrock function, ``(1 - x)**2 + 100 * (y - x**2)**2``.

    Parameters
    ----------
    xy : array_like, shape (2, ...)
        A point ``(x, y)``, or a stack of coordinate grids such as
        ``np.stack(np.meshgrid(xs, ys))``.

    Returns
    -------
    float or ndarray
        A float for a point, an array of shape ``xy.shape[1:]`` for a stack.

    Examples
    --------
    >>> rosenbrock([1.0, 1.0])
    0.0
    >>> rosenbrock([-1.0, 1.0])
    4.0
    >>> rosenbrock(np.stack(np.meshgrid([0.0, 1.0], [0.0, 1.0]))).tolist()
    [[1.0, 100.0], [101.0, 0.0]]
    """
    x, y = np.asarray(xy, dtype=float)
    value = (1.0 - x) ** 2 + 100.0 * (y - x**2) ** 2
    return float(value) if np.ndim(value) == 0 else value


def rosenbrock_grad(xy):
    """The gradient of :func:`rosenbrock`.

    ``df/dx = -2 (1 - x) - 400 x (y - x**2)`` and ``df/dy = 200 (y - x**2)``.

    Examples
    --------
    >>> rosenbrock_grad([2.0, 4.0])
    array([2., 0.])
    >>> rosenbrock_grad([-1.0, 1.0])
    array([-4.,  0.])
    """
    x, y = np.asarray(xy, dtype=float)
    return np.array([-2.0 * (1.0 - x) - 400.0 * x * (y - x**2), 200.0 * (y - x**2)])


def rosenbrock_hessian(xy):
    """The 2x2 Hessian of :func:`rosenbrock`.

    Examples
    --------
    At the minimum the curvature across the valley is 2500 times the curvature
    along it, which is why a constant step crawls:

    >>> h = rosenbrock_hessian([1.0, 1.0])
    >>> h
    array([[ 802., -400.],
           [-400.,  200.]])
    >>> [round(float(lam), 3) for lam in np.linalg.eigvalsh(h)]
    [0.399, 1001.601]
    """
    x, y = np.asarray(xy, dtype=float)
    dxx = 2.0 - 400.0 * (y - x**2) + 800.0 * x**2
    dxy = -400.0 * x
    return np.array([[dxx, dxy], [dxy, 200.0]])


def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    """Gradient descent on Rosenbrock from ``x0``; returns ``(x, history)``.

    Examples
    --------
    >>> x, history = run_milestone()
    >>> len(history), round(distance_to_optimum(x), 4)
    (10001, 0.0168)
    """
    return gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)


def distance_to_optimum(x):
    """Euclidean distance from ``x`` to the minimum ``(1, 1)``.

    Examples
    --------
    >>> distance_to_optimum([1.0, 4.0])
    3.0
    """
    return float(np.linalg.norm(np.asarray(x, dtype=float) - OPTIMUM))


def steps_to_tolerance(history, tol):
    """The first index ``t`` with ``distance_to_optimum(history[t][0]) < tol``.

    Returns ``None`` when no iterate gets that close.

    Examples
    --------
    >>> history = [([0.0, 0.0], 1.0), ([0.9, 0.9], 0.01), ([0.99, 1.0], 1e-4)]
    >>> steps_to_tolerance(history, 0.5), steps_to_tolerance(history, 1e-3)
    (1, None)
    """
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            return t
    return None
