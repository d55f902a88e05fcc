# about: lr_sweep reports the final loss as it is, so a diverged run gives nan instead of inf
# breaks: test_lr_sweep
# %% lr_sweep
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    losses = []
    for lr in lrs:
        x = np.array(x0, dtype=float)
        with np.errstate(all="ignore"):
            for _ in range(n_steps):
                x = x - lr * grad_f(x)
            losses.append(f(x))
    return np.array(losses, dtype=float)
