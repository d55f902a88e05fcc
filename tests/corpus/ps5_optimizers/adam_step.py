# cell: adam_step
# breaks: test_adam_step
#
# The fourth bug (m_hat and v_hat kept as the state) also fails the visible assert of
# test_train_softmax_accuracy under nbgrader (the notebook's Adam classifier, trained with the
# student's own adam_step, stays below 90%); the hidden suite charges it to test_adam_step alone.
# It is fourth so that its round holds train_softmax's fourth bug, which breaks that cell anyway.

# %% correct: np.power for the corrections, ufuncs, m and v under other names
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * np.square(g)
    correction1, correction2 = 1 - np.power(beta1, t), 1 - np.power(beta2, t)
    step = lr * (m_new / correction1) / (np.sqrt(v_new / correction2) + eps)
    return np.asarray(w, dtype=float) - step, m_new, v_new

# %% correct: the bias correction folded into the step size, with eps rescaled by sqrt(1 - beta2**t) so it is exact
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g, m, v = (np.array(a, dtype=float) for a in (w, g, m, v))
    m *= beta1
    m += (1 - beta1) * g
    v *= beta2
    v += (1 - beta2) * g**2
    root = np.sqrt(1 - beta2**t)
    lr_t = lr * root / (1 - beta1**t)
    w -= lr_t * m / (np.sqrt(v) + eps * root)
    return w, m, v

# %% correct: Python floats and math.sqrt in a loop over the flattened arrays
import math


def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    shape = np.shape(w)
    out_w, out_m, out_v = [], [], []
    for wi, gi, mi, vi in zip(np.ravel(w), np.ravel(g), np.ravel(m), np.ravel(v)):
        mi = beta1 * float(mi) + (1 - beta1) * float(gi)
        vi = beta2 * float(vi) + (1 - beta2) * float(gi) * float(gi)
        m_hat = mi / (1 - beta1**t)
        v_hat = vi / (1 - beta2**t)
        out_w.append(float(wi) - lr * m_hat / (math.sqrt(v_hat) + eps))
        out_m.append(mi)
        out_v.append(vi)
    return tuple(np.array(a).reshape(shape) for a in (out_w, out_m, out_v))

# %% bug: no bias correction, so the early steps are several times too large
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g, m, v = (np.asarray(a, dtype=float) for a in (w, g, m, v))
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    return w - lr * m / (np.sqrt(v) + eps), m, v

# %% bug: corrects with t + 1, as if t counted from 0
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g, m, v = (np.asarray(a, dtype=float) for a in (w, g, m, v))
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    m_hat = m / (1 - beta1 ** (t + 1))
    v_hat = v / (1 - beta2 ** (t + 1))
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v

# %% bug: eps inside the square root, sqrt(v_hat + eps)
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g, m, v = (np.asarray(a, dtype=float) for a in (w, g, m, v))
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return w - lr * m_hat / np.sqrt(v_hat + eps), m, v

# %% bug: returns the corrected m_hat and v_hat as the new state
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g, m, v = (np.asarray(a, dtype=float) for a in (w, g, m, v))
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m_hat, v_hat

# %% bug: folds the bias correction into the step size but keeps eps as it is (not equivalent when eps matters)
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g, m, v = (np.asarray(a, dtype=float) for a in (w, g, m, v))
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return w - lr_t * m / (np.sqrt(v) + eps), m, v

# %% bug: steps lr * sign(m), the visible test's answer (each coordinate moves by lr) whatever the moments
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g, m, v = (np.asarray(a, dtype=float) for a in (w, g, m, v))
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    return w - lr * np.sign(m), m, v

# %% bug: float32 moments "like the GPU": m and v come back float32, and v = (1 - beta2) * g**2 underflows/overflows at the extremes (|g| ~ 1e20 gives inf)
# breaks: test_adam_step
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One bias-corrected Adam step at step number t (counting from 1). Returns (w, m, v)."""
    g32 = np.asarray(g, dtype=np.float32)
    m = np.float32(beta1) * np.asarray(m, dtype=np.float32) + np.float32(1 - beta1) * g32
    v = np.float32(beta2) * np.asarray(v, dtype=np.float32) + np.float32(1 - beta2) * g32 ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    w = np.asarray(w, dtype=float) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v

# %% bug: clips the update to [-lr, lr] believing an Adam step never exceeds lr, but after a history of small gradients a large one gives m_hat / sqrt(v_hat) well above 1 (about 2.5 to 3 with the default betas)
# breaks: test_adam_step
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One bias-corrected Adam step at step number t (counting from 1). Returns (w, m, v)."""
    g = np.asarray(g, dtype=float)
    m = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g ** 2
    step = lr * (m / (1 - beta1 ** t)) / (np.sqrt(v / (1 - beta2 ** t)) + eps)
    step = np.clip(step, -lr, lr)                             # Adam's steps are at most lr anyway
    return np.asarray(w, dtype=float) - step, m, v

# %% bug: boilerplate rejects any t that is not a Python int, so a numpy integer step counter (np.int64 from np.arange or a numpy loop) raises
# breaks: test_adam_step
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One bias-corrected Adam step at step number t (counting from 1). Returns (w, m, v).

    Raises:
        TypeError: if t is not an integer.
        ValueError: if t < 1.
    """
    if not isinstance(t, int):
        raise TypeError(f"t must be an int, got {type(t).__name__}")
    if t < 1:
        raise ValueError("t counts from 1")
    w, g, m, v = (np.asarray(a, dtype=np.float64) for a in (w, g, m, v))
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v

# %% bug: numerically ambitious log-space step, sign(m_hat) * exp(log|m_hat| - log(v_hat) / 2), dropping eps as "only needed against division by zero": tiny gradients take full-size steps and a zero gradient with zero state gives nan
# breaks: test_adam_step
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One bias-corrected Adam step at step number t (counting from 1). Returns (w, m, v)."""
    g = np.asarray(g, dtype=float)
    m = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g ** 2
    log_m_hat = np.log(np.abs(m)) - np.log1p(-beta1 ** t)
    log_v_hat = np.log(v) - np.log1p(-beta2 ** t)
    ratio = np.sign(m) * np.exp(log_m_hat - 0.5 * log_v_hat)    # m_hat / sqrt(v_hat), no overflow
    return np.asarray(w, dtype=float) - lr * ratio, m, v

# %% bug: (f) np.atleast_1d on all inputs "so indexing always works", so a 0-d parameter comes back with shape (1,)
# breaks: test_adam_step
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One bias-corrected Adam step at step number t (counting from 1). Returns (w, m, v)."""
    w, g, m, v = (np.atleast_1d(np.asarray(a, dtype=float)) for a in (w, g, m, v))
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v

# %% bug: beta**t by a cached LINEAR recursion: fine when t grows one by one, but a direct call with t above ~1000 (e.g. t=5000) raises RecursionError
# breaks: test_adam_step
import functools


@functools.cache
def _beta_power(beta, t):
    if t == 0:
        return 1.0
    return beta * _beta_power(beta, t - 1)


def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One bias-corrected Adam step at step number t (counting from 1). Returns (w, m, v)."""
    w, g, m, v = (np.asarray(a, dtype=float) for a in (w, g, m, v))
    new_m = beta1 * m + (1 - beta1) * g
    new_v = beta2 * v + (1 - beta2) * g ** 2
    m_hat = new_m / (1 - _beta_power(beta1, int(t)))
    v_hat = new_v / (1 - _beta_power(beta2, int(t)))
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), new_m, new_v

# %% bug: copies the state with np.array(m) and assigns into it with [...] =, so a state passed as a list [0, 0] or an int array stays integer and the moments are truncated
# breaks: test_adam_step
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One bias-corrected Adam step at step number t (counting from 1). Returns (w, m, v)."""
    g = np.asarray(g, dtype=float)
    new_m = np.array(m)
    new_v = np.array(v)
    new_m[...] = beta1 * new_m + (1 - beta1) * g
    new_v[...] = beta2 * new_v + (1 - beta2) * g ** 2
    m_hat = new_m / (1 - beta1 ** t)
    v_hat = new_v / (1 - beta2 ** t)
    return np.asarray(w, dtype=float) - lr * m_hat / (np.sqrt(v_hat) + eps), new_m, new_v

# %% bug: "resets" the state at t == 1 (m = v = 0 before the first step), so a caller's nonzero m, v at t=1 are thrown away
# breaks: test_adam_step
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One bias-corrected Adam step at step number t (counting from 1). Returns (w, m, v)."""
    g = np.asarray(g, dtype=float)
    if t == 1:                                   # first step: start the moments from zero
        m, v = np.zeros_like(g), np.zeros_like(g)
    m = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return np.asarray(w, dtype=float) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v

# %% bug: "avoids cancellation" in 1 - beta**t by a two-term binomial series t*x - t*(t-1)/2*x**2 (x = 1 - beta) whenever t*x < 0.1, exact at t = 1, 2 but off by up to ~0.2% for beta2 at t around 50-99
# breaks: test_adam_step
def _one_minus_power(beta, t):
    x = 1.0 - beta
    if t * x < 0.1:
        return t * x - t * (t - 1) / 2 * x**2
    return 1.0 - beta**t


def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One bias-corrected Adam step at step number t (counting from 1). Returns (w, m, v)."""
    g = np.asarray(g, dtype=float)
    new_m = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    new_v = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g**2
    m_hat = new_m / _one_minus_power(beta1, t)
    v_hat = new_v / _one_minus_power(beta2, t)
    new_w = np.asarray(w, dtype=float) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new_w, new_m, new_v

# %% bug: copy-paste student kept gradient_descent's stopping test: when norm(g) < 1e-8 it returns the caller's w, m, v unchanged (the same objects), but with a zero gradient m and v must still decay and w must still move by lr * m_hat / (sqrt(v_hat) + eps)
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One bias-corrected Adam step at step number t (counting from 1). Returns (w, m, v)."""
    g = np.asarray(g, dtype=float)
    if np.linalg.norm(g) < 1e-8:               # at a minimum: nothing to do
        return w, m, v
    m = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return np.asarray(w, dtype=float) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v

# %% bug: computes beta**t as math.exp(t * math.log(beta)) "to avoid underflow", which raises ValueError (math domain error) for beta1 = 0 (or beta2 = 0); breaks adam_step for an allowed beta1 = 0
import math

def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One bias-corrected Adam step at step number t (counting from 1). Returns (w, m, v)."""
    g = np.asarray(g, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g**2
    beta1_t = math.exp(t * math.log(beta1))
    beta2_t = math.exp(t * math.log(beta2))
    m_hat = m_new / (1 - beta1_t)
    v_hat = v_new / (1 - beta2_t)
    w_new = np.asarray(w, dtype=float) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w_new, m_new, v_new

# %% bug: written with yield w; yield m; yield v, so adam_step is a generator function and returns a generator, not the tuple (w, m, v); unpacking works once but indexing fails; breaks "returns (w, m, v)"
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One bias-corrected Adam step at step number t (counting from 1). Returns (w, m, v)."""
    g = np.asarray(g, dtype=float)
    m_new = beta1 * np.asarray(m, dtype=float) + (1 - beta1) * g
    v_new = beta2 * np.asarray(v, dtype=float) + (1 - beta2) * g**2
    m_hat = m_new / (1 - beta1**t)
    v_hat = v_new / (1 - beta2**t)
    yield np.asarray(w, dtype=float) - lr * m_hat / (np.sqrt(v_hat) + eps)
    yield m_new
    yield v_new
