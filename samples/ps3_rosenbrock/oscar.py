# about: handed in the release untouched
# zero: test_rosenbrock test_rosenbrock_grad test_rosenbrock_hessian test_gradient_descent test_run_milestone test_distance_to_optimum test_steps_to_tolerance
# %% release
