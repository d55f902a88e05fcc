# cell: distance_to_optimum
# breaks: test_distance_to_optimum

# %% correct: by hand with Python floats
def distance_to_optimum(x):
    dx, dy = x[0] - 1, x[1] - 1
    return (dx * dx + dy * dy) ** 0.5

# %% correct: np.hypot, returns np.float64
def distance_to_optimum(x):
    return np.hypot(x[0] - 1.0, x[1] - 1.0)

# %% bug: the squared distance
def distance_to_optimum(x):
    return float(np.sum((np.asarray(x) - 1.0) ** 2))

# %% bug: distance to the origin
def distance_to_optimum(x):
    return float(np.linalg.norm(x))

# %% bug: Manhattan distance
def distance_to_optimum(x):
    return float(np.sum(np.abs(np.asarray(x) - 1.0)))
