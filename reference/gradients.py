"""Derivatives, gradients and the chain rule (``ps1_gradients``).

A derivative can be estimated without calculus by the central difference
``(f(x + h) - f(x - h)) / (2h)``, whose error shrinks like ``h**2`` until
round-off in ``f(x + h) - f(x - h)`` takes over. Comparing an analytic gradient
with that estimate, coordinate by coordinate, is the gradient check that every
later assignment relies on.
"""

import numpy as np


def numerical_derivative(f, x, h=1e-5):
    """The central difference ``(f(x + h) - f(x - h)) / (2h)`` at a scalar ``x``.

    Parameters
    ----------
    f : callable
        A function of one real variable, ``f(x) -> float``.
    x : float
        Where to differentiate.
    h : float, optional
        The half-width of the difference.

    Returns
    -------
    float
        An estimate of ``f'(x)`` with error of order ``h**2``.

    Examples
    --------
    >>> round(numerical_derivative(lambda x: x**3, 2.0), 6)
    12.0
    >>> round(numerical_derivative(np.sin, 0.0), 8)
    1.0
    """
    x = float(x)
    return float((f(x + h) - f(x - h)) / (2.0 * h))


def numerical_gradient(f, x, h=1e-5):
    """Central differences of ``f`` along every coordinate of ``x``.

    Parameters
    ----------
    f : callable
        A scalar function of an array, ``f(x) -> float``.
    x : array_like
        The point, of any shape; it is never modified.
    h : float, optional
        The half-width of each difference.

    Returns
    -------
    ndarray
        A float64 array of ``x``'s shape whose entry ``i`` estimates
        ``df/dx[i]``.

    Examples
    --------
    >>> x = np.array([1.0, -2.0, 3.0])
    >>> np.round(numerical_gradient(lambda v: np.sum(v**2), x), 6)
    array([ 2., -4.,  6.])
    >>> x
    array([ 1., -2.,  3.])
    >>> numerical_gradient(lambda m: m[0, 1] * m[1, 0], [[0.0, 2.0], [3.0, 0.0]]).round(6)
    array([[0., 3.],
           [2., 0.]])
    """
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2.0 * h)
    return grad


def rel_error(a, b):
    """The largest elementwise relative error between ``a`` and ``b``.

    ``max(abs(a - b) / maximum(1e-8, abs(a) + abs(b)))``; the floor of ``1e-8``
    keeps entries where both are zero from dividing by zero.

    Returns
    -------
    float

    Examples
    --------
    >>> rel_error([1.0, 2.0], [1.0, 2.0])
    0.0
    >>> rel_error([1.0, 3.0], [1.0, 1.0])
    0.5
    >>> rel_error(0.0, 0.0)
    0.0
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


def gradient_check(f, grad_f, x, h=1e-5):
    """``rel_error`` between ``grad_f(x)`` and ``numerical_gradient(f, x, h)``.

    Around ``1e-7`` or less means the analytic gradient is right; a wrong sign
    or a wrong factor gives something of the order of the mistake.

    Examples
    --------
    >>> x = np.array([0.3, -1.2])
    >>> gradient_check(sin_cos, sin_cos_grad, x) < 1e-7
    True
    >>> gradient_check(sin_cos, lambda xy: -sin_cos_grad(xy), x)
    1.0
    """
    x = np.array(x, dtype=float)
    numeric = numerical_gradient(f, x, h)
    return rel_error(grad_f(x), numeric)


def sin_cos(xy):
    """``f(x, y) = sin(x) + cos(y)``.

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
    >>> sin_cos([0.0, 0.0])
    1.0
    >>> sin_cos(np.stack(np.meshgrid([0.0, np.pi / 2], [0.0, np.pi]))).round(12)
    array([[ 1.,  2.],
           [-1.,  0.]])
    """
    x, y = np.asarray(xy, dtype=float)
    value = np.sin(x) + np.cos(y)
    return float(value) if np.ndim(value) == 0 else value


def sin_cos_grad(xy):
    """The gradient of :func:`sin_cos`, ``[cos x, -sin y]``.

    Works on a point ``(2,)`` and, coordinate-wise, on a ``(2, ...)`` stack.

    Examples
    --------
    >>> sin_cos_grad([0.0, np.pi / 2])
    array([ 1., -1.])
    """
    x, y = np.asarray(xy, dtype=float)
    return np.array([np.cos(x), -np.sin(y)])


def sin_squared_grad(x):
    """The derivative of ``sin(x)**2``: by the chain rule ``2 sin(x) cos(x)``.

    Parameters
    ----------
    x : float or array_like
        Works elementwise.

    Returns
    -------
    float or ndarray
        A float for a scalar, an array of ``x``'s shape otherwise.

    Examples
    --------
    >>> sin_squared_grad(np.pi / 4)
    1.0
    >>> sin_squared_grad([0.0, np.pi / 4]).round(12)
    array([0., 1.])
    """
    x = np.asarray(x, dtype=float)
    value = 2.0 * np.sin(x) * np.cos(x)
    return float(value) if value.ndim == 0 else value


def directional_derivative(grad, u):
    """The rate of change along ``u``: ``grad · u / norm(u)``.

    Only the direction of ``u`` matters, so ``u`` need not be a unit vector.

    Raises
    ------
    ValueError
        If ``u`` is zero, which has no direction.

    Examples
    --------
    >>> directional_derivative([3.0, 4.0], [1.0, 0.0])
    3.0
    >>> directional_derivative([3.0, 4.0], [0.0, -2.0])
    -4.0

    Along the gradient itself the rate is the gradient's norm, the largest:

    >>> directional_derivative([3.0, 4.0], [3.0, 4.0])
    5.0
    """
    grad = np.asarray(grad, dtype=float)
    u = np.asarray(u, dtype=float)
    norm = np.linalg.norm(u)
    if norm == 0:
        raise ValueError("u must be a nonzero vector")
    return float(np.vdot(grad, u) / norm)


def difference_errors(f, dfdx, x, hs=None):
    """The error of :func:`numerical_derivative` at ``x`` for each step ``h``.

    Shows the trade-off in ``h``: truncation error falls like ``h**2`` as ``h``
    shrinks, round-off error grows like ``eps / h``, and the total is smallest
    near ``h ≈ eps**(1/3) ≈ 1e-5``.

    Parameters
    ----------
    f, dfdx : callable
        A function of one variable and its exact derivative.
    x : float
        Where to differentiate.
    hs : array_like, optional
        The steps; by default 61 from ``1e-15`` to ``1``, geometrically spaced.

    Returns
    -------
    hs, errors : ndarray
        The steps and ``abs(numerical_derivative(f, x, h) - dfdx(x))``.

    Examples
    --------
    >>> hs, errors = difference_errors(np.sin, np.cos, 1.0, [1e-1, 1e-5, 1e-13])
    >>> bool(errors[1] < 1e-9 < errors[0]), bool(errors[1] < 1e-9 < errors[2])
    (True, True)
    """
    hs = np.logspace(-15, 0, 61) if hs is None else np.asarray(hs, dtype=float)
    exact = float(dfdx(x))
    errors = np.array([abs(numerical_derivative(f, x, h) - exact) for h in hs])
    return hs, errors
