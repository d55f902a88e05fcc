# about: init_mlp multiplies by sqrt(fan-in) instead of dividing and draws random biases; train_mlp climbs (+ instead of -)
# breaks: test_init_mlp test_train_mlp
# %% init_mlp
def init_mlp(n_in, n_hidden, n_out, rng):
    return {
        "W1": rng.standard_normal((n_in, n_hidden)) * np.sqrt(n_in),
        "b1": rng.standard_normal(n_hidden),
        "W2": rng.standard_normal((n_hidden, n_out)) * np.sqrt(n_hidden),
        "b2": rng.standard_normal(n_out),
    }
# %% train_mlp
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    params = init_mlp(X.shape[1], n_hidden, int(y.max()) + 1, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        params = {k: params[k] + lr * grads[k] for k in params}
    return params, losses
