# cell: steps_to_tolerance
# breaks: test_steps_to_tolerance

# %% correct: vectorized with flatnonzero
def steps_to_tolerance(history, tol):
    points = np.array([x for x, _ in history], dtype=float)
    close = np.flatnonzero(np.linalg.norm(points - 1.0, axis=1) < tol)
    return int(close[0]) if close.size else None

# %% correct: next() over a generator
def steps_to_tolerance(history, tol):
    return next((t for t, (x, _) in enumerate(history) if distance_to_optimum(x) < tol), None)

# %% bug: the last index within tol
def steps_to_tolerance(history, tol):
    found = None
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            found = t
    return found

# %% bug: -1 instead of None
def steps_to_tolerance(history, tol):
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            return t
    return -1

# %% bug: counts from 1
def steps_to_tolerance(history, tol):
    for t, (x, _) in enumerate(history, start=1):
        if distance_to_optimum(x) < tol:
            return t
    return None

# %% bug: the loss instead of the distance
def steps_to_tolerance(history, tol):
    for t, (_, loss) in enumerate(history):
        if loss < tol:
            return t
    return None

# %% bug: non-strict comparison <= tol
# breaks: test_steps_to_tolerance
def steps_to_tolerance(history, tol):
    """First index t with distance_to_optimum(history[t][0]) < tol, else None."""
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) <= tol:
            return t
    return None

# %% bug: starts at index 1, skipping the starting point history[0]
# breaks: test_steps_to_tolerance
def steps_to_tolerance(history, tol):
    """First index t with distance_to_optimum(history[t][0]) < tol, else None."""
    for t in range(1, len(history)):
        if distance_to_optimum(history[t][0]) < tol:
            return t
    return None

# %% correct: enumerate over the history, early return of the first index
def steps_to_tolerance(history, tol):
    """First index t with distance_to_optimum(history[t][0]) < tol, else None."""
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            return t
    return None

# %% bug: memoises answers keyed on (len(history), tol), so a different history of the same length gets a stale answer
# breaks: test_steps_to_tolerance
def steps_to_tolerance(history, tol):
    """First index t with distance_to_optimum(history[t][0]) < tol, else None."""
    memo = steps_to_tolerance.__dict__.setdefault("memo", {})
    key = (len(history), tol)
    if key not in memo:
        memo[key] = None
        for t, (point, _) in enumerate(history):
            if distance_to_optimum(point) < tol:
                memo[key] = t
                break
    return memo[key]

# %% bug: loops while distance >= tol, so the first nan distance of a diverged run stops the loop and is reported as a hit
# breaks: test_steps_to_tolerance
def steps_to_tolerance(history, tol):
    """First index t with distance_to_optimum(history[t][0]) < tol, else None."""
    t = 0
    while t < len(history) and distance_to_optimum(history[t][0]) >= tol:
        t += 1
    return t if t < len(history) else None

# %% bug: shared _offset helper subtracts the optimum in place on np.asarray(point, dtype=float), which is the history's own array for float points, so every scanned history point is shifted by -1 (repeat calls on the same history then disagree)
# breaks: test_steps_to_tolerance
def _offset(point):
    p = np.asarray(point, dtype=float)
    p -= 1.0
    return p


def steps_to_tolerance(history, tol):
    """First index t with distance_to_optimum(history[t][0]) < tol, else None."""
    for t, (x, _) in enumerate(history):
        d = _offset(x)
        if np.sqrt(d @ d) < tol:
            return t
    return None

# %% bug: asserts tol > 0 as input validation, so tol = 0 (or a negative tol) raises AssertionError instead of returning None
# breaks: test_steps_to_tolerance
def steps_to_tolerance(history, tol):
    """First index t with distance_to_optimum(history[t][0]) < tol, else None."""
    assert tol > 0, "tol must be a positive distance"
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            return t
    return None

# %% bug: recursive search, one call per history entry: fine on short histories but raises RecursionError on the 10,001-entry milestone history when the first hit is beyond ~1000 or there is none
# breaks: test_steps_to_tolerance
def steps_to_tolerance(history, tol):
    """First index t with distance_to_optimum(history[t][0]) < tol, else None."""
    def first_from(t):
        if t == len(history):
            return None
        if distance_to_optimum(history[t][0]) < tol:
            return t
        return first_from(t + 1)

    return first_from(0)

# %% bug: stacks the points with np.squeeze before a norm along axis 1, which crashes for a history of a single entry (a run that stopped at once) or an empty one instead of returning 0 or None
# breaks: test_steps_to_tolerance
def steps_to_tolerance(history, tol):
    """First index t with distance_to_optimum(history[t][0]) < tol, else None."""
    points = np.squeeze(np.array([x for x, _ in history], dtype=float))
    distances = np.linalg.norm(points - 1.0, axis=1)
    hits = np.nonzero(distances < tol)[0]
    return int(hits[0]) if len(hits) else None

# %% bug: compares round(distance, 6) with tol "to ignore float noise", so for small tolerances a point at distance 4e-7 counts as within 1e-7 and one at 0.0999996 is not within 0.1
# breaks: test_steps_to_tolerance
def steps_to_tolerance(history, tol):
    """First index t with distance_to_optimum(history[t][0]) < tol, else None."""
    for t, (x, _) in enumerate(history):
        if round(distance_to_optimum(x), 6) < tol:
            return t
    return None

# %% bug: stability patcher floors the tolerance with tol = max(tol, 1e-12) "to avoid a zero tolerance", so with tol = 0 a point exactly at (1, 1) counts as within tol, though no distance is < 0 (breaks "distance_to_optimum(history[t][0]) < tol")
def steps_to_tolerance(history, tol):
    """First index t with distance_to_optimum(history[t][0]) < tol, else None."""
    tol = max(tol, 1e-12)
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            return t
    return None
