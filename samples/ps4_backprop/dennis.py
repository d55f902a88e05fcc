# about: train_mlp updates only the weights, never the biases; bce_with_logits forgets to divide dz by N
# breaks: test_train_mlp test_bce_with_logits
# %% bce_with_logits
def bce_with_logits(z, y):
    z = np.asarray(z, dtype=float)
    loss = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
    return float(np.mean(loss)), sigmoid(z) - y
# %% train_mlp
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    params = init_mlp(X.shape[1], n_hidden, int(y.max()) + 1, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        losses.append(loss)
        params["W1"] = params["W1"] - lr * grads["W1"]
        params["W2"] = params["W2"] - lr * grads["W2"]
    return params, losses
