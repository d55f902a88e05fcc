"""Test landscapes for descent suites: functions that answer no exercise.

They are handed to a student's optimizer as the loss and gradient to follow.
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

    def __str__(self):
        return f"a one-dimensional well centred at {self.centre:.4g}"
