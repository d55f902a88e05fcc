# about: quadratic_path uses the bowl's factor 1 - alpha instead of 1 - 2 alpha
# breaks: test_quadratic_path
# %% quadratic_path
def quadratic_path(x0, alpha, iters):
    path = [x0]
    for _ in range(iters):
        path.append((1 - alpha) * path[-1])
    return np.array(path)
