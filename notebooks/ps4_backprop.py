"""ps4_backprop: backpropagation by hand, from one sigmoid unit to a small network."""

from .cells import Notebook

NOTEBOOK = nb = Notebook("ps4_backprop", "backprop", "Backpropagation by hand")

nb.md(r"""
# Problem set 4: backpropagation by hand

Deep learning libraries compute gradients for you. In this problem set you compute them
yourself, with the chain rule, one small piece at a time: first a network of two sigmoid
units on plain numbers, then the layers every network is built from (linear, ReLU,
sigmoid), then the losses at the end of a network, written so that they never overflow.
Finally you put the pieces together into a small network and train it with full-batch
gradient descent on a two-dimensional toy problem, and draw what it learned.

Every gradient you write is checked against finite differences before you rely on it.
That habit is the most useful thing in this notebook.

**Conventions.** Batches are rows: an input `x` has shape `(N, D)`, one example per row.
A function never modifies its inputs. Every layer is a pair of functions:

- `*_forward(inputs)` returns `(out, cache)`. The cache is whatever the backward pass will
  need to remember. Keep it *plain data*: a tuple, list or dict of arrays and numbers, no
  objects or functions.
- `*_backward(dout, cache)` receives `dout`, the gradient of the final loss with respect to
  `out` (it has `out`'s shape), and returns the gradient with respect to the layer's inputs.
  Each gradient has the shape of the thing it is the gradient of.

**How this notebook is graded.** Each function you write has test cells after it. The
tests you can see are a first check: if one fails, its message tells you what to look at,
and that cell scores zero. When you hand in, hidden tests run the same function on random
inputs (the random seed is printed in your feedback) and give partial credit, test by
test. Each function is graded on its own: while a hidden test grades `train_mlp`, it gets
correct versions of `init_mlp` and `mlp_loss_and_grads`, so a bug in one function costs only
that function's points. The one exception is a backward pass: it is graded with the cache
made by *your* forward pass, so keep each pair consistent, and keep its cache plain data
(the grader hands it from one call to the next as data). The figure and the written answer
at the end are graded by hand.

Keep every function's name and arguments exactly as given, and don't rename or delete
cells.
""")

nb.code("""
import os

import numpy as np
import matplotlib.pyplot as plt

%matplotlib inline

# The demos under `if SHOW_DEMOS:` (figures and experiments that earn no points) skip
# themselves while nbgrader grades the notebook, which it marks by setting
# NBGRADER_EXECUTION; in Jupyter they always run. Don't put the figures you are asked
# to make under it: those are graded by hand from the graded notebook.
SHOW_DEMOS = not os.environ.get("NBGRADER_EXECUTION")
""")

nb.md(r"""
## 1. The sigmoid, without overflow

The logistic sigmoid squashes any real number into $(0, 1)$:

$$\sigma(z) = \frac{1}{1 + e^{-z}}, \qquad \sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr).$$

Written exactly like that, it has a problem. A float64 can hold numbers up to about
$1.8 \times 10^{308}$, so $e^{t}$ overflows to `inf` as soon as $t > 709.8$. For
$z = -1000$ the formula computes $e^{1000}$: numpy warns about the overflow and the answer,
$1 / (1 + \infty) = 0$, is right only by luck. The textbook's other form,
$e^{z} / (1 + e^{z})$, is worse: at $z = 1000$ it gives $\infty / \infty$, which is `nan`.
""")

nb.code("""
z = np.array([-1000.0, -20.0, 0.0, 20.0, 1000.0])
with np.errstate(over="raise"):
    try:
        1 / (1 + np.exp(-z))
    except FloatingPointError as error:
        print("1 / (1 + exp(-z)) fails:", error)
with np.errstate(over="ignore", invalid="ignore"):
    print("exp(z) / (1 + exp(z)) =", np.exp(z) / (1 + np.exp(z)))
""")

nb.md(r"""
The cure is to exponentiate only numbers that are $\le 0$. Let $e = e^{-|z|}$, which lies
in $(0, 1]$ whatever $z$ is. Then

$$\sigma(z) = \frac{1}{1 + e} \quad (z \ge 0), \qquad \sigma(z) = \frac{e}{1 + e} \quad (z < 0),$$

and neither can overflow. (Careful with `np.where(cond, a, b)`: numpy computes both `a`
and `b` for every element before choosing, so both must be safe everywhere.)

**Exercise 1.** Write `sigmoid(z)` for a number or an array of any shape (working
elementwise), without overflow warnings for large `abs(z)`.
""")

nb.solution("sigmoid", """
def sigmoid(z):
    \"\"\"The logistic function 1 / (1 + exp(-z)), elementwise, without overflow.\"\"\"
    ### BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    s = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return float(s) if s.ndim == 0 else s
    ### END SOLUTION
""")

nb.test("test_sigmoid", 2, """
assert np.isclose(sigmoid(0.0), 0.5), "sigmoid(0) should be 0.5"
z = np.array([[-3.0, -0.5, 0.0], [0.5, 2.0, 7.0]])
assert np.shape(sigmoid(z)) == z.shape, "sigmoid works elementwise: the result has z's shape"
assert np.allclose(sigmoid(z), 1 / (1 + np.exp(-z))), "sigmoid(z) should be 1 / (1 + exp(-z))"
assert np.allclose(sigmoid(z) + sigmoid(-z), 1.0), "sigma(z) + sigma(-z) should be 1"
with np.errstate(over="raise", invalid="raise"):
    try:
        extreme = sigmoid(np.array([-1000.0, 1000.0]))
    except FloatingPointError as error:
        raise AssertionError(f"sigmoid overflowed for abs(z) = 1000 ({error}); exponentiate "
                             "only -abs(z), which is never positive") from None
assert np.allclose(extreme, [0.0, 1.0]), "sigmoid(-1000) should be 0 and sigmoid(1000) should be 1"
print("Visible tests passed.")
""")

nb.md(r"""
## 2. A two-layer network on numbers, by hand

Before arrays, one number at a time. This network has one input $x$, one hidden sigmoid
unit and one sigmoid output:

$$z_1 = w_1 x + b_1, \quad h = \sigma(z_1), \quad z_2 = w_2 h + b_2, \quad y = \sigma(z_2).$$

To differentiate $y$ with respect to every number that went into it, walk the graph
backwards and multiply local derivatives (the chain rule). With
$\sigma'(z) = \sigma(z)(1 - \sigma(z))$:

$$\frac{\partial y}{\partial z_2} = y\,(1 - y), \qquad
\frac{\partial y}{\partial w_2} = \frac{\partial y}{\partial z_2}\, h, \qquad
\frac{\partial y}{\partial b_2} = \frac{\partial y}{\partial z_2},$$

$$\frac{\partial y}{\partial z_1} = \frac{\partial y}{\partial z_2}\, w_2\, h\,(1 - h), \qquad
\frac{\partial y}{\partial w_1} = \frac{\partial y}{\partial z_1}\, x, \qquad
\frac{\partial y}{\partial b_1} = \frac{\partial y}{\partial z_1}, \qquad
\frac{\partial y}{\partial x} = \frac{\partial y}{\partial z_1}\, w_1.$$

Notice that $\sigma'$ appears once per sigmoid on the way back: once for the output unit and
once for the hidden unit. Notice also that the backward pass needs $h$ and $y$, which the
forward pass already computed. That is what a *cache* is for.

**Exercise 2.** Write `two_layer_forward(x, w1, b1, w2, b2)` for numbers. Return
`(y, cache)`, with `y` a number and `cache` holding everything the backward pass needs
(for example a tuple of the inputs, `h` and `y`).
""")

nb.solution("two_layer_forward", """
def two_layer_forward(x, w1, b1, w2, b2):
    \"\"\"y = sigmoid(w2 * sigmoid(w1 * x + b1) + b2) on numbers; returns (y, cache).\"\"\"
    ### BEGIN SOLUTION
    h = sigmoid(w1 * x + b1)
    y = sigmoid(w2 * h + b2)
    return float(y), (float(x), float(w1), float(b1), float(w2), float(b2), float(h), float(y))
    ### END SOLUTION
""")

nb.test("test_two_layer_forward", 1, """
y, cache = two_layer_forward(1.0, 0.0, 0.0, 2.0, -1.0)
assert np.isclose(y, 0.5), \\
    "with w1 = b1 = 0 the hidden unit is sigma(0) = 0.5, so y = sigma(2 * 0.5 - 1) = 0.5"
y, _ = two_layer_forward(0.5, 1.5, -0.2, -2.0, 0.3)
h = 1 / (1 + np.exp(-(1.5 * 0.5 - 0.2)))
assert np.isclose(y, 1 / (1 + np.exp(-(-2.0 * h + 0.3)))), \\
    "y should be sigma(w2 * h + b2) with h = sigma(w1 * x + b1)"
print("Visible tests passed.")
""")

nb.md(r"""
**Exercise 3.** Write `two_layer_backward(cache)`: from the cache of
`two_layer_forward`, return a dict with keys `"w1", "b1", "w2", "b2", "x"`, each the
derivative of $y$ with respect to that number, from the formulas above.
""")

nb.solution("two_layer_backward", """
def two_layer_backward(cache):
    \"\"\"dy/d each of w1, b1, w2, b2 and x, as a dict, by the chain rule.\"\"\"
    ### BEGIN SOLUTION
    x, w1, b1, w2, b2, h, y = cache
    dz2 = y * (1.0 - y)
    dz1 = dz2 * w2 * h * (1.0 - h)
    return {"w1": dz1 * x, "b1": dz1, "w2": dz2 * h, "b2": dz2, "x": dz1 * w1}
    ### END SOLUTION
""")

nb.test("test_two_layer_backward", 3, """
_, cache = two_layer_forward(1.0, 0.0, 0.0, 2.0, -1.0)
grads = two_layer_backward(cache)
assert isinstance(grads, dict) and set(grads) >= {"w1", "b1", "w2", "b2", "x"}, \\
    "two_layer_backward should return a dict with keys 'w1', 'b1', 'w2', 'b2', 'x'"
expected = {"w1": 0.125, "b1": 0.125, "w2": 0.125, "b2": 0.25, "x": 0.0}
for name, value in expected.items():
    assert np.isclose(grads[name], value), \\
        f"at x=1, w1=0, b1=0, w2=2, b2=-1 the derivative dy/d{name} should be {value}, got {grads[name]}"
print("Visible tests passed.")
""")

nb.md(r"""
### Checking Exercise 3 numerically

A derivative is a limit of difference quotients, so we can estimate each one and compare.
The central difference $\frac{y(t + h) - y(t - h)}{2h}$ has an error of order $h^2$. We
compare with the *relative error*
$\max_i \frac{|a_i - b_i|}{\max(10^{-8}, |a_i| + |b_i|)}$: around $10^{-7}$ or below your
gradient is right; above $10^{-2}$ it is wrong. (Zero matches zero: both numbers are tiny,
so the floor of $10^{-8}$ keeps the ratio small.)
""")

nb.code("""
def rel_error(a, b):
    \"\"\"The largest elementwise relative error between a and b.\"\"\"
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


point = {"x": 0.7, "w1": -1.3, "b1": 0.4, "w2": 2.1, "b2": -0.6}
_, cache = two_layer_forward(**point)
analytic = two_layer_backward(cache)
h = 1e-5
for name in ("w1", "b1", "w2", "b2", "x"):
    plus, minus = dict(point), dict(point)
    plus[name] += h
    minus[name] -= h
    numeric = (two_layer_forward(**plus)[0] - two_layer_forward(**minus)[0]) / (2 * h)
    print(f"dy/d{name:<2}: chain rule {analytic[name]: .8f}, central difference {numeric: .8f}, "
          f"relative error {rel_error(analytic[name], numeric):.1e}")
""")

nb.md(r"""
Every relative error should be tiny. (If PyTorch is installed, section 9 at the end of the
notebook also asks its automatic differentiation for the same five derivatives.)
""")

nb.md(r"""
## 3. Layers on batches

Real networks work on a batch of $N$ examples at once, one per row, and are made of
layers. The chain rule is the same; only the bookkeeping is in matrices.

### The linear layer

$$\text{out} = x W + b, \qquad x: (N, D), \quad W: (D, M), \quad b: (M,), \quad \text{out}: (N, M).$$

Given `dout` $= \partial L / \partial\,\text{out}$, of shape $(N, M)$:

$$dx = \text{dout}\; W^\top \;\;(N, M)(M, D), \qquad dW = x^\top\, \text{dout} \;\;(D, N)(N, M),
\qquad db = \sum_{n} \text{dout}_{n,:} \;\;(M,).$$

The shapes tell you the formulas: each gradient has the shape of what it is the gradient
of, and there is only one way to multiply the available matrices to get it. The bias is
added to *every* row, so its gradient collects a contribution from every row: a **sum**
over the batch, not a mean.

**Exercise 4.** Write `linear_forward(x, W, b)`, returning `(out, cache)`, and
`linear_backward(dout, cache)`, returning `(dx, dW, db)`.
""")

nb.solution("linear_forward", """
def linear_forward(x, W, b):
    \"\"\"An affine layer, out = x @ W + b; returns (out, cache).\"\"\"
    ### BEGIN SOLUTION
    x, W, b = (np.asarray(v, dtype=float) for v in (x, W, b))
    return x @ W + b, (x, W, b)
    ### END SOLUTION


def linear_backward(dout, cache):
    \"\"\"Gradients of the affine layer: (dx, dW, db).\"\"\"
    ### BEGIN SOLUTION
    x, W, _ = cache
    dout = np.asarray(dout, dtype=float)
    return dout @ W.T, x.T @ dout, dout.sum(axis=0)
    ### END SOLUTION
""")

nb.test("test_linear_forward", 2, """
x = np.array([[1.0, 2.0], [3.0, 4.0], [0.0, -1.0]])
W = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]])
b = np.array([0.5, -0.5, 0.0])
out, cache = linear_forward(x, W, b)
assert np.shape(out) == (3, 3), "x (3, 2) @ W (2, 3) + b should have shape (3, 3)"
assert np.allclose(out, [[1.5, 1.5, 0.0], [3.5, 3.5, 2.0], [0.5, -1.5, 1.0]]), \\
    "out should be x @ W + b, with b added to every row"
print("Visible tests passed.")
""")

nb.test("test_linear_backward", 3, """
x = np.array([[1.0, 2.0], [3.0, 4.0], [0.0, -1.0]])
W = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]])
b = np.array([0.5, -0.5, 0.0])
_, cache = linear_forward(x, W, b)
dout = np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0], [0.0, 0.0, 3.0]])
dx, dW, db = linear_backward(dout, cache)
assert np.shape(dx) == (3, 2) and np.shape(dW) == (2, 3) and np.shape(db) == (3,), \\
    "dx, dW and db should have the shapes of x (3, 2), W (2, 3) and b (3,)"
assert np.allclose(dx, [[-1.0, 1.0], [2.0, 1.0], [6.0, -3.0]]), "dx should be dout @ W.T"
assert np.allclose(dW, [[7.0, 3.0, -1.0], [10.0, 4.0, -5.0]]), "dW should be x.T @ dout"
assert np.allclose(db, [3.0, 1.0, 2.0]), \\
    "db should be dout summed over the batch (the rows): b is added to every row"
print("Visible tests passed.")
""")

nb.md(r"""
### Activations

The ReLU, $\max(x, 0)$, passes the gradient through where its input was positive and
blocks it elsewhere. At exactly $0$ it has no derivative; we use the subgradient $0$ there,
so `relu_backward` returns `dout` where $x > 0$ and $0$ where $x \le 0$.

The sigmoid layer applies $\sigma$ elementwise, and its backward pass multiplies by
$\sigma'(x) = \sigma(x)(1 - \sigma(x))$. The forward pass has already computed $\sigma(x)$:
cache it and reuse it. (A classic slip is to apply $\sigma$ *again* to the cached output.)

**Exercise 5.** Write `relu_forward(x)`, returning `(out, cache)`, and
`relu_backward(dout, cache)`, returning `dx`.

**Exercise 6.** Write `sigmoid_forward(x)` and `sigmoid_backward(dout, cache)` the same
way. Both work on arrays of any shape.
""")

nb.solution("relu_forward", """
def relu_forward(x):
    \"\"\"max(x, 0) elementwise; returns (out, cache).\"\"\"
    ### BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0.0), (x,)
    ### END SOLUTION


def relu_backward(dout, cache):
    \"\"\"dout where the input was positive, 0 where it was <= 0.\"\"\"
    ### BEGIN SOLUTION
    (x,) = cache
    return np.where(x > 0, np.asarray(dout, dtype=float), 0.0)
    ### END SOLUTION
""")

nb.test("test_relu_forward", 1, """
x = np.array([[-2.0, 0.0, 3.0], [1.5, -0.5, 0.0]])
out, cache = relu_forward(x)
assert np.allclose(out, [[0.0, 0.0, 3.0], [1.5, 0.0, 0.0]]), "relu_forward should return max(x, 0)"
assert np.allclose(x, [[-2.0, 0.0, 3.0], [1.5, -0.5, 0.0]]), \\
    "relu_forward must not modify x: make a new array (for example with np.maximum)"
print("Visible tests passed.")
""")

nb.test("test_relu_backward", 2, """
x = np.array([[-2.0, 0.0, 3.0], [1.5, -0.5, 0.0]])
_, cache = relu_forward(x)
dx = relu_backward(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), cache)
assert np.shape(dx) == (2, 3), "dx should have the shape of x"
assert np.allclose(dx, [[0.0, 0.0, 3.0], [4.0, 0.0, 0.0]]), \\
    "dx should be dout where x > 0 and 0 where x <= 0 (at exactly 0 too)"
print("Visible tests passed.")
""")

nb.solution("sigmoid_forward", """
def sigmoid_forward(x):
    \"\"\"The sigmoid as a layer; returns (out, cache).\"\"\"
    ### BEGIN SOLUTION
    out = np.asarray(sigmoid(x), dtype=float)
    return out, (out,)
    ### END SOLUTION


def sigmoid_backward(dout, cache):
    \"\"\"dout * sigmoid(x) * (1 - sigmoid(x)).\"\"\"
    ### BEGIN SOLUTION
    (out,) = cache
    return np.asarray(dout, dtype=float) * out * (1.0 - out)
    ### END SOLUTION
""")

nb.test("test_sigmoid_forward", 1, """
out, cache = sigmoid_forward(np.array([[0.0, 2.0], [-2.0, 0.0]]))
assert np.shape(out) == (2, 2), "sigmoid_forward should keep the input's shape"
assert np.allclose(out, [[0.5, 0.880797078], [0.119202922, 0.5]]), \\
    "sigmoid_forward should return sigmoid(x)"
print("Visible tests passed.")
""")

nb.test("test_sigmoid_backward", 2, """
_, cache = sigmoid_forward(np.array([[0.0, 2.0], [-2.0, 0.0]]))
dx = sigmoid_backward(np.array([[1.0, 1.0], [2.0, -4.0]]), cache)
assert np.allclose(dx, [[0.25, 0.104993585], [0.209987171, -1.0]]), \\
    "dx should be dout * s * (1 - s) with s = sigmoid(x), the forward pass's output"
print("Visible tests passed.")
""")

nb.md(r"""
### A gradient check for layers

For a layer with output `out` and any fixed array `dout` of its shape, the gradient of the
number $\sum \text{out} \cdot \text{dout}$ with respect to an input is exactly what the
backward pass must return for that input. The function below nudges every element of every
input by $\pm h$, and compares. Run it on your layers: every relative error should be
$10^{-7}$ or smaller.
""")

nb.code("""
def check_layer(forward, backward, *inputs, h=1e-5, seed=12345):
    \"\"\"Relative errors between a layer's backward pass and central differences.

    dout is drawn from its own seed, so that it is never the inputs themselves.\"\"\"
    inputs = [np.array(v, dtype=float) for v in inputs]
    out, cache = forward(*inputs)
    dout = np.random.default_rng(seed).standard_normal(np.shape(out))
    analytic = backward(dout, cache)
    if len(inputs) == 1:
        analytic = (analytic,)
    errors = []
    for i, (value, grad) in enumerate(zip(inputs, analytic)):
        numeric = np.zeros_like(value)
        for idx in np.ndindex(value.shape):
            shifted = [v.copy() for v in inputs]
            shifted[i][idx] += h
            plus = np.sum(forward(*shifted)[0] * dout)
            shifted[i][idx] -= 2 * h
            minus = np.sum(forward(*shifted)[0] * dout)
            numeric[idx] = (plus - minus) / (2 * h)
        errors.append(rel_error(grad, numeric))
    return errors


rng = np.random.default_rng(0)
x, W, b = rng.standard_normal((5, 4)), rng.standard_normal((4, 3)), rng.standard_normal(3)
print("linear  (dx, dW, db):", ", ".join(f"{e:.1e}" for e in check_layer(linear_forward, linear_backward, x, W, b)))
print("relu    (dx):        ", ", ".join(f"{e:.1e}" for e in check_layer(relu_forward, relu_backward, x)))
print("sigmoid (dx):        ", ", ".join(f"{e:.1e}" for e in check_layer(sigmoid_forward, sigmoid_backward, x)))
""")

nb.md(r"""
## 4. Losses, and where the backward pass starts

A loss compares predictions with targets and returns a single number. Ours return
`(loss, dpred)`: the loss and its gradient with respect to the predictions, which is the
`dout` that starts the backward pass through the network.

### Mean squared error

$$L = \frac{1}{2N} \sum_{n, k} (\text{pred}_{nk} - y_{nk})^2, \qquad
\frac{\partial L}{\partial\,\text{pred}} = \frac{\text{pred} - y}{N}.$$

$N$ is the number of rows (examples), `len(pred)`: for predictions of shape $(N, K)$ we
still divide by $2N$, not by $2NK$. The $\frac12$ is there to cancel the 2 of the square.

**Exercise 7.** Write `mse_loss(pred, y)` for `pred` and `y` of the same shape, `(N,)` or
`(N, K)`. Return `(loss, dpred)` with `loss` a number.
""")

nb.solution("mse_loss", """
def mse_loss(pred, y):
    \"\"\"sum((pred - y)**2) / (2N) and its gradient (pred - y) / N.\"\"\"
    ### BEGIN SOLUTION
    pred = np.asarray(pred, dtype=float)
    diff = pred - np.asarray(y, dtype=float).reshape(pred.shape)
    n = len(pred)
    return float(np.sum(diff**2) / (2 * n)), diff / n
    ### END SOLUTION
""")

nb.test("test_mse_loss", 2, """
loss, dpred = mse_loss(np.array([[1.0], [3.0]]), np.array([[0.0], [1.0]]))
assert np.isclose(loss, 1.25), "for errors 1 and 2 over N = 2 rows the loss is (1 + 4) / (2 * 2) = 1.25"
assert np.allclose(dpred, [[0.5], [1.0]]), "dpred should be (pred - y) / N, shaped like pred"
loss, _ = mse_loss(np.array([[1.0, 1.0], [0.0, 0.0]]), np.zeros((2, 2)))
assert np.isclose(loss, 0.5), "N counts rows: for pred of shape (2, 2) divide the sum 2 by 2N = 4"
print("Visible tests passed.")
""")

nb.md(r"""
### Binary cross-entropy from logits

For a binary label $y \in \{0, 1\}$ a network outputs a *logit* $z$, a real number, and
$p = \sigma(z)$ is its probability of class 1. The binary cross-entropy is

$$\ell(z, y) = -y \log \sigma(z) - (1 - y) \log\bigl(1 - \sigma(z)\bigr).$$

Computed like that, it breaks for confident predictions: $\sigma(500)$ rounds to exactly
1, and $\log(1 - 1) = -\infty$. Rewrite it instead. Since $\log \sigma(z) = -\log(1 + e^{-z})$
and $\log(1 - \sigma(z)) = -z - \log(1 + e^{-z})$,

$$\ell(z, y) = (1 - y)\, z + \log(1 + e^{-z}) = \max(z, 0) - z\,y + \log\bigl(1 + e^{-|z|}\bigr),$$

where the last form exponentiates only $-|z| \le 0$ (check the two cases $z \ge 0$ and
$z < 0$ yourself). `np.log1p(t)` computes $\log(1 + t)$ accurately for small $t$. The
gradient is wonderfully simple, as you will show at the end:
$\partial \ell / \partial z = \sigma(z) - y$.

The cell below shows the naive form failing (the `np.errstate` block only keeps numpy's
warnings out of the output).
""")

nb.code("""
z, y = np.array([500.0, -500.0, 2.0]), np.array([0.0, 1.0, 1.0])
with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
    p = 1 / (1 + np.exp(-z))
    naive = -y * np.log(p) - (1 - y) * np.log(1 - p)
stable = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
print("naive: ", naive)
print("stable:", stable)
""")

nb.md(r"""
**Exercise 8.** Write `bce_with_logits(z, y)`: the *mean* binary cross-entropy over the
$N$ logits of `z` (shape `(N,)`, one per row) and labels `y` of the same shape. Return
`(loss, dz)` with `dz = (sigmoid(z) - y) / N`. It must give finite, correct values for
`abs(z)` in the hundreds.
""")

nb.solution("bce_with_logits", """
def bce_with_logits(z, y):
    \"\"\"Mean binary cross-entropy from logits, stably; returns (loss, dz).\"\"\"
    ### BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float).reshape(z.shape)
    n = z.size
    per_example = np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))
    return float(np.sum(per_example) / n), (sigmoid(z) - y) / n
    ### END SOLUTION
""")

nb.test("test_bce_with_logits", 3, """
loss, dz = bce_with_logits(np.array([0.0, 0.0]), np.array([1.0, 0.0]))
assert np.isclose(loss, np.log(2)), "at z = 0 each example costs log 2, so the mean is log 2"
assert np.allclose(dz, [-0.25, 0.25]), "dz should be (sigmoid(z) - y) / N"
with np.errstate(all="ignore"):
    loss, dz = bce_with_logits(np.array([500.0, -500.0]), np.array([0.0, 1.0]))
assert np.isfinite(loss) and np.isclose(loss, 500.0), \\
    f"two confident mistakes by 500 cost 500 on average, got {loss}: use the stable form"
assert np.all(np.isfinite(dz)) and np.allclose(dz, [0.5, -0.5]), \\
    "dz should stay finite: (sigmoid(z) - y) / N is [0.5, -0.5] here"
print("Visible tests passed.")
""")

nb.md(r"""
### Softmax cross-entropy

With $C$ classes, a network outputs a row of $C$ logits $s$ per example, and softmax turns
them into probabilities $p_c = e^{s_c} / \sum_j e^{s_j}$. For the true class $y$ the loss is
$-\log p_y$, averaged over the $N$ rows, and its gradient is

$$\frac{\partial L}{\partial s} = \frac{p - \text{onehot}(y)}{N}.$$

Two things go wrong numerically. Large logits overflow $e^{s}$ (then $\infty/\infty$ is
`nan`): but subtracting the row's largest logit $m$ from every logit changes nothing, since
the factor $e^{-m}$ cancels, and afterwards every exponent is $\le 0$. And a true class far
below the largest logit has a probability that rounds to 0, whose log is $-\infty$: so never
take the log of a probability. Work with log-probabilities directly,

$$\log p_c = (s_c - m) - \log \sum_j e^{s_j - m},$$

which are finite however large the logits are.
""")

nb.code("""
logits = np.array([[1000.0, 0.0, -5.0], [2.0, 1.0, 0.1]])
with np.errstate(over="ignore", invalid="ignore"):
    naive = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
print("naive softmax:\\n", naive)
shifted = logits - logits.max(axis=1, keepdims=True)
log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
print("log-probabilities:\\n", log_probs)
""")

nb.md(r"""
**Exercise 9.** Write `softmax_cross_entropy(logits, y)` for `logits` of shape `(N, C)`
and integer labels `y` of shape `(N,)`, each in `0 .. C-1`. Return `(loss, dlogits)`: the
mean cross-entropy over the rows, and its gradient of shape `(N, C)`. It must give finite,
correct values for logits in the hundreds. (Fancy indexing picks one entry per row:
`a[np.arange(N), y]`.)
""")

nb.solution("softmax_cross_entropy", """
def softmax_cross_entropy(logits, y):
    \"\"\"Mean cross-entropy of integer labels y under softmax(logits); returns (loss, dlogits).\"\"\"
    ### BEGIN SOLUTION
    logits = np.asarray(logits, dtype=float)
    y = np.asarray(y, dtype=int)
    n = logits.shape[0]
    rows = np.arange(n)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    dlogits = np.exp(log_probs)
    dlogits[rows, y] -= 1.0
    return float(-log_probs[rows, y].sum() / n), dlogits / n
    ### END SOLUTION
""")

nb.test("test_softmax_cross_entropy", 3, """
loss, dlogits = softmax_cross_entropy(np.array([[0.0, 0.0]]), np.array([1]))
assert np.isclose(loss, np.log(2)), "two equal logits give probability 1/2, so the loss is log 2"
assert np.allclose(dlogits, [[0.5, -0.5]]), "dlogits should be (softmax(logits) - onehot(y)) / N"
loss, dlogits = softmax_cross_entropy(np.array([[2.0, 0.0, 0.0], [0.0, 0.0, 0.0]]), np.array([0, 2]))
assert np.shape(dlogits) == (2, 3), "dlogits should have the shape of logits"
assert np.allclose(dlogits.sum(axis=1), 0.0), "each row of dlogits sums to 0 (probabilities sum to 1)"
with np.errstate(all="ignore"):
    loss, dlogits = softmax_cross_entropy(np.array([[1000.0, 0.0], [800.0, 790.0]]), np.array([1, 0]))
assert np.isfinite(loss) and np.isclose(loss, (1000.0 + np.log1p(np.exp(-10.0))) / 2), \\
    f"large logits: expected a finite loss of about 500.0, got {loss}; shift by the row maximum " \\
    "and use log-probabilities"
assert np.all(np.isfinite(dlogits)), "dlogits should stay finite for large logits"
print("Visible tests passed.")
""")

nb.md(r"""
## 5. L2 regularisation as weight decay

Adding $\frac{\lambda}{2} \lVert \theta \rVert^2$ to a loss discourages large weights. Its
gradient is $\lambda \theta$, so a gradient step on the regularised loss is

$$\theta \leftarrow \theta - \alpha\,(g + \lambda\theta) = (1 - \alpha\lambda)\,\theta - \alpha\, g.$$

Read it as two moves: shrink the weights by the factor $1 - \alpha\lambda$ (hence the name
*weight decay*), then take the usual step.

**Exercise 10.** Write `l2_step(theta, grad, lr, lam)`, returning the new parameters as a
new array (leave `theta` as it was).
""")

nb.solution("l2_step", """
def l2_step(theta, grad, lr, lam):
    \"\"\"One gradient step with L2 weight decay: (1 - lr * lam) * theta - lr * grad.\"\"\"
    ### BEGIN SOLUTION
    return (1.0 - lr * lam) * np.asarray(theta, dtype=float) - lr * np.asarray(grad, dtype=float)
    ### END SOLUTION
""")

nb.test("test_l2_step", 1, """
theta = np.array([1.0, -2.0])
new = l2_step(theta, np.array([0.5, 0.0]), lr=0.1, lam=1.0)
assert np.allclose(new, [0.85, -1.8]), "(1 - 0.1 * 1) * [1, -2] - 0.1 * [0.5, 0] = [0.85, -1.8]"
assert np.allclose(theta, [1.0, -2.0]), "l2_step must not modify theta: return a new array"
assert np.allclose(l2_step(theta, np.array([0.5, 0.0]), lr=0.1, lam=0.0), [0.95, -2.0]), \\
    "with lam = 0 it is the plain gradient step theta - lr * grad"
print("Visible tests passed.")
""")

nb.md(r"""
## 6. A small network, trained by gradient descent

Now everything together. Here is a two-dimensional toy problem: two interleaving half
moons, 200 points, made with numpy. No straight line separates the classes, so a linear
classifier can't solve it; a network with one hidden ReLU layer can.
""")

nb.code("""
def two_moons(n=200, noise=0.1, seed=0):
    \"\"\"Two interleaving half circles with Gaussian noise: X (n, 2), integer labels y (n,).\"\"\"
    rng = np.random.default_rng(seed)
    t = rng.uniform(0.0, np.pi, n)
    y = np.arange(n) % 2
    X = np.where(y[:, None] == 0,
                 np.column_stack([np.cos(t), np.sin(t)]),
                 np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)]))
    return X + noise * rng.standard_normal((n, 2)), y


X_moons, y_moons = two_moons()
if SHOW_DEMOS:
    fig, ax = plt.subplots(figsize=(5, 3.5))
    ax.scatter(X_moons[:, 0], X_moons[:, 1], c=y_moons, cmap="coolwarm", s=15, edgecolors="k", linewidths=0.3)
    ax.set(xlabel="$x_1$", ylabel="$x_2$", title="two moons: 200 points, 2 classes")
    plt.show()
""")

nb.md(r"""
The network is

$$\text{scores} = \text{relu}(X W_1 + b_1)\, W_2 + b_2, \qquad
W_1: (D, H), \; b_1: (H,), \; W_2: (H, C), \; b_2: (C,),$$

with $D$ inputs, $H$ hidden units and $C$ classes, and the softmax cross-entropy of the scores
as its loss.

**Initialisation.** The weights must be random: if every hidden unit started with the same
weights, every unit would receive the same gradient and they would stay identical forever.
They must also be small: a common choice draws them from a normal distribution with standard
deviation $1/\sqrt{\text{fan-in}}$ (the number of inputs of the layer), so that every unit's
input starts on the scale of one input feature. The biases can start at zero.

**Exercise 11.** Write `init_mlp(n_in, n_hidden, n_out, rng)`, returning a dict with keys
`"W1", "b1", "W2", "b2"` of shapes `(n_in, n_hidden)`, `(n_hidden,)`, `(n_hidden, n_out)`,
`(n_out,)`: small random weights drawn from the generator `rng` (for example
`rng.standard_normal(shape)`), zero biases.
""")

nb.solution("init_mlp", """
def init_mlp(n_in, n_hidden, n_out, rng):
    \"\"\"Parameters of a one-hidden-layer network: small random weights, zero biases.\"\"\"
    ### BEGIN SOLUTION
    return {
        "W1": rng.standard_normal((n_in, n_hidden)) / np.sqrt(n_in),
        "b1": np.zeros(n_hidden),
        "W2": rng.standard_normal((n_hidden, n_out)) / np.sqrt(n_hidden),
        "b2": np.zeros(n_out),
    }
    ### END SOLUTION
""")

nb.test("test_init_mlp", 2, """
params = init_mlp(3, 8, 4, np.random.default_rng(0))
shapes = {"W1": (3, 8), "b1": (8,), "W2": (8, 4), "b2": (4,)}
assert isinstance(params, dict) and set(params) == set(shapes), \\
    "init_mlp should return a dict with keys 'W1', 'b1', 'W2', 'b2'"
for name, shape in shapes.items():
    assert np.shape(params[name]) == shape, f"{name} should have shape {shape}, got {np.shape(params[name])}"
assert np.all(params["b1"] == 0) and np.all(params["b2"] == 0), "the biases should start at zero"
assert 0 < np.std(params["W1"]) < 1 and 0 < np.std(params["W2"]) < 1, \\
    "the weights should be small and random, for example standard normal / sqrt(fan-in)"
other = init_mlp(3, 8, 4, np.random.default_rng(1))
assert not np.allclose(params["W1"], other["W1"]), "draw the weights from rng: another seed, other weights"
print("Visible tests passed.")
""")

nb.md(r"""
**The loss and its gradients.** The forward pass is four calls: `linear_forward`,
`relu_forward`, `linear_forward`, `softmax_cross_entropy`. The backward pass visits the same
layers in reverse: the loss gives `dscores`; `linear_backward` turns it into `dW2`, `db2`
and the gradient of the hidden activations; `relu_backward` carries that to the hidden
layer's input; a last `linear_backward` gives `dW1` and `db1` (the gradient with respect to
`X` is not needed).

Treat each cache as a sealed envelope: keep the one a forward call returns and hand it,
unopened, to the matching backward call.

**Exercise 12.** Write `mlp_loss_and_grads(params, X, y)`, returning `(loss, grads)` with
`loss` the mean softmax cross-entropy and `grads` a dict with the keys of `params`, each
the gradient of the loss with respect to that parameter (and of its shape). Use your layer
functions.
""")

nb.solution("mlp_loss_and_grads", """
def mlp_loss_and_grads(params, X, y):
    \"\"\"Loss and gradients of a ReLU network with a softmax cross-entropy loss.\"\"\"
    ### BEGIN SOLUTION
    hidden, linear1 = linear_forward(X, params["W1"], params["b1"])
    active, relu = relu_forward(hidden)
    scores, linear2 = linear_forward(active, params["W2"], params["b2"])
    loss, dscores = softmax_cross_entropy(scores, y)
    dactive, dW2, db2 = linear_backward(dscores, linear2)
    dhidden = relu_backward(dactive, relu)
    _, dW1, db1 = linear_backward(dhidden, linear1)
    return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
    ### END SOLUTION
""")

nb.test("test_mlp_loss_and_grads", 3, """
zero = {"W1": np.zeros((2, 5)), "b1": np.zeros(5), "W2": np.zeros((5, 3)), "b2": np.zeros(3)}
loss, grads = mlp_loss_and_grads(zero, np.ones((4, 2)), np.array([0, 1, 2, 0]))
assert np.isclose(loss, np.log(3)), \\
    "with all parameters zero the three classes are equally likely, so the loss is log 3"
assert isinstance(grads, dict) and set(grads) == set(zero), \\
    "grads should be a dict with the keys of params: 'W1', 'b1', 'W2', 'b2'"
for name in zero:
    assert np.shape(grads[name]) == zero[name].shape, \\
        f"grads['{name}'] should have the shape of params['{name}'], {zero[name].shape}"
print("Visible tests passed.")
""")

nb.md(r"""
Before training anything, check the whole network's gradient against finite differences on
a tiny problem. Every relative error should be about $10^{-7}$ or smaller. (If one is not,
check the layers first: `check_layer` above tells you which.)
""")

nb.code("""
rng = np.random.default_rng(1)
tiny = {"W1": rng.standard_normal((2, 4)), "b1": rng.standard_normal(4),
        "W2": rng.standard_normal((4, 3)), "b2": rng.standard_normal(3)}
X_tiny, y_tiny = rng.standard_normal((6, 2)), rng.integers(0, 3, 6)
_, grads = mlp_loss_and_grads(tiny, X_tiny, y_tiny)
h = 1e-5
for name, value in tiny.items():
    numeric = np.zeros_like(value)
    for idx in np.ndindex(value.shape):
        nudged = {k: v.copy() for k, v in tiny.items()}
        nudged[name][idx] += h
        plus = mlp_loss_and_grads(nudged, X_tiny, y_tiny)[0]
        nudged[name][idx] -= 2 * h
        minus = mlp_loss_and_grads(nudged, X_tiny, y_tiny)[0]
        numeric[idx] = (plus - minus) / (2 * h)
    print(f"{name}: relative error {rel_error(grads[name], numeric):.1e}")
""")

nb.md(r"""
**Training.** Full-batch gradient descent: every step uses the gradient on the whole data
set, and every parameter takes the step `params[k] - lr * grads[k]`.

**Exercise 13.** Write `train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0)`:

- start from `init_mlp(D, n_hidden, C, np.random.default_rng(seed))`, with `D` the number of
  columns of `X` and `C = max(y) + 1` classes;
- then, `epochs` times: compute the loss and gradients with `mlp_loss_and_grads`, record the
  loss, and update every parameter (weights *and* biases);
- return `(params, losses)`: the final parameters and the list of recorded losses, one per
  epoch.
""")

nb.solution("train_mlp", """
def train_mlp(X, y, n_hidden=16, lr=0.5, epochs=500, seed=0):
    \"\"\"Full-batch gradient descent on mlp_loss_and_grads; returns (params, losses).\"\"\"
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    params = init_mlp(X.shape[1], n_hidden, int(y.max()) + 1, np.random.default_rng(seed))
    losses = []
    for _ in range(epochs):
        loss, grads = mlp_loss_and_grads(params, X, y)
        params = {k: params[k] - lr * grads[k] for k in params}
        losses.append(float(loss))
    return params, losses
    ### END SOLUTION
""")

nb.test("test_train_mlp", 3, """
params, losses = train_mlp(X_moons, y_moons, epochs=20)
assert isinstance(params, dict) and set(params) == {"W1", "b1", "W2", "b2"}, \\
    "train_mlp should return the parameters as a dict with keys 'W1', 'b1', 'W2', 'b2'"
assert np.shape(params["W1"]) == (2, 16) and np.shape(params["W2"]) == (16, 2), \\
    "two inputs, 16 hidden units by default and two classes: W1 (2, 16) and W2 (16, 2)"
assert len(losses) == 20, f"20 epochs should record 20 losses, got {len(losses)}"
print("Visible tests passed.")
""")

nb.md(r"""
Train on the moons with the default settings and look at the loss curve.
""")

nb.code("""
def predict(params, X):
    \"\"\"The most likely class of each row of X under the network params.\"\"\"
    hidden, _ = linear_forward(X, params["W1"], params["b1"])
    active, _ = relu_forward(hidden)
    scores, _ = linear_forward(active, params["W2"], params["b2"])
    return np.argmax(scores, axis=1)


params, losses = train_mlp(X_moons, y_moons)
accuracy = np.mean(predict(params, X_moons) == y_moons)
print(f"loss {losses[0]:.3f} -> {losses[-1]:.3f} after {len(losses)} epochs; training accuracy {accuracy:.1%}")

if SHOW_DEMOS:
    fig, ax = plt.subplots(figsize=(5, 3.5))
    ax.plot(losses)
    ax.set_yscale("log")
    ax.set(xlabel="epoch", ylabel="softmax cross-entropy", title="full-batch gradient descent")
    plt.show()
""")

nb.md(r"""
## 7. What the network learned (graded by hand)

**Figure.** Draw the decision regions of your trained network: evaluate `predict(params, ·)`
on a fine grid covering the data (say 300 × 300 points over the data's range plus a margin
of 0.5), shade the plane by predicted class (`ax.contourf`), and draw the 200 training
points on top, coloured by their true class. Label the axes and give the training accuracy
in the title. Where does the boundary bend, and does it follow the moons or the noise?
""")

nb.plot("plot_decision_boundary", 2, """
### BEGIN SOLUTION
low, high = X_moons.min(axis=0) - 0.5, X_moons.max(axis=0) + 0.5
g1, g2 = np.meshgrid(np.linspace(low[0], high[0], 300), np.linspace(low[1], high[1], 300))
regions = predict(params, np.column_stack([g1.ravel(), g2.ravel()])).reshape(g1.shape)
fig, ax = plt.subplots(figsize=(6, 4.5))
ax.contourf(g1, g2, regions, levels=[-0.5, 0.5, 1.5], cmap="coolwarm", alpha=0.3)
ax.scatter(X_moons[:, 0], X_moons[:, 1], c=y_moons, cmap="coolwarm", s=18, edgecolors="k",
           linewidths=0.4)
ax.set(xlabel="$x_1$", ylabel="$x_2$",
       title=f"decision regions of the trained network (training accuracy {accuracy:.1%})")
plt.show()
### END SOLUTION
""")

nb.md(r"""
## 8. Why the gradient is so simple (graded by hand)

Show that for the binary cross-entropy from a logit,
$\ell(z, y) = -y \log \sigma(z) - (1 - y) \log(1 - \sigma(z))$, the derivative is
$\partial \ell / \partial z = \sigma(z) - y$. Then say in a sentence or two why this is
good news for learning: compare it with the gradient you would get from the squared error
$\frac12 (\sigma(z) - y)^2$ when the prediction is confidently wrong.
""")

nb.answer("answer_bce_gradient", 2, r"""
With $p = \sigma(z)$ and $\sigma'(z) = p(1 - p)$, the chain rule gives

$$\frac{\partial \ell}{\partial z} = -\frac{y}{p}\, p(1 - p) + \frac{1 - y}{1 - p}\, p(1 - p)
= -y(1 - p) + (1 - y)p = p - y = \sigma(z) - y.$$

The factor $\sigma'(z)$ cancels against the derivative of the logarithm. So the gradient is
just the error of the predicted probability: bounded by 1 in size, zero when the prediction
is right, and largest when it is confidently wrong. With the squared error the gradient is
$(\sigma(z) - y)\,\sigma'(z)$, and $\sigma'(z) \approx 0$ when $|z|$ is large: a
confidently wrong unit (say $z = 10$, $y = 0$) gets a gradient of about $4.5 \times 10^{-5}$
and barely learns, while cross-entropy gives it almost 1.
""")

nb.md(r"""
## 9. The same gradients from PyTorch (optional)

PyTorch's autograd records the forward pass as a graph and walks it backwards, multiplying
local derivatives: backpropagation, automated. If PyTorch is installed, the cell below asks
it for the derivatives of Exercise 3 (at the same point as the finite-difference check) and
for the gradients of the small network of Exercise 12 (on the same tiny problem), and
compares them with yours. Nothing here is graded, and the notebook runs without PyTorch.
(Importing PyTorch takes a few seconds, so this cross-check is skipped while nbgrader grades.)
""")

nb.code("""
torch = None
if SHOW_DEMOS:
    try:
        import torch
    except ImportError:
        print("PyTorch is not installed; the finite-difference checks above are the ones that count.")

if torch is not None:
    leaves = {name: torch.tensor(value, dtype=torch.float64, requires_grad=True)
              for name, value in point.items()}
    h1 = torch.sigmoid(leaves["w1"] * leaves["x"] + leaves["b1"])
    torch.sigmoid(leaves["w2"] * h1 + leaves["b2"]).backward()
    print("Exercise 3, two sigmoid units:")
    for name, leaf in leaves.items():
        print(f"  dy/d{name:<2}: yours {analytic[name]: .10f}, autograd {leaf.grad.item(): .10f}, "
              f"relative error {rel_error(analytic[name], leaf.grad.item()):.1e}")

    theta = {name: torch.tensor(value, requires_grad=True) for name, value in tiny.items()}
    scores = torch.relu(torch.tensor(X_tiny) @ theta["W1"] + theta["b1"]) @ theta["W2"] + theta["b2"]
    torch.nn.functional.cross_entropy(scores, torch.tensor(y_tiny)).backward()
    _, grads = mlp_loss_and_grads(tiny, X_tiny, y_tiny)
    print("Exercise 12, the small network:")
    for name, value in theta.items():
        print(f"  {name}: relative error {rel_error(grads[name], value.grad.numpy()):.1e}")
""")
