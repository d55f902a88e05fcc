"""Test landscapes for descent suites: functions that answer no exercise.

They are handed to a student's optimizer as the loss and gradient to follow. Being
no answer, they may run beside the student's code: a landscape's ``f`` or ``grad``
crosses the sandbox's boundary as its kind and numbers (:meth:`crossing`), and the
sandboxed side makes the same function again (:func:`function`), so an optimizer's
every step is not a round trip to the grader. A function that is, or builds on, a
graded answer never crosses this way; it stays a proxy.

Both sides import this module; it depends on numpy only.
"""

import numpy as np


class Bowl:
    """``f(x) = 0.5 (x - c)ᵀ A (x - c) + f0`` with a random SPD ``A``.

    Examples
    --------
    >>> bowl = Bowl.random(np.random.default_rng(0), dim=2)
    >>> float(bowl.f(bowl.centre)) == bowl.floor
    True
    """

    def __init__(self, a, centre, floor=0.0):
        self.a = np.asarray(a, dtype=float)
        self.centre = np.asarray(centre, dtype=float)
        self.floor = float(floor)

    @classmethod
    def random(cls, rng, dim=2, curvature=(0.5, 2.0)):
        q, _ = np.linalg.qr(rng.standard_normal((dim, dim)))
        eigenvalues = rng.uniform(*curvature, size=dim)
        return cls(q @ np.diag(eigenvalues) @ q.T, rng.uniform(-2, 2, size=dim),
                   rng.uniform(0.0, 1.0))

    def f(self, x):
        d = np.asarray(x, dtype=float) - self.centre
        return float(0.5 * d @ self.a @ d + self.floor)

    def values(self, xy):
        """``f`` on a ``(2, ...)`` stack of coordinates, as a contour plot needs.

        >>> bowl = Bowl(np.eye(2), [1.0, 0.0])
        >>> bowl.values(np.array([[1.0, 2.0], [0.0, 1.0]])).tolist()
        [0.0, 1.0]
        """
        d = np.moveaxis(np.asarray(xy, dtype=float), 0, -1) - self.centre
        return 0.5 * np.einsum("...i,ij,...j->...", d, self.a, d) + self.floor

    def grad(self, x):
        return self.a @ (np.asarray(x, dtype=float) - self.centre)

    def crossing(self):
        return _crossing(self, "Bowl", {"a": self.a, "centre": self.centre, "floor": self.floor})

    def __str__(self):
        return f"a quadratic bowl centred at {np.round(self.centre, 4).tolist()}"


class MatrixBowl:
    """A :class:`Bowl` over the entries of matrices of one shape, read row by row.

    >>> bowl = MatrixBowl(Bowl(np.eye(4), np.arange(4.0)), (2, 2))
    >>> bowl.grad(np.zeros((2, 2))).tolist()
    [[0.0, -1.0], [-2.0, -3.0]]
    """

    def __init__(self, bowl, shape):
        self.bowl, self.shape = bowl, tuple(shape)

    @classmethod
    def random(cls, rng, shape=(2, 3)):
        return cls(Bowl.random(rng, dim=int(np.prod(shape))), shape)

    @property
    def centre(self):
        return self.bowl.centre.reshape(self.shape)

    def f(self, x):
        return self.bowl.f(np.reshape(x, -1))

    def grad(self, x):
        return self.bowl.grad(np.reshape(x, -1)).reshape(np.shape(x))

    def crossing(self):
        inner = self.bowl.crossing()
        if inner is None or inner[0] != "Bowl":
            return None
        return _crossing(self, "MatrixBowl", {"bowl": inner[1], "shape": list(self.shape)})

    def __str__(self):
        rows, columns = self.shape
        return f"a quadratic bowl over {rows}×{columns} matrices, centred at {np.round(self.centre, 4).tolist()}"


def number(value):
    """A 0-d result as a Python float; an array as it is."""
    return float(value) if np.ndim(value) == 0 else value


class ScalarWell:
    """``f(x) = floor + ½ a (x - c)² + ¼ b (x - c)⁴`` of a number, elementwise on arrays.

    >>> well = ScalarWell(a=2.0, centre=1.0, floor=0.5, b=0.0)
    >>> well.f(3.0), well.grad(3.0)
    (4.5, 4.0)
    """

    def __init__(self, a, centre, floor, b):
        self.a, self.centre, self.floor, self.b = float(a), float(centre), float(floor), float(b)

    @classmethod
    def random(cls, rng):
        return cls(rng.uniform(0.5, 2.0), rng.uniform(-2, 2), rng.uniform(0, 1), rng.uniform(0.5, 1.5))

    def f(self, x):
        u = np.asarray(x, dtype=float) - self.centre
        return number(self.floor + 0.5 * self.a * u**2 + 0.25 * self.b * u**4)

    def grad(self, x):
        u = np.asarray(x, dtype=float) - self.centre
        return number(self.a * u + self.b * u**3)

    def crossing(self):
        return _crossing(self, "ScalarWell",
                         {"a": self.a, "centre": self.centre, "floor": self.floor, "b": self.b})

    def __str__(self):
        return f"a one-dimensional well centred at {self.centre:.4g}"


def coordinates_first(x, dim):
    """``x`` with its coordinates on the first axis, and whether it came as rows.

    A point has shape ``(dim,)``; a stack of points has the coordinates first,
    ``(dim, k)`` as the course's meshgrid stacks do, or one point per row,
    ``(k, dim)`` (the suites always use ``k != dim``, so there is no ambiguity).
    """
    x = np.asarray(x, dtype=float)
    if x.ndim >= 1 and x.shape[0] == dim:
        return x, False
    if x.ndim >= 2 and x.shape[-1] == dim:
        return np.moveaxis(x, -1, 0), True
    raise ValueError(f"expected a point of shape ({dim},) or a stack of such points, "
                     f"not an array of shape {x.shape}")


class QuarticBowl:
    """``f(x) = floor + ½ (x - c)ᵀ A (x - c) + ¼ b |x - c|⁴`` in ``d`` dimensions.

    A quadratic bowl for ``b = 0``; with ``b > 0`` a large step is thrown so far
    out that the run leaves the floating-point numbers within a few steps.
    ``f`` and ``grad`` take a point or a stack of points (see
    :func:`coordinates_first`), so a vectorized ``lr_sweep`` works as well as a loop.
    """

    def __init__(self, a, centre, floor, b=0.0):
        self.a = np.asarray(a, dtype=float)
        self.centre = np.asarray(centre, dtype=float)
        self.floor = float(floor)
        self.b = float(b)

    @classmethod
    def random(cls, rng, dim=2, b=0.0):
        bowl = Bowl.random(rng, dim=dim)
        return cls(bowl.a, bowl.centre, bowl.floor, b)

    def _offset(self, x):
        x, rows = coordinates_first(x, self.centre.size)
        return x - self.centre.reshape((-1,) + (1,) * (x.ndim - 1)), rows

    # The quartic terms are left out for b = 0, where 0 * inf would turn an overflowing
    # loss (+inf) or gradient into nan.
    def f(self, x):
        u, _ = self._offset(x)
        value = self.floor + 0.5 * np.sum(u * np.tensordot(self.a, u, axes=1), axis=0)
        if self.b:
            value = value + 0.25 * self.b * np.sum(u * u, axis=0)**2
        return number(value)

    def grad(self, x):
        u, rows = self._offset(x)
        g = np.tensordot(self.a, u, axes=1)
        if self.b:
            g = g + self.b * np.sum(u * u, axis=0) * u
        return np.moveaxis(g, 0, -1) if rows else g

    def crossing(self):
        return _crossing(self, "QuarticBowl",
                         {"a": self.a, "centre": self.centre, "floor": self.floor, "b": self.b})

    def __str__(self):
        shape = "quadratic bowl" if self.b == 0 else "bowl with a quartic rim"
        return f"a {shape} centred at {np.round(self.centre, 4).tolist()}"


class Dome(QuarticBowl):
    """A bowl upside down, ``f(x) = -0.5 (x - c)ᵀ diag(curvatures) (x - c) + f0``:
    unbounded below, so gradient descent runs away from ``c``, and ``f`` falls to
    ``-inf`` while the point is still finite. It crosses as the :class:`QuarticBowl` it
    is, and takes a stack of points as that does.

    >>> dome = Dome([1.0, 2.0], [0.0, 0.0])
    >>> dome.f(np.array([1.0, 1.0])), dome.grad(np.array([1.0, 1.0])).tolist()
    (-1.5, [-1.0, -2.0])
    """

    def __init__(self, curvatures, centre, floor=0.0):
        super().__init__(-np.diag(np.asarray(curvatures, dtype=float)), centre, floor, 0.0)

    def __str__(self):
        return f"an upside-down bowl (unbounded below) centred at {np.round(self.centre, 4).tolist()}"


class SquashedHill:
    """``grad_f(x) = -(x - c)``, the gradient of the hill ``-½ |x - c|²``, with the
    bounded loss ``f(x) = -arctan(½ |x - c|²)`` (between -π/2 and 0).

    Every run climbs away from ``c`` by the factor ``1 + lr`` a step, never changing
    sign, so with a large rate its coordinates overflow to ±inf and stay there, while
    ``f`` stays finite (-π/2) even at an infinite point. Points or stacks either way
    round, as for :class:`QuarticBowl`.
    """

    def __init__(self, centre):
        self.centre = np.asarray(centre, dtype=float)

    def _offset(self, x):
        x, rows = coordinates_first(x, self.centre.size)
        return x - self.centre.reshape((-1,) + (1,) * (x.ndim - 1)), rows

    def f(self, x):
        u, _ = self._offset(x)
        return number(-np.arctan(0.5 * np.sum(u * u, axis=0)))

    def grad(self, x):
        u, rows = self._offset(x)
        return np.moveaxis(-u, 0, -1) if rows else -u

    def crossing(self):
        return _crossing(self, "SquashedHill", {"centre": self.centre})

    def __str__(self):
        c = np.round(self.centre, 4).tolist()
        return (f"f(x) = -arctan(|x - c|² / 2) (a bounded loss) and grad_f(x) = -(x - c) "
                f"(a hill: runs move away from c and never come back), c = {c}")


class Valley:
    """``f(w) = 0.5 * sum(a * (w - c)**2)`` for a ``w`` of any shape (a matrix, a number).

    >>> valley = Valley(a=[[2.0]], centre=[[1.0]])
    >>> valley.f([[3.0]]), valley.grad([[3.0]]).tolist()
    (4.0, [[4.0]])
    """

    def __init__(self, a, centre):
        self.a, self.centre = np.asarray(a, dtype=float), np.asarray(centre, dtype=float)

    @classmethod
    def random(cls, rng, shape):
        return cls(rng.uniform(0.5, 2.0, shape), rng.uniform(-2, 2, shape))

    def f(self, w):
        return float(0.5 * np.sum(self.a * (np.asarray(w, dtype=float) - self.centre) ** 2))

    def grad(self, w):
        return self.a * (np.asarray(w, dtype=float) - self.centre)

    def crossing(self):
        return _crossing(self, "Valley", {"a": self.a, "centre": self.centre})

    def __str__(self):
        shape = np.shape(self.centre)
        return (f"0.5 * sum(a * (w - c)**2) for w of shape {shape}" if shape else
                f"0.5 * {float(self.a):.4g} * (w - {float(self.centre):.4g})**2 for a single number w")


def _crossing(landscape, kind, state):
    """``(kind, state)`` for a landscape to cross as, or None (a proxy, then) when its
    class changes what ``f`` or ``grad`` does: only the functions :func:`function`
    makes again may cross as numbers."""
    made = _CLASSES[kind]
    if any(getattr(type(landscape), name) is not getattr(made, name) for name in METHODS):
        return None
    return kind, state


METHODS = ("f", "grad")
_CLASSES = {"Bowl": Bowl, "MatrixBowl": MatrixBowl, "ScalarWell": ScalarWell, "QuarticBowl": QuarticBowl,
            "SquashedHill": SquashedHill, "Valley": Valley}


def function(kind, method, state):
    """The landscape ``kind`` made from ``state`` (what its ``crossing()`` gave), as
    its method ``method``: a plain function, quiet about overflow (a run that blows up
    gets inf or nan, and no warning from the landscape: as a proxy, it ran in the
    grader and warned the student of nothing).

    >>> kind, state = Bowl(np.eye(2), [1.0, 0.0]).crossing()
    >>> grad = function(kind, "grad", state)
    >>> grad(np.array([3.0, 1.0])).tolist()
    [2.0, 1.0]
    """
    if kind not in _CLASSES or method not in METHODS:
        raise ValueError(f"no landscape {kind}.{method}")
    made = (MatrixBowl(Bowl(**state["bowl"]), state["shape"]) if kind == "MatrixBowl"
            else _CLASSES[kind](**state))
    bound = getattr(made, method)

    def landscape(*args, **kwargs):
        with np.errstate(all="ignore"):
            return bound(*args, **kwargs)
    landscape.__name__ = landscape.__qualname__ = method
    return landscape
