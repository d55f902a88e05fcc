# about: twisted_bowl_grad forgets the cross term's contribution to df/dy
# breaks: test_twisted_bowl_grad
# %% twisted_bowl
def twisted_bowl(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x**2 + y**2) + c * x * y


def twisted_bowl_grad(xy, c):
    x, y = np.asarray(xy, dtype=float)
    return np.array([x + c * y, y])
