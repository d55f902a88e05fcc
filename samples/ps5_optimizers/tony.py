# about: lr_range_test starts every step from w0 again, and suggest_lr compares with the first loss
# breaks: test_lr_range_test test_suggest_lr
# %% lr_range_test
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    w0 = np.asarray(w0, dtype=float)
    g0 = np.asarray(grad_fn(w0), dtype=float)
    losses = np.array([loss_fn(w0 - lr * g0) for lr in lrs])
    return lrs, losses


def suggest_lr(lrs, losses):
    for lr, loss in zip(lrs, losses):
        if not np.isfinite(loss) or loss > 4 * losses[0]:
            return float(lr / 10)
    return float(lrs[-1] / 10)
