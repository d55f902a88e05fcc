# about: max_stable_lr with np.linalg.eigvals and no symmetry check: a non-symmetric matrix gets a bound
# breaks: test_max_stable_lr
# %% max_stable_lr
def max_stable_lr(hessian):
    eigenvalues = np.linalg.eigvals(np.asarray(hessian, dtype=float)).real
    if eigenvalues.min() <= 0:
        raise ValueError("not positive definite")
    return 2 / eigenvalues.max()
