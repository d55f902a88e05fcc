# about: step_decay rounds instead of flooring, and exponential_decay divides with //
# breaks: test_step_decay test_exponential_decay
# %% step_decay
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * drop ** round(epoch / epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * decay_rate ** (step // decay_steps)


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * step / t_max)) / 2
