# cell: rosenbrock_hessian
# breaks: test_rosenbrock_hessian

# %% correct: element by element into a zeros matrix
def rosenbrock_hessian(xy):
    x, y = float(xy[0]), float(xy[1])
    h = np.zeros((2, 2))
    h[0, 0] = 1200 * x**2 - 400 * y + 2
    h[0, 1] = h[1, 0] = -400 * x
    h[1, 1] = 200
    return h

# %% correct: nested lists through np.array
def rosenbrock_hessian(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([[2 - 400 * (y - x**2) + 800 * x**2, -400 * x], [-400 * x, 200]], dtype=float)

# %% bug: off-diagonal sign flipped
def rosenbrock_hessian(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([[2 - 400 * (y - x**2) + 800 * x**2, 400 * x], [400 * x, 200.0]])

# %% bug: d2f/dx2 misses the 800 x**2 term
def rosenbrock_hessian(xy):
    x, y = np.asarray(xy, dtype=float)
    return np.array([[2 - 400 * (y - x**2), -400 * x], [-400 * x, 200.0]])

# %% bug: returns the value at (1, 1) whatever the input
def rosenbrock_hessian(xy):
    return np.array([[802.0, -400.0], [-400.0, 200.0]])

# %% bug: no float conversion, so an integer point gives an int64 matrix
# breaks: test_rosenbrock_hessian
def rosenbrock_hessian(xy):
    """The 2x2 Hessian of rosenbrock at xy."""
    x, y = np.asarray(xy)
    return np.array([[2 - 400 * (y - x ** 2) + 800 * x ** 2, -400 * x],
                     [-400 * x, 200]])

# %% bug: reuses the caller's float array to hold y - x^2 (np.asarray does not copy), so xy[1] is overwritten
# breaks: test_rosenbrock_hessian
def rosenbrock_hessian(xy):
    """The 2x2 Hessian of rosenbrock at xy."""
    xy = np.asarray(xy, dtype=float)
    x = xy[0]
    xy[1] -= x ** 2          # xy[1] now holds y - x^2
    r = xy[1]
    return np.array([[2 - 400 * r + 800 * x ** 2, -400 * x],
                     [-400 * x, 200.0]])

# %% bug: builds the Hessian in float32 "for speed", so the dtype is float32 and entries that nearly cancel (e.g. H[0,0] at x = 1, y = 3.005) lose all their digits
# breaks: test_rosenbrock_hessian
def rosenbrock_hessian(xy):
    """The 2x2 Hessian of rosenbrock at xy."""
    x, y = np.asarray(xy, dtype=np.float32)
    H = np.empty((2, 2), dtype=np.float32)
    H[0, 0] = 2 - 400 * (y - x * x) + 800 * x * x
    H[0, 1] = H[1, 0] = -400 * x
    H[1, 1] = 200
    return H

# %% bug: xy.astype raises AttributeError for lists and tuples, and the except path unpacks the raw Python ints, so rosenbrock_hessian([1, 1]) is an int64 array
# breaks: test_rosenbrock_hessian
def rosenbrock_hessian(xy):
    """The 2x2 Hessian of rosenbrock at xy."""
    try:
        x, y = xy.astype(float)
    except AttributeError:
        x, y = xy
    return np.array([[2 - 400 * (y - x ** 2) + 800 * x ** 2, -400 * x],
                     [-400 * x, 200]])

# %% bug: caches on the function object keyed on x alone ("the off-diagonal only depends on x"), but H[0, 0] also depends on y, so a second point with the same x and a different y gets the stale Hessian
def rosenbrock_hessian(xy):
    """The 2x2 Hessian of rosenbrock at xy."""
    x, y = np.asarray(xy, dtype=float)
    if getattr(rosenbrock_hessian, "_x", None) != x:
        rosenbrock_hessian._x = x
        rosenbrock_hessian._H = np.array([[2 - 400 * (y - x ** 2) + 800 * x ** 2, -400 * x],
                                          [-400 * x, 200.0]])
    return rosenbrock_hessian._H.copy()

# %% bug: early-return guard at the minimum returns the literal [[802, -400], [-400, 200]], an int array, for (1, 1) and for every point np.allclose to it (breaks "returning the 2x2 float array")
def rosenbrock_hessian(xy):
    """The 2x2 Hessian of rosenbrock at xy."""
    if np.allclose(xy, [1.0, 1.0]):
        return np.array([[802, -400], [-400, 200]])
    x, y = np.asarray(xy, dtype=float)
    return np.array([[2 - 400 * (y - x**2) + 800 * x**2, -400 * x], [-400 * x, 200.0]])

# %% bug: early-return guard at x == 0 returns diag(2, 200), assuming the -400(y - x^2) term also vanishes there; at x = 0 it is -400y, so H[0,0] should be 2 - 400y (breaks the Hessian formula on the line x = 0 unless y = 0)
def rosenbrock_hessian(xy):
    """The 2x2 Hessian of rosenbrock at xy."""
    x, y = np.asarray(xy, dtype=float)
    if x == 0:
        return np.diag([2.0, 200.0])
    return np.array([[2 - 400 * (y - x**2) + 800 * x**2, -400 * x], [-400 * x, 200.0]])
