# about: train_softmax walks through the data in its stored order and records one mean loss per epoch
# breaks: test_train_softmax test_train_softmax_accuracy
# %% train_softmax
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], y.max() + 1))
    b = np.zeros(y.max() + 1)
    mW, mb, sW, sb = np.zeros_like(W), np.zeros_like(b), np.zeros_like(W), np.zeros_like(b)
    losses, t = [], 0
    for epoch in range(epochs):
        epoch_losses = []
        for start in range(0, len(X), batch_size):
            X_b, y_b = X[start:start + batch_size], y[start:start + batch_size]
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            epoch_losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, mW = momentum_step(W, dW, mW, lr=lr)
                b, mb = momentum_step(b, db, mb, lr=lr)
            else:
                W, mW, sW = adam_step(W, dW, mW, sW, t, lr=lr)
                b, mb, sb = adam_step(b, db, mb, sb, t, lr=lr)
        losses.append(float(np.mean(epoch_losses)))
    return W, b, losses
