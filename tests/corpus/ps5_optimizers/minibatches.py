# cell: minibatches
# breaks: test_minibatches
#
# The third bug (X and y shuffled separately) also fails the visible asserts of test_train_softmax
# and test_train_softmax_accuracy under nbgrader, since the notebook itself trains with the
# student's own minibatches; the hidden suite charges it to test_minibatches alone. It is third so
# that its round holds train_softmax's third bug, which breaks both of those cells anyway.

# %% correct: a shuffled index array split with np.split at multiples of batch_size
def minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    order = rng.permutation(len(X))
    for rows in np.split(order, np.arange(batch_size, len(X), batch_size)):
        yield X[rows], y[rows]

# %% correct: returns a list of batches instead of yielding them (np.take, ceil division)
def minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    n_batches = -(-len(X) // batch_size)
    batches = []
    for k in range(n_batches):
        chosen = order[k * batch_size:(k + 1) * batch_size]
        batches.append((np.take(X, chosen, axis=0), np.take(y, chosen, axis=0)))
    return batches

# %% correct: a generator expression over a while-built list of index chunks, X and y permuted together
def minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    perm = rng.permutation(len(y))
    X_shuffled, y_shuffled = X[perm], y[perm]
    starts, i = [], 0
    while i < len(perm):
        starts.append(i)
        i += batch_size
    return ((X_shuffled[s:s + batch_size], y_shuffled[s:s + batch_size]) for s in starts)

# %% bug: samples every batch with replacement (rng.integers), so rows repeat and others never come
def minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    for start in range(0, len(X), batch_size):
        rows = rng.integers(0, len(X), size=min(batch_size, len(X) - start))
        yield X[rows], y[rows]

# %% bug: drops the last, smaller batch
def minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    order = rng.permutation(len(X))
    for k in range(len(X) // batch_size):
        rows = order[k * batch_size:(k + 1) * batch_size]
        yield X[rows], y[rows]

# %% bug: shuffles X and y separately (two permutations), so the labels no longer match the rows
def minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    X_shuffled = X[rng.permutation(len(X))]
    y_shuffled = y[rng.permutation(len(y))]
    for start in range(0, len(X), batch_size):
        yield X_shuffled[start:start + batch_size], y_shuffled[start:start + batch_size]

# %% bug: shuffles with np.random.permutation instead of the rng it is given
def minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    order = np.random.permutation(len(X))
    for start in range(0, len(X), batch_size):
        rows = order[start:start + batch_size]
        yield X[rows], y[rows]

# %% bug: draws a new permutation for every batch, so some rows come twice and others never
def minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    for start in range(0, len(X), batch_size):
        rows = rng.permutation(len(X))[start:start + batch_size]
        yield X[rows], y[rows]

# %% bug: np.array_split into ceil(N / batch_size) chunks spreads the left-over rows over every batch
def minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    order = rng.permutation(len(X))
    for rows in np.array_split(order, -(-len(X) // batch_size)):
        yield X[rows], y[rows]

# %% bug: n // batch_size + 1 batches, so an empty batch is yielded at the end when batch_size divides n
# breaks: test_minibatches
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    X, y = np.asarray(X), np.asarray(y)
    order = rng.permutation(len(X))
    n_batches = len(X) // batch_size + 1
    for i in range(n_batches):
        rows = order[i * batch_size:(i + 1) * batch_size]
        yield X[rows], y[rows]

# %% correct: the spec's loop, after turning X and y into arrays
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    X, y = np.asarray(X), np.asarray(y)
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        rows = order[start:start + batch_size]
        yield X[rows], y[rows]

# %% bug: range(0, n - 1, batch_size) drops the last batch when it would hold a single row
# breaks: test_minibatches
import numpy as np


def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    X, y = np.asarray(X), np.asarray(y)
    order = rng.permutation(len(X))
    for start in range(0, len(X) - 1, batch_size):
        rows = order[start:start + batch_size]
        yield X[rows], y[rows]

# %% bug: full-batch shortcut when batch_size >= n yields X and y unshuffled (and the rng is not advanced)
# breaks: test_minibatches
import numpy as np


def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    X, y = np.asarray(X), np.asarray(y)
    n = len(X)
    if batch_size >= n:               # one batch holds everything: no need to shuffle
        yield X, y
        return
    order = rng.permutation(n)
    for start in range(0, n, batch_size):
        rows = order[start:start + batch_size]
        yield X[rows], y[rows]

# %% bug: indexes X and y directly (no np.asarray), so lists fail
# breaks: test_minibatches
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        rows = order[start:start + batch_size]
        yield X[rows], y[rows]

# %% bug: converts X to float32 "for speed" before batching, so X_b no longer holds the same values as the rows of X
# breaks: test_minibatches
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    X = np.ascontiguousarray(X, dtype=np.float32)   # half the memory traffic per batch
    y = np.asarray(y)
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        rows = order[start:start + batch_size]
        yield X[rows], y[rows]

# %% bug: boilerplate validation raises on a 1-D X and on batch_size larger than the data set, both legitimate (a vector of scalar features; one batch holding everything)
# breaks: test_minibatches
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller.

    Raises:
        ValueError: if X is not 2-D, if X and y disagree in length, or if
            batch_size is not in [1, n_samples].
    """
    X = np.asarray(X)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError("X and y must have the same number of samples")
    if not 1 <= batch_size <= X.shape[0]:
        raise ValueError(f"batch_size must be between 1 and {X.shape[0]}, got {batch_size}")
    order = rng.permutation(X.shape[0])
    for start in range(0, X.shape[0], batch_size):
        rows = order[start:start + batch_size]
        yield X[rows], y[rows]

# %% bug: adds a shuffle_batches=True feature that also shuffles the order of the full batches with a second rng draw, so the batches differ from one permutation read in order (and the rng advances twice)
# breaks: test_minibatches
def minibatches(X, y, batch_size, rng, shuffle_batches=True):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    X, y = np.asarray(X), np.asarray(y)
    order = rng.permutation(len(X))
    n_full = len(X) // batch_size
    starts = np.arange(n_full) * batch_size
    if shuffle_batches:
        starts = rng.permutation(starts)      # full batches in random order too
    for start in starts:
        rows = order[start:start + batch_size]
        yield X[rows], y[rows]
    if len(X) % batch_size:                   # the left-over rows stay last
        rows = order[n_full * batch_size:]
        yield X[rows], y[rows]

# %% bug: R habit emulating ceiling with round(n / B + 0.5); Python rounds halves to even, so when n / B is an odd integer an extra empty batch is yielded
# breaks: test_minibatches
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    X, y = np.asarray(X), np.asarray(y)
    order = rng.permutation(len(X))
    n_batches = round(len(X) / batch_size + 0.5)     # ceiling
    for b in range(n_batches):
        rows = order[b * batch_size:(b + 1) * batch_size]
        yield X[rows], y[rows]

# %% bug: fancy indexing wrapped in try/except: for list inputs X[rows] raises TypeError and the fallback hands out plain unshuffled slices
# breaks: test_minibatches
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        rows = order[start:start + batch_size]
        try:
            X_b, y_b = X[rows], y[rows]
        except (TypeError, IndexError):
            X_b = np.asarray(X[start:start + batch_size])
            y_b = np.asarray(y[start:start + batch_size])
        yield X_b, y_b

# %% bug: (c) builds batches with list comprehensions over the indices and never converts y, so y_b is a Python list, not an array
# breaks: test_minibatches
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    X = np.asarray(X)
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        rows = order[start:start + batch_size]
        yield np.array([X[i] for i in rows]), [y[i] for i in rows]

# %% bug: C-style preallocation of the label buffer as int64, so float targets y are truncated
# breaks: test_minibatches
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    X, y = np.asarray(X), np.asarray(y)
    n = len(X)
    order = rng.permutation(n)
    for start in range(0, n, batch_size):
        rows = order[start:start + batch_size]
        y_b = np.zeros(len(rows), dtype=np.int64)
        for k in range(len(rows)):
            y_b[k] = y[rows[k]]
        yield X[rows], y_b

# %% bug: linear recursion with one nested generator per batch: batch_size=1 on more than ~1000 rows (the notebook's stochastic demo) raises RecursionError
# breaks: test_minibatches
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    X, y = np.asarray(X), np.asarray(y)

    def rest(order):
        if len(order) == 0:
            return
        rows = order[:batch_size]
        yield X[rows], y[rows]
        yield from rest(order[batch_size:])

    yield from rest(rng.permutation(len(X)))

# %% bug: counts the rows with np.size(y), which is n * K for one-hot (n, K) labels, so the permutation indexes past the data
# breaks: test_minibatches
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    X, y = np.asarray(X), np.asarray(y)
    n = np.size(y)
    order = rng.permutation(n)
    for start in range(0, n, batch_size):
        rows = order[start:start + batch_size]
        yield X[rows], y[rows]

# %% bug: np.squeeze(y) drops y's length-1 axes, so a column-vector y of shape (N, 1) yields y_b of shape (b,) instead of (b, 1), and with a single row y becomes 0-d and y[rows] raises IndexError
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    X = np.asarray(X)
    y = np.squeeze(np.asarray(y))
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        rows = order[start:start + batch_size]
        yield X[rows], y[rows]

# %% bug: takes the number of rows as max(X.shape), assuming there are more rows than columns, so a wide X (more features than rows, or a 3-D X whose image axes exceed N) gets a permutation of the wrong length and raises IndexError
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    X, y = np.asarray(X), np.asarray(y)
    n = max(X.shape)                                  # the long axis is the examples
    order = rng.permutation(n)
    for start in range(0, n, batch_size):
        rows = order[start:start + batch_size]
        yield X[rows], y[rows]
