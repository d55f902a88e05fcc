# cell: init_mlp
# breaks: test_init_mlp

# %% correct: He initialisation, standard normal * sqrt(2 / fan-in)
def init_mlp(n_in, n_hidden, n_out, rng):
    return {
        "W1": rng.standard_normal((n_in, n_hidden)) * np.sqrt(2.0 / n_in),
        "b1": np.zeros(n_hidden),
        "W2": rng.standard_normal((n_hidden, n_out)) * np.sqrt(2.0 / n_hidden),
        "b2": np.zeros(n_out),
    }

# %% correct: Xavier (Glorot) normal, rng.normal with scale sqrt(2 / (fan-in + fan-out)), built key by key
def init_mlp(n_in, n_hidden, n_out, rng):
    params = {}
    params["W1"] = rng.normal(0.0, np.sqrt(2.0 / (n_in + n_hidden)), size=(n_in, n_hidden))
    params["W2"] = rng.normal(0.0, np.sqrt(2.0 / (n_hidden + n_out)), size=(n_hidden, n_out))
    params["b1"] = np.zeros((n_hidden,))
    params["b2"] = np.zeros_like(params["W2"][0])
    return params

# %% correct: uniform in +-1/sqrt(fan-in), drawn with rng.uniform
def init_mlp(n_in, n_hidden, n_out, rng):
    bound1, bound2 = 1.0 / np.sqrt(n_in), 1.0 / np.sqrt(n_hidden)
    W1 = rng.uniform(-bound1, bound1, size=(n_in, n_hidden))
    W2 = rng.uniform(-bound2, bound2, size=(n_hidden, n_out))
    return dict(W1=W1, b1=np.zeros(n_hidden), W2=W2, b2=np.zeros(n_out))

# %% bug: draws the biases at random like the weights
def init_mlp(n_in, n_hidden, n_out, rng):
    return {
        "W1": rng.standard_normal((n_in, n_hidden)) / np.sqrt(n_in),
        "b1": rng.standard_normal(n_hidden) / np.sqrt(n_in),
        "W2": rng.standard_normal((n_hidden, n_out)) / np.sqrt(n_hidden),
        "b2": rng.standard_normal(n_out) / np.sqrt(n_hidden),
    }

# %% bug: multiplies by sqrt(fan-in) instead of dividing: huge weights
def init_mlp(n_in, n_hidden, n_out, rng):
    return {
        "W1": rng.standard_normal((n_in, n_hidden)) * np.sqrt(n_in),
        "b1": np.zeros(n_hidden),
        "W2": rng.standard_normal((n_hidden, n_out)) * np.sqrt(n_hidden),
        "b2": np.zeros(n_out),
    }

# %% bug: draws from np.random instead of rng (the seed decides nothing)
def init_mlp(n_in, n_hidden, n_out, rng):
    return {
        "W1": np.random.randn(n_in, n_hidden) / np.sqrt(n_in),
        "b1": np.zeros(n_hidden),
        "W2": np.random.randn(n_hidden, n_out) / np.sqrt(n_hidden),
        "b2": np.zeros(n_out),
    }

# %% bug: all-zero weights (every hidden unit the same forever)
def init_mlp(n_in, n_hidden, n_out, rng):
    return {
        "W1": np.zeros((n_in, n_hidden)),
        "b1": np.zeros(n_hidden),
        "W2": np.zeros((n_hidden, n_out)),
        "b2": np.zeros(n_out),
    }

# %% bug: unscaled standard normal weights (std 1 whatever the fan-in), not small
# breaks: test_init_mlp
import numpy as np


def init_mlp(n_in, n_hidden, n_out, rng):
    """Parameters of a one-hidden-layer network: small random weights, zero biases."""
    return {
        "W1": rng.standard_normal((n_in, n_hidden)),
        "b1": np.zeros(n_hidden),
        "W2": rng.standard_normal((n_hidden, n_out)),
        "b2": np.zeros(n_out),
    }

# %% bug: rng.random (uniform on [0, 1), all positive) instead of a zero-mean normal
# breaks: test_init_mlp
import numpy as np


def init_mlp(n_in, n_hidden, n_out, rng):
    """Parameters of a one-hidden-layer network: small random weights, zero biases."""
    return {
        "W1": rng.random((n_in, n_hidden)) / np.sqrt(n_in),
        "b1": np.zeros(n_hidden),
        "W2": rng.random((n_hidden, n_out)) / np.sqrt(n_hidden),
        "b2": np.zeros(n_out),
    }

# %% correct: rng.standard_normal scaled by 1/sqrt(fan-in), zero biases
import numpy as np


def init_mlp(n_in, n_hidden, n_out, rng):
    """Parameters of a one-hidden-layer network: small random weights, zero biases."""
    return {
        "W1": rng.standard_normal((n_in, n_hidden)) / np.sqrt(n_in),
        "b1": np.zeros(n_hidden),
        "W2": rng.standard_normal((n_hidden, n_out)) / np.sqrt(n_hidden),
        "b2": np.zeros(n_out),
    }

# %% bug: draws one column of W1 and tiles it, so every hidden unit starts with the same weights (the symmetry random init must break)
# breaks: test_init_mlp
import numpy as np


def init_mlp(n_in, n_hidden, n_out, rng):
    """Parameters of a one-hidden-layer network: small random weights, zero biases."""
    column = rng.standard_normal((n_in, 1)) / np.sqrt(n_in)
    return {
        "W1": np.tile(column, (1, n_hidden)),
        "b1": np.zeros(n_hidden),
        "W2": rng.standard_normal((n_hidden, n_out)) / np.sqrt(n_hidden),
        "b2": np.zeros(n_out),
    }

# %% bug: biases built as np.array([0] * n), integer arrays, so an in-place update params["b1"] -= lr * grad raises a casting error
# breaks: test_init_mlp
import numpy as np


def init_mlp(n_in, n_hidden, n_out, rng):
    """Parameters of a one-hidden-layer network: small random weights, zero biases."""
    return {
        "W1": rng.standard_normal((n_in, n_hidden)) / np.sqrt(n_in),
        "b1": np.array([0] * n_hidden),
        "W2": rng.standard_normal((n_hidden, n_out)) / np.sqrt(n_hidden),
        "b2": np.array([0] * n_out),
    }

# %% bug: W2 is drawn from a freshly seeded np.random.default_rng(0) (left over from debugging), so only W1 depends on rng; the visible test compares only W1 across seeds -- violates "small random weights drawn from the generator rng"
# breaks: test_init_mlp
def init_mlp(n_in, n_hidden, n_out, rng):
    """Parameters of a one-hidden-layer network: small random weights, zero biases."""
    W1 = rng.standard_normal((n_in, n_hidden)) / np.sqrt(n_in)
    W2 = np.random.default_rng(0).standard_normal((n_hidden, n_out)) / np.sqrt(n_hidden)
    return {"W1": W1, "b1": np.zeros(n_hidden), "W2": W2, "b2": np.zeros(n_out)}

# %% correct: (b) assistant boilerplate with type hints and validation through operator.index, so Python and numpy integers (e.g. max(y) + 1) are both accepted; raises only for non-integer or negative sizes
import operator
from typing import Dict


def init_mlp(n_in: int, n_hidden: int, n_out: int, rng: np.random.Generator) -> Dict[str, np.ndarray]:
    """Initialise a one-hidden-layer MLP.

    Weights ~ N(0, 1 / fan_in), biases zero.

    Args:
        n_in: number of input features D.
        n_hidden: number of hidden units H.
        n_out: number of classes C.
        rng: a numpy random Generator; all randomness comes from it.

    Returns:
        dict with W1 (D, H), b1 (H,), W2 (H, C), b2 (C,).
    """
    sizes = []
    for name, value in (("n_in", n_in), ("n_hidden", n_hidden), ("n_out", n_out)):
        try:
            value = operator.index(value)
        except TypeError:
            raise TypeError(f"{name} must be an integer, got {value!r}") from None
        if value < 0:
            raise ValueError(f"{name} must be non-negative, got {value}")
        sizes.append(value)
    d, h, c = sizes
    params: Dict[str, np.ndarray] = {}
    params["W1"] = rng.standard_normal((d, h)) / np.sqrt(d)
    params["b1"] = np.zeros(h)
    params["W2"] = rng.standard_normal((h, c)) / np.sqrt(h)
    params["b2"] = np.zeros(c)
    return params

# %% bug: (b) boilerplate validates the sizes with isinstance(n, int), so numpy integers such as C = max(y) + 1 or X.shape-derived np.int64 values raise TypeError
# breaks: test_init_mlp
from typing import Dict


def init_mlp(n_in: int, n_hidden: int, n_out: int, rng: np.random.Generator) -> Dict[str, np.ndarray]:
    """Initialise a one-hidden-layer network.

    Raises:
        TypeError: if a size is not an int or rng is not a Generator.
    """
    for name, value in (("n_in", n_in), ("n_hidden", n_hidden), ("n_out", n_out)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{name} must be an int, got {type(value).__name__}")
        if value < 1:
            raise ValueError(f"{name} must be >= 1")
    if not isinstance(rng, np.random.Generator):
        raise TypeError("rng must be a numpy Generator")
    return {
        "W1": rng.standard_normal((n_in, n_hidden)) / np.sqrt(n_in),
        "b1": np.zeros(n_hidden),
        "W2": rng.standard_normal((n_hidden, n_out)) / np.sqrt(n_hidden),
        "b2": np.zeros(n_out),
    }

# %% bug: copy-pasted bias line not updated, b2 = np.zeros(n_hidden)
# breaks: test_init_mlp
def init_mlp(n_in, n_hidden, n_out, rng):
    """Parameters of a one-hidden-layer network: small random weights, zero biases."""
    W1 = rng.standard_normal((n_in, n_hidden)) / np.sqrt(n_in)
    b1 = np.zeros(n_hidden)
    W2 = rng.standard_normal((n_hidden, n_out)) / np.sqrt(n_hidden)
    b2 = np.zeros(n_hidden)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}

# %% bug: statistics student standardises each weight matrix to an exact sample std (ddof=1) of 1/sqrt(fan-in), which is nan for a layer with a single weight (n_in = n_hidden = 1 or n_hidden = n_out = 1) and always +-the same two values for two weights
# breaks: test_init_mlp
def init_mlp(n_in, n_hidden, n_out, rng):
    """Parameters of a one-hidden-layer network: small random weights, zero biases."""
    def standardised(shape, fan_in):
        w = rng.standard_normal(shape)
        w = (w - w.mean()) / w.std(ddof=1)
        return w / np.sqrt(fan_in)

    return {"W1": standardised((n_in, n_hidden), n_in), "b1": np.zeros(n_hidden),
            "W2": standardised((n_hidden, n_out), n_hidden), "b2": np.zeros(n_out)}

# %% bug: Fortran habit, the row loop starts at 1, so row 0 of each weight matrix stays zero (input 0 and hidden unit 0 start with no weights; for n_in = 1 all of W1 is zero)
# breaks: test_init_mlp
def init_mlp(n_in, n_hidden, n_out, rng):
    """Parameters of a one-hidden-layer network: small random weights, zero biases."""
    sizes = [n_in, n_hidden, n_out]
    params = {}
    for layer in range(1, 3):
        fan_in, fan_out = sizes[layer - 1], sizes[layer]
        W = np.zeros((fan_in, fan_out))
        for r in range(1, fan_in):
            W[r, :] = rng.standard_normal(fan_out) / np.sqrt(fan_in)
        params[f"W{layer}"] = W
        params[f"b{layer}"] = np.zeros(fan_out)
    return params

# %% bug: a square first layer (n_in == n_hidden) gets the identity matrix np.eye(n_in) instead of random weights from rng
def init_mlp(n_in, n_hidden, n_out, rng):
    """Parameters of a one-hidden-layer network: small random weights, zero biases."""
    if n_in == n_hidden:               # square layer: start from the identity
        W1 = np.eye(n_in)
    else:
        W1 = rng.standard_normal((n_in, n_hidden)) / np.sqrt(n_in)
    W2 = rng.standard_normal((n_hidden, n_out)) / np.sqrt(n_hidden)
    return {"W1": W1, "b1": np.zeros(n_hidden), "W2": W2, "b2": np.zeros(n_out)}
