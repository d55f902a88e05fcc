# about: minibatches drops the last, smaller batch
# breaks: test_minibatches
# %% minibatches
def minibatches(X, y, batch_size, rng):
    X, y = np.asarray(X), np.asarray(y)
    order = rng.permutation(len(X))
    for k in range(len(X) // batch_size):
        rows = order[k * batch_size:(k + 1) * batch_size]
        yield X[rows], y[rows]
