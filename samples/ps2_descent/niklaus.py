# about: multi_start stacks the final points as columns, shape (d, k)
# breaks: test_multi_start
# %% multi_start
def multi_start(f, grad_f, starts, lr, n_steps):
    finals = [gradient_descent(f, grad_f, s, lr=lr, n_steps=n_steps)[0]
              for s in np.array(starts, dtype=float)]
    return np.column_stack(finals)
