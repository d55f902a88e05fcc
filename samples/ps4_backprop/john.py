# about: sigmoid_backward applies the sigmoid again to the cached output
# breaks: test_sigmoid_backward
# %% sigmoid_forward
def sigmoid_forward(x):
    out = sigmoid(x)
    return out, (out,)


def sigmoid_backward(dout, cache):
    (out,) = cache
    s = sigmoid(out)
    return dout * s * (1 - s)
