# about: linear_backward averages db over the batch instead of summing it
# breaks: test_linear_backward
# %% linear_forward
def linear_forward(x, W, b):
    x, W, b = (np.asarray(v, dtype=float) for v in (x, W, b))
    return x @ W + b, (x, W, b)


def linear_backward(dout, cache):
    x, W, b = cache
    return dout @ W.T, x.T @ dout, dout.mean(axis=0)
