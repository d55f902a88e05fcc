# cell: numerical_derivative
# breaks: test_numerical_derivative

# %% correct: Python arithmetic, no conversion, returns what f gives
def numerical_derivative(f, x, h=1e-5):
    return (f(x + h) - f(x - h)) / (2 * h)

# %% correct: both points in an array, np.diff, returns np.float64
def numerical_derivative(f, x, h=1e-5):
    points = np.array([x - h, x + h], dtype=np.float64)
    values = np.array([f(p) for p in points])
    return np.diff(values)[0] / (2.0 * h)

# %% correct: half the difference over h, Python float
def numerical_derivative(f, x, h=1e-5):
    forward = f(x + h)
    backward = f(x - h)
    return float(0.5 * (forward - backward) / h)

# %% bug: forward difference (f(x + h) - f(x)) / h
def numerical_derivative(f, x, h=1e-5):
    return float((f(x + h) - f(x)) / h)

# %% bug: divides by h instead of 2h
def numerical_derivative(f, x, h=1e-5):
    return float((f(x + h) - f(x - h)) / h)

# %% bug: ignores the h it is given (always 1e-5)
def numerical_derivative(f, x, h=1e-5):
    step = 1e-5
    return float((f(x + step) - f(x - step)) / (2 * step))

# %% bug: operator precedence, / 2 * h multiplies by h
def numerical_derivative(f, x, h=1e-5):
    return float((f(x + h) - f(x - h)) / 2 * h)
