# about: ReduceLROnPlateau never resets its count when the loss improves
# breaks: test_ReduceLROnPlateau
# %% ReduceLROnPlateau
class ReduceLROnPlateau:
    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = lr
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.best = np.inf
        self.bad_steps = 0

    def step(self, loss):
        if loss < self.best:
            self.best = loss
        else:
            self.bad_steps += 1
            if self.bad_steps >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.bad_steps = 0
        return self.lr
