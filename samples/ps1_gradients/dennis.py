# about: directional_derivative forgets to divide by the norm of u
# breaks: test_directional_derivative
# %% directional_derivative
def directional_derivative(grad, u):
    return float(np.dot(grad, u))
