"""Gradient descent and learning-rate experiments (``ps2_descent``)."""

import numpy as np


def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    """Minimise ``f`` by plain gradient descent with a constant step.

    Parameters
    ----------
    f : callable
        The loss, ``f(x) -> float``.
    grad_f : callable
        Its gradient, ``grad_f(x) -> ndarray`` of ``x``'s shape.
    x0 : array_like
        The starting point; it is copied, never modified.
    lr : float, optional
        The learning rate (step size).
    n_steps : int, optional
        The largest number of updates.
    tol : float, optional
        Stop, before updating, as soon as ``norm(grad_f(x)) < tol``.

    Returns
    -------
    x : ndarray
        The last iterate.
    history : list of (ndarray, float)
        ``history[0] == (x0, f(x0))`` and one ``(x, f(x))`` per update, so
        ``len(history) <= n_steps + 1``.

    Examples
    --------
    On the bowl ``f(x) = 0.5 * x @ x`` each step multiplies ``x`` by ``1 - lr``:

    >>> x, history = gradient_descent(lambda x: 0.5 * x @ x, lambda x: x,
    ...                               [4.0, -2.0], lr=0.5, n_steps=3)
    >>> x
    array([ 0.5 , -0.25])
    >>> len(history), history[0][1]
    (4, 10.0)
    """
    x = np.array(x0, dtype=float)
    history = [(x.copy(), float(f(x)))]
    for _ in range(n_steps):
        g = np.asarray(grad_f(x), dtype=float)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x.copy(), float(f(x))))
    return x, history
