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


def _value(v):
    """A float for a 0-d result, the array itself for a stack."""
    return float(v) if np.ndim(v) == 0 else v


def bowl(xy):
    """The round bowl ``0.5 * (x**2 + y**2)``.

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
    >>> bowl([3.0, 4.0])
    12.5
    >>> bowl(np.stack(np.meshgrid([0.0, 2.0], [0.0, 1.0]))).tolist()
    [[0.0, 2.0], [0.5, 2.5]]
    """
    x, y = np.asarray(xy, dtype=float)
    return _value(0.5 * (x**2 + y**2))


def bowl_grad(xy):
    """The gradient of :func:`bowl`, ``[x, y]``.

    A step of size ``lr`` multiplies the point by the contraction factor
    ``1 - lr`` (see :func:`contraction_factor`).

    Examples
    --------
    >>> bowl_grad([3.0, -4.0])
    array([ 3., -4.])
    """
    return np.array(xy, dtype=float)


def contraction_factor(lr):
    """The factor ``1 - lr`` by which one step of size ``lr`` scales a point of the bowl.

    ``|1 - lr| < 1`` converges: monotonically for ``lr <= 1``, jumping across
    the minimum for ``1 < lr < 2``; ``lr > 2`` diverges. This is ``0 < lr < 2/L``
    with curvature ``L = 1``.

    Examples
    --------
    >>> [contraction_factor(lr) for lr in (0.05, 0.5, 1.0, 1.5, 2.5)]
    [0.95, 0.5, 0.0, -0.5, -1.5]
    """
    return 1.0 - float(lr)


def twisted_bowl(xy, c):
    """The bowl with a cross term, ``0.5 * (x**2 + y**2) + c * x * y``.

    The Hessian ``[[1, c], [c, 1]]`` has eigenvalues ``1 - c`` and ``1 + c``
    along the diagonals: the cross term twists the valley by 45 degrees and
    narrows it, and for ``|c| > 1`` it is a saddle.

    Parameters
    ----------
    xy : array_like, shape (2, ...)
        A point or a stack of coordinate grids, as for :func:`bowl`.
    c : float
        The strength of the cross term.

    Examples
    --------
    >>> twisted_bowl([1.0, 2.0], 0.5)
    3.5
    >>> twisted_bowl([1.0, -1.0], 2.0)  # a saddle: downhill along x = -y
    -1.0
    """
    x, y = np.asarray(xy, dtype=float)
    return _value(0.5 * (x**2 + y**2) + c * x * y)


def twisted_bowl_grad(xy, c):
    """The gradient of :func:`twisted_bowl`, ``[x + c y, y + c x]``.

    Examples
    --------
    >>> twisted_bowl_grad([1.0, 2.0], 0.5)
    array([2. , 2.5])
    """
    x, y = np.asarray(xy, dtype=float)
    return np.array([x + c * y, y + c * x])


def max_stable_lr(hessian):
    """The stability bound ``2 / λ_max`` of gradient descent on a quadratic.

    On ``f(x) = 0.5 * x @ H @ x`` a step multiplies the component along an
    eigenvector of ``H`` by ``1 - lr * λ``, so every component shrinks exactly
    when ``0 < lr < 2 / λ_max``.

    Parameters
    ----------
    hessian : array_like, shape (n, n)
        A symmetric positive definite matrix.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``hessian`` is not square, not symmetric or not positive definite.

    Examples
    --------
    >>> max_stable_lr([[1.0, 0.0], [0.0, 1.0]])
    2.0
    >>> max_stable_lr([[1.0, 0.5], [0.5, 1.0]])  # the twisted bowl, c = 0.5
    1.3333333333333333
    >>> max_stable_lr([[1.0, 2.0], [2.0, 1.0]])
    Traceback (most recent call last):
    ...
    ValueError: the Hessian is not positive definite (smallest eigenvalue -1)
    """
    h = np.asarray(hessian, dtype=float)
    if h.ndim != 2 or h.shape[0] != h.shape[1]:
        raise ValueError(f"the Hessian must be a square matrix, not shape {h.shape}")
    if not np.allclose(h, h.T, rtol=1e-10, atol=0.0):
        raise ValueError("the Hessian is not symmetric")
    eigenvalues = np.linalg.eigvalsh(h)
    if not eigenvalues[0] > 0:
        raise ValueError("the Hessian is not positive definite "
                         f"(smallest eigenvalue {eigenvalues[0]:.6g})")
    return 2.0 / float(eigenvalues[-1])


def quadratic_path(x0, alpha, iters):
    """The iterates of gradient descent on ``f(x) = x**2``.

    ``f'(x) = 2x``, so ``x_{t+1} = x_t - α 2 x_t = (1 - 2α) x_t``.

    Parameters
    ----------
    x0 : float
        The starting point.
    alpha : float
        The learning rate.
    iters : int
        The number of steps.

    Returns
    -------
    ndarray, shape (iters + 1,)
        ``x_0, x_1, ..., x_iters``.

    Examples
    --------
    >>> quadratic_path(1.0, 0.25, 3)
    array([1.   , 0.5  , 0.25 , 0.125])
    >>> quadratic_path(1.0, 1.2, 3)
    array([ 1.   , -1.4  ,  1.96 , -2.744])
    """
    factors = np.full(int(iters) + 1, 1.0 - 2.0 * alpha)
    factors[0] = x0
    with np.errstate(over="ignore"):
        return np.cumprod(factors)


def classify_alpha(alpha):
    """How gradient descent on ``f(x) = x**2`` behaves with learning rate ``alpha``.

    Returns
    -------
    str
        ``"monotone"`` for ``0 < α <= 0.5`` (the factor ``1 - 2α`` is in
        ``[0, 1)``), ``"oscillating"`` for ``0.5 < α < 1`` (factor in
        ``(-1, 0)``), ``"cycling"`` for ``α == 1`` (factor ``-1``),
        ``"divergent"`` for ``α > 1``.

    Raises
    ------
    ValueError
        For ``α <= 0``, which is not a descent step.

    Examples
    --------
    >>> [classify_alpha(a) for a in (0.05, 0.5, 0.75, 1.0, 1.2)]
    ['monotone', 'monotone', 'oscillating', 'cycling', 'divergent']
    """
    alpha = float(alpha)
    if not alpha > 0:
        raise ValueError(f"the learning rate must be positive, got {alpha}")
    if alpha <= 0.5:
        return "monotone"
    if alpha < 1:
        return "oscillating"
    if alpha == 1:
        return "cycling"
    return "divergent"


def iteration_table(x0=1.0, alphas=(0.05, 0.5, 1.2), iters=5):
    """The iterates of :func:`quadratic_path` side by side, one column per ``alpha``.

    Examples
    --------
    >>> print(iteration_table(iters=3))
     t   α=0.05    α=0.5    α=1.2
     0        1        1        1
     1      0.9        0     -1.4
     2     0.81        0     1.96
     3    0.729        0   -2.744
    """
    paths = [quadratic_path(x0, a, iters) for a in alphas]
    rows = [f"{'t':>2}" + "".join(f"{'α=' + format(a, 'g'):>9}" for a in alphas)]
    for t in range(iters + 1):
        rows.append(f"{t:>2}" + "".join(f"{p[t]:>9.4g}" for p in paths))
    return "\n".join(rows)


def _single_final_loss(f, grad_f, x0, lr, n_steps):
    """The final loss of one run of :func:`lr_sweep` (``np.inf`` once non-finite)."""
    x = x0.copy()
    loss = float(f(x))
    for _ in range(n_steps):
        if not np.isfinite(loss):
            break
        x = x - lr * np.asarray(grad_f(x), dtype=float)
        loss = float(f(x))
    return loss if np.isfinite(loss) and np.isfinite(x).all() else np.inf


def _stacked_final_losses(f, grad_f, x0, lrs, n_steps):
    """:func:`lr_sweep` on a stack; ``None`` if ``f`` or ``grad_f`` cannot take one."""
    k = lrs.size
    xs = np.repeat(x0[..., np.newaxis], k, axis=-1)
    try:
        losses = np.asarray(f(xs), dtype=float)
        grads = np.asarray(grad_f(xs), dtype=float)
        stackable = (losses.shape == (k,) and grads.shape == xs.shape
                     and np.allclose(losses, f(x0), equal_nan=True)
                     and np.allclose(grads, np.expand_dims(grad_f(x0), -1), equal_nan=True))
    except (ValueError, TypeError, IndexError):
        stackable = False
    if not stackable:
        return None

    final = np.full(k, np.inf)
    alive = np.arange(k)
    if not np.isfinite(losses).all():
        return final
    for _ in range(n_steps):
        xs = xs - lrs * grad_f(xs)
        losses = f(xs)
        finite = np.isfinite(losses)
        if not finite.all():
            xs, lrs, alive, losses = xs[..., finite], lrs[finite], alive[finite], losses[finite]
            if alive.size == 0:
                break
    # A non-finite coordinate stays non-finite under x - lr * g (inf - finite is
    # inf, anything with nan is nan), so checking the coordinates once at the end
    # catches every run that ever left the finite numbers.
    finite = np.isfinite(xs).all(axis=tuple(range(xs.ndim - 1)))
    final[alive[finite]] = losses[finite]
    return final


def lr_sweep(f, grad_f, x0, lrs, n_steps):
    """Final losses of plain gradient descent from ``x0``, one per learning rate.

    Every run takes exactly ``n_steps`` steps ``x = x - lr * grad_f(x)`` (no
    tolerance stop) and reports ``f`` at its last point, or ``np.inf`` if a
    coordinate or the loss ever became non-finite (the run stops there).

    All learning rates run at once, as one vectorized computation: ``f`` and
    ``grad_f`` are called on a stack of ``k = len(lrs)`` points with the
    coordinates first and the learning-rate axis last, the same convention as
    the ``(2, ...)`` meshgrid stacks. For a point ``x0`` of shape ``(d,)`` the
    stack has shape ``(d, k)``, column ``j`` being run ``j``; ``f`` must return
    shape ``(k,)`` and ``grad_f`` shape ``(d, k)``. :func:`bowl`,
    :func:`himmelblau`, :func:`quartic` (``x0`` a scalar, stack ``(k,)``) and
    ``reference.rosenbrock.rosenbrock`` work this way, with their gradients.
    Functions that cannot take a stack (``lambda x: x @ x``, or anything that
    raises, returns another shape or disagrees with its single-point value on
    the stack) are run the slow way instead, one learning rate at a time, with
    the same results.

    Parameters
    ----------
    f, grad_f : callable
        The loss and its gradient.
    x0 : array_like
        The common starting point; not modified.
    lrs : array_like, shape (k,)
        The learning rates.
    n_steps : int
        The number of steps of every run.

    Returns
    -------
    ndarray, shape (k,)
        The final losses.

    Examples
    --------
    The quartic of Exercise 2 from ``x0 = 4``, 20 steps: ``0.001`` is still on
    its way, ``0.01`` is nearly at the minimum ``f(2.25) = -6.543``, ``0.05``
    jumps to ``x = -1.6`` and crawls back across the flat point ``x = 0`` to it,
    and ``0.1`` overshoots ever further and diverges:

    >>> lr_sweep(quartic, quartic_grad, 4.0, [0.001, 0.01, 0.05, 0.1], 20).round(4)
    array([ 0.4461, -6.5427, -6.543 ,     inf])
    """
    x0 = np.array(x0, dtype=float)
    lrs = np.asarray(lrs, dtype=float).reshape(-1)
    with np.errstate(over="ignore", invalid="ignore"):
        final = _stacked_final_losses(f, grad_f, x0, lrs, n_steps)
        if final is None:
            final = np.array([_single_final_loss(f, grad_f, x0, lr, n_steps) for lr in lrs])
    return final


def quartic(x):
    """The quartic of Exercise 2, ``x**4 - 3 x**3 + 2``; elementwise on arrays.

    Examples
    --------
    >>> quartic(0.0), quartic(2.25)
    (2.0, -6.54296875)
    """
    x = np.asarray(x, dtype=float)
    return _value(x**4 - 3.0 * x**3 + 2.0)


def quartic_grad(x):
    """The derivative of :func:`quartic`, ``4 x**3 - 9 x**2 = x**2 (4x - 9)``.

    Examples
    --------
    >>> quartic_grad(np.array([0.0, 1.0, 2.25]))
    array([ 0., -5.,  0.])
    """
    x = np.asarray(x, dtype=float)
    return 4.0 * x**3 - 9.0 * x**2


def quartic_critical_points():
    """The sorted zeros of :func:`quartic_grad`: ``x**2 (4x - 9) = 0``.

    ``x = 0`` is a flat inflection point (the derivative does not change sign)
    and ``x = 9/4`` the minimum.

    Examples
    --------
    >>> quartic_critical_points()
    array([0.  , 2.25])
    """
    return np.array([0.0, 2.25])


HIMMELBLAU_MINIMA = np.array([[3.0, 2.0],
                              [-2.805118, 3.131312],
                              [-3.779310, -3.283186],
                              [3.584428, -1.848126]])
"""Himmelblau's four minima (all with ``f = 0``), to six decimals."""


def himmelblau(xy):
    """Himmelblau's function, ``(x**2 + y - 11)**2 + (x + y**2 - 7)**2``.

    It has four minima with value 0 (:data:`HIMMELBLAU_MINIMA`), so where
    gradient descent ends depends on where it starts.

    Parameters
    ----------
    xy : array_like, shape (2, ...)
        A point or a stack of coordinate grids, as for :func:`bowl`.

    Examples
    --------
    >>> himmelblau([3.0, 2.0]), himmelblau([0.0, 0.0])
    (0.0, 170.0)
    """
    x, y = np.asarray(xy, dtype=float)
    return _value((x**2 + y - 11.0) ** 2 + (x + y**2 - 7.0) ** 2)


def himmelblau_grad(xy):
    """The gradient of :func:`himmelblau`; also takes a ``(2, ...)`` stack.

    ``df/dx = 4x (x**2 + y - 11) + 2 (x + y**2 - 7)`` and
    ``df/dy = 2 (x**2 + y - 11) + 4y (x + y**2 - 7)``.

    Examples
    --------
    >>> himmelblau_grad([3.0, 2.0])
    array([0., 0.])
    >>> himmelblau_grad([0.0, 0.0])
    array([-14., -22.])
    """
    x, y = np.asarray(xy, dtype=float)
    a = x**2 + y - 11.0
    b = x + y**2 - 7.0
    return np.array([4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b])


def multi_start(f, grad_f, starts, lr, n_steps):
    """:func:`gradient_descent` from each of several starting points.

    Parameters
    ----------
    starts : array_like, shape (k, d)
        One starting point per row; not modified.
    lr, n_steps
        As for :func:`gradient_descent` (with its default ``tol``).

    Returns
    -------
    ndarray, shape (k, d)
        The final point of each run.

    Examples
    --------
    Each corner of the square rolls into a different one of Himmelblau's minima:

    >>> multi_start(himmelblau, himmelblau_grad,
    ...             [[4, 4], [-4, 4], [-4, -4], [4, -4]], lr=0.01, n_steps=500).round(4)
    array([[ 3.    ,  2.    ],
           [-2.8051,  3.1313],
           [-3.7793, -3.2832],
           [ 3.5844, -1.8481]])
    """
    starts = np.asarray(starts, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        ends = [gradient_descent(f, grad_f, s, lr=lr, n_steps=n_steps)[0] for s in starts]
    return np.array(ends).reshape(starts.shape)


def noisy_gradient(grad_f, sigma, rng):
    """``grad_f`` plus Gaussian noise: a first model of a stochastic gradient.

    Parameters
    ----------
    grad_f : callable
        The true gradient.
    sigma : float
        The standard deviation of the noise in every coordinate.
    rng : numpy.random.Generator
        The source of the noise, drawn afresh at every call.

    Returns
    -------
    callable
        ``g(x) = grad_f(x) + sigma * rng.standard_normal(x.shape)``.

    Examples
    --------
    >>> g = noisy_gradient(bowl_grad, 0.1, np.random.default_rng(0))
    >>> g(np.array([1.0, 2.0])).round(3)
    array([1.013, 1.987])
    """
    def g(x):
        return (np.asarray(grad_f(x), dtype=float)
                + sigma * rng.standard_normal(np.shape(x)))

    return g
