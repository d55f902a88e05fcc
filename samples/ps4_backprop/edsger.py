# about: relu_backward lets the gradient through where x == 0 (x >= 0 instead of x > 0)
# breaks: test_relu_backward
# %% relu_forward
def relu_forward(x):
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0.0), (x,)


def relu_backward(dout, cache):
    (x,) = cache
    return np.where(x >= 0, dout, 0.0)
