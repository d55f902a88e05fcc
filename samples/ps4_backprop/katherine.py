# about: two_layer_backward forgets the hidden unit's sigma' factor on the way back
# breaks: test_two_layer_backward
# %% two_layer_backward
def two_layer_backward(cache):
    x, w1, b1, w2, b2, h, y = cache
    dz2 = y * (1.0 - y)
    dz1 = dz2 * w2
    return {"w1": dz1 * x, "b1": dz1, "w2": dz2 * h, "b2": dz2, "x": dz1 * w1}
