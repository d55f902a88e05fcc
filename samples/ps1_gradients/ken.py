# about: sin_squared_grad multiplies the inner derivative but forgets the outer factor 2
# breaks: test_sin_squared_grad
# %% sin_squared_grad
def sin_squared_grad(x):
    return np.sin(x) * np.cos(x)
