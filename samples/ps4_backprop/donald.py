# about: linear_backward returns dW transposed; his own network then fails its visible shape checks too, so those two cells are graded by their hidden tests, with the reference's linear_backward
# breaks: test_linear_backward
# %% linear_forward
def linear_forward(x, W, b):
    x, W, b = (np.asarray(v, dtype=float) for v in (x, W, b))
    return x @ W + b, (x, W, b)


def linear_backward(dout, cache):
    x, W, b = cache
    return dout @ W.T, dout.T @ x, dout.sum(axis=0)
