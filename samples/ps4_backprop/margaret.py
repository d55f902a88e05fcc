# about: the textbook formulas, unstabilised: sigmoid as exp(z) / (1 + exp(z)), softmax without the max shift, cross-entropy as -log(p)
# breaks: test_sigmoid test_bce_with_logits test_softmax_cross_entropy
# %% sigmoid
def sigmoid(z):
    return np.exp(z) / (1 + np.exp(z))
# %% bce_with_logits
def bce_with_logits(z, y):
    p = sigmoid(z)
    loss = np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p))
    return loss, (p - y) / len(z)
# %% softmax_cross_entropy
def softmax_cross_entropy(logits, y):
    n = logits.shape[0]
    exps = np.exp(logits)
    probs = exps / exps.sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(probs[np.arange(n), y]))
    dlogits = probs.copy()
    dlogits[np.arange(n), y] -= 1
    return loss, dlogits / n
