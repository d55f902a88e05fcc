# about: mse_loss without the 1/2, and l2_step that grows theta by (1 + lr * lam)
# breaks: test_mse_loss test_l2_step
# %% mse_loss
def mse_loss(pred, y):
    n = len(pred)
    diff = pred - y
    return float(np.sum(diff**2) / n), diff / n
# %% l2_step
def l2_step(theta, grad, lr, lam):
    return (1 + lr * lam) * theta - lr * grad
