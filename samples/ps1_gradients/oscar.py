# about: handed in the release untouched
# zero: test_sin_cos test_sin_cos_grad test_numerical_derivative test_numerical_gradient test_rel_error test_gradient_check test_sin_squared_grad test_directional_derivative
# %% release
