# cell: rosenbrock_grad
# breaks: test_rosenbrock_grad test_run_milestone

# %% correct: Python floats and a list turned into an array
def rosenbrock_grad(xy):
    x, y = float(xy[0]), float(xy[1])
    return np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])

# %% correct: expanded and stacked
def rosenbrock_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.stack([400 * x**3 - 400 * x * y + 2 * x - 2, 200 * y - 200 * x**2])

# %% correct: in-place arithmetic on a fresh array
def rosenbrock_grad(xy):
    x, y = np.array(xy, dtype=float)
    g = np.zeros(2)
    g[0] -= 2 * (1 - x)
    g[0] -= 400 * x * (y - x**2)
    g[1] += 200 * (y - x**2)
    return g

# %% bug: the sign of df/dy is flipped
def rosenbrock_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([-2 * (1 - x) - 400 * x * (y - x**2), -200 * (y - x**2)])

# %% bug: the factor 2 of d/dx (1 - x)**2 is missing
def rosenbrock_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([-(1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)])

# %% bug: components swapped
def rosenbrock_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([200 * (y - x**2), -2 * (1 - x) - 400 * x * (y - x**2)])

# %% bug: off by 0.1% (a rounded constant)
def rosenbrock_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([-2 * (1 - x) - 400.4 * x * (y - x**2), 200.2 * (y - x**2)])

# %% bug: chain rule forgets the inner derivative -2x
def rosenbrock_grad(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([-2 * (1 - x) + 200 * (y - x**2), 200 * (y - x**2)])

# %% bug: returns a Python list instead of a numpy array
# breaks: test_rosenbrock_grad
def rosenbrock_grad(xy):
    """The gradient of rosenbrock at xy, as an array [df/dx, df/dy]."""
    x, y = float(xy[0]), float(xy[1])
    return [-2 * (1 - x) - 400 * x * (y - x ** 2), 200 * (y - x ** 2)]

# %% bug: buffer made with np.zeros_like(xy), so an integer input gives an integer gradient
# breaks: test_rosenbrock_grad
def rosenbrock_grad(xy):
    """The gradient of rosenbrock at xy, as an array [df/dx, df/dy]."""
    grad = np.zeros_like(xy)
    x, y = xy[0], xy[1]
    grad[0] = -2 * (1 - x) - 400 * x * (y - x ** 2)
    grad[1] = 200 * (y - x ** 2)
    return grad

# %% correct: fully expanded polynomial form of both partials (400x^3 - 400xy + 2x - 2, 200y - 200x^2)
def rosenbrock_grad(xy):
    """The gradient of rosenbrock at xy, as an array [df/dx, df/dy]."""
    x, y = np.asarray(xy, dtype=float)
    dfdx = 400.0 * x ** 3 - 400.0 * x * y + 2.0 * x - 2.0
    dfdy = 200.0 * y - 200.0 * x ** 2
    return np.array([dfdx, dfdy])

# %% bug: clips each component to [-1000, 1000] "to keep descent stable", which changes the gradient on the valley walls (e.g. at (-2, -1) df/dx = -4006)
# breaks: test_rosenbrock_grad test_run_milestone
def rosenbrock_grad(xy):
    """The gradient of rosenbrock at xy, as an array [df/dx, df/dy]."""
    x, y = np.asarray(xy, dtype=float)
    g = np.array([-2.0 * (1.0 - x) - 400.0 * x * (y - x ** 2), 200.0 * (y - x ** 2)])
    return np.clip(g, -1e3, 1e3)      # gradient clipping, guards against blow-ups

# %% bug: a careful student snaps "roundoff noise" at the optimum: np.allclose(xy, [1, 1]) uses rtol 1e-5, so nearby points such as (1 + 1e-6, 1) get a zero gradient instead of about (8e-4, -4e-4)
# breaks: test_rosenbrock_grad
def rosenbrock_grad(xy):
    """The gradient of rosenbrock at xy, as an array [df/dx, df/dy]."""
    xy = np.asarray(xy, dtype=float)
    if np.allclose(xy, [1.0, 1.0]):
        return np.zeros(2)           # exactly zero at the minimum, no roundoff
    x, y = xy
    return np.array([-2 * (1 - x) - 400 * x * (y - x ** 2), 200 * (y - x ** 2)])

# %% bug: early-return guard at x == 0 copies the notebook's example point (0, 1) and returns [-2, 200] for every y, while the gradient there is [-2, 200 y] (breaks the gradient formula on the line x = 0)
# breaks: test_rosenbrock_grad
def rosenbrock_grad(xy):
    """The gradient of rosenbrock at xy, as an array [df/dx, df/dy]."""
    x, y = np.asarray(xy, dtype=float)
    if x == 0:
        return np.array([-2.0, 200.0])
    return np.array([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)])
