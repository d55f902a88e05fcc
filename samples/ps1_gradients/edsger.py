# about: numerical_derivative takes a forward difference (f(x + h) - f(x)) / h
# breaks: test_numerical_derivative
# %% numerical_derivative
def numerical_derivative(f, x, h=1e-5):
    return (f(x + h) - f(x)) / h
