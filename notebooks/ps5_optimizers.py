"""ps5_optimizers: momentum, RMSprop, Adam, schedules, and a classifier on the digits."""

from .cells import Notebook

NOTEBOOK = nb = Notebook("ps5_optimizers", "optimizers", "Momentum, RMSprop, Adam and schedules")

nb.md(r"""
# Problem set 5: momentum, RMSprop, Adam and schedules

In the Rosenbrock milestone plain gradient descent needed thousands of steps to crawl along a
curved valley, because one constant step size had to suit a steep direction and a flat one at
once. This problem set builds the tools that every deep-learning library uses instead:

- **mini-batches**, so that a step costs a few examples instead of the whole data set;
- **momentum**, which builds up speed along directions where the gradient keeps agreeing;
- **RMSprop** and **Adam**, which give every coordinate its own step size;
- **gradient clipping**, a seat belt against exploding gradients;
- **learning-rate schedules** and the **learning-rate range test**, for choosing and changing
  the step size.

At the end you race the optimizers on the Rosenbrock function and train a softmax classifier
on real handwritten digits with each of them.

**How this notebook is graded.** Each function you write has a test cell after it. The tests
you can see are a first check: if one fails, its message tells you what to look at, and that
cell scores zero. When you hand in, hidden tests run the same function on random inputs (the
random seed is printed in your feedback) and give partial credit, test by test. Each function
is graded on its own: when a hidden test grades `train_softmax`, it hands it correct versions
of `minibatches` and the step functions, so a bug in one function costs only that function's
points. The figure and the written answer are graded by hand.

Keep every function's name and arguments exactly as given, and don't rename or delete cells.
Every function takes arrays (or lists) and returns **new** float arrays: never modify the
arrays you are given.
""")

nb.code(r'''
import os

import numpy as np
import matplotlib.pyplot as plt

%matplotlib inline

# The demos under `if SHOW_DEMOS:` (figures and experiments that earn no points) skip
# themselves while nbgrader grades the notebook, which it marks by setting
# NBGRADER_EXECUTION; in Jupyter they always run. Don't put the figures you are asked
# to make under it: those are graded by hand from the graded notebook.
SHOW_DEMOS = not os.environ.get("NBGRADER_EXECUTION")
''')

nb.md(r"""
## 1. Batch, stochastic and mini-batch gradient descent

A machine-learning loss is an average over the $N$ examples of a data set,
$L(w) = \frac{1}{N}\sum_{i=1}^{N} \ell_i(w)$, and so is its gradient. There are three ways to
take a gradient step on it:

| | gradient from | cost of one step | the gradient is |
| --- | --- | --- | --- |
| **batch** gradient descent | all $N$ examples | $N$ | exact |
| **stochastic** gradient descent (SGD) | one random example | 1 | very noisy |
| **mini-batch** gradient descent | a random batch of $B$ examples | $B$ | noisy, variance $\propto 1/B$ |

The gradient of a random mini-batch is an *unbiased* estimate of the full gradient: on average
it points the right way, and its noise shrinks as the batch grows. With $B$ between 32 and 256
a step is cheap, the noise is tolerable, and the arithmetic on a batch is fast on vector
hardware. That is why "SGD" in a deep-learning library almost always means mini-batch SGD.

One pass over the whole data set is an **epoch**. Each epoch visits the examples in a new random
order. Shuffling matters: data sets are often stored sorted (all the zeros, then all the ones,
...), and a model trained on batches in that order keeps forgetting the classes it saw a while
ago.

**Exercise 1.** Write `sgd_step(w, g, lr)`: one plain gradient step, `w - lr * g`, as a new
float array.
""")

nb.solution("sgd_step", r'''
def sgd_step(w, g, lr):
    """One plain gradient step: w - lr * g."""
    ### BEGIN SOLUTION
    return np.asarray(w, dtype=float) - lr * np.asarray(g, dtype=float)
    ### END SOLUTION
''')

nb.test("test_sgd_step", 1, r'''
w = np.array([1.0, 2.0])
new_w = sgd_step(w, np.array([0.5, -1.0]), lr=0.1)
assert np.allclose(new_w, [0.95, 2.1]), f"sgd_step([1, 2], [0.5, -1], 0.1) should be [0.95, 2.1], got {new_w}"
assert np.allclose(w, [1.0, 2.0]), "sgd_step must not modify w: return a new array"
assert np.shape(sgd_step(np.ones((2, 3)), np.ones((2, 3)), 0.5)) == (2, 3), \
    "sgd_step should return an array of w's shape"
print("Visible tests passed.")
''')

nb.md(r"""
**Exercise 2.** Write the generator `minibatches(X, y, batch_size, rng)`. It shuffles the rows
once, with the random generator it is given, and then hands out the batches one at a time:

```python
X, y = np.asarray(X), np.asarray(y)     # lists too: every function takes arrays or lists
order = rng.permutation(len(X))          # one random order of the row indices
for start in range(0, len(X), batch_size):
    rows = order[start:start + batch_size]
    yield X[rows], y[rows]               # the same rows of X and of y
```

- Every row appears in exactly one batch. The last batch holds the left-over rows, so it may be
  smaller than `batch_size`; don't drop it.
- Rows of `X` and `y` must stay paired: index both with the same `rows` (shuffling `X` and `y`
  separately scrambles the labels).
- Use only `rng` for randomness, so that the same generator state gives the same batches.

A function with `yield` is a *generator*: calling it runs nothing yet, and a `for` loop (or
`list(...)`) pulls the batches out one by one.
""")

nb.solution("minibatches", r'''
def minibatches(X, y, batch_size, rng):
    """Yield (X_b, y_b) over one random permutation of the rows; the last batch may be smaller."""
    ### BEGIN SOLUTION
    X, y = np.asarray(X), np.asarray(y)
    order = rng.permutation(len(X))
    for start in range(0, len(X), batch_size):
        rows = order[start:start + batch_size]
        yield X[rows], y[rows]
    ### END SOLUTION
''')

nb.test("test_minibatches", 3, r'''
X = np.arange(20.0).reshape(10, 2)     # row i is [2i, 2i + 1]
y = np.arange(10)                      # so the label of a row is its first column // 2
batches = list(minibatches(X, y, 4, np.random.default_rng(0)))
sizes = [len(y_b) for _, y_b in batches]
assert sizes == [4, 4, 2], f"10 rows in batches of 4 should come as sizes [4, 4, 2], got {sizes}"
seen = np.concatenate([y_b for _, y_b in batches])
assert sorted(seen.tolist()) == list(range(10)), f"every row should appear exactly once, got rows {seen}"
for X_b, y_b in batches:
    assert np.array_equal(X_b[:, 0] // 2, y_b), "rows of X and y must stay paired: use the same indices for both"
assert not np.array_equal(seen, np.arange(10)), "the rows should come in a random order: use rng.permutation"
again = np.concatenate([y_b for _, y_b in minibatches(X, y, 4, np.random.default_rng(0))])
assert np.array_equal(seen, again), "the same rng state should give the same batches: use rng, not np.random"
print("Visible tests passed.")
''')

nb.md(r"""
## 2. Momentum

Picture a heavy ball rolling down the loss surface. It doesn't stop and turn at every bump: it
keeps a **velocity** $v$, which the gradient nudges at each step and friction slowly takes
away:

$$v \leftarrow \mu\, v - \eta\, g, \qquad w \leftarrow w + v,$$

with learning rate $\eta$ and momentum $\mu$ (typically 0.9) and $v = 0$ before the first step.
The velocity is a decaying sum of past steps, $v_t = -\eta\,(g_t + \mu g_{t-1} + \mu^2 g_{t-2} + \dots)$. So:

- where the gradient keeps pointing the same way (along the floor of a valley), the steps add
  up; with a constant gradient $v$ tends to $-\eta g / (1 - \mu)$, ten times the plain step for
  $\mu = 0.9$;
- where the gradient flips sign from step to step (across a narrow valley), the terms cancel
  and the zig-zag is damped.

Mind the signs: the velocity *subtracts* $\eta g$ and the parameters *add* the velocity.

**Exercise 3.** Write `momentum_step(w, g, v, lr=0.01, momentum=0.9)` returning the new
parameters and the new velocity, `(w, v)`.
""")

nb.solution("momentum_step", r'''
def momentum_step(w, g, v, lr=0.01, momentum=0.9):
    """One heavy-ball step: v = momentum * v - lr * g, then w = w + v. Returns (w, v)."""
    ### BEGIN SOLUTION
    w, g, v = (np.asarray(a, dtype=float) for a in (w, g, v))
    v = momentum * v - lr * g
    return w + v, v
    ### END SOLUTION
''')

nb.test("test_momentum_step", 2, r'''
w, v = np.zeros(1), np.zeros(1)
expected = [(-0.1, -0.1), (-0.25, -0.15), (-0.425, -0.175)]
for step, (w_expected, v_expected) in enumerate(expected, start=1):
    w, v = momentum_step(w, np.ones(1), v, lr=0.1, momentum=0.5)
    assert np.allclose(v, v_expected), \
        f"step {step} with g = 1, lr = 0.1, momentum = 0.5: v should be {v_expected}, got {v} (v = momentum * v - lr * g)"
    assert np.allclose(w, w_expected), \
        f"step {step} with g = 1, lr = 0.1, momentum = 0.5: w should be {w_expected}, got {w} (w = w + v)"
v0 = np.array([0.2, -0.4])
new_w, new_v = momentum_step(np.array([1.0, 1.0]), np.array([1.0, 2.0]), v0)
assert np.allclose(new_v, [0.17, -0.38]), f"with the defaults lr=0.01, momentum=0.9 the velocity should be [0.17, -0.38], got {new_v}"
assert np.allclose(new_w, [1.17, 0.62]), f"the new w should be w + v = [1.17, 0.62], got {new_w}"
assert np.allclose(v0, [0.2, -0.4]), "momentum_step must not modify v: return a new array"
print("Visible tests passed.")
''')

nb.md(r"""
Here is the difference on a long, narrow bowl, $f(x, y) = \frac{1}{2}(x^2 + 50y^2)$, whose
curvatures are 1 and 50. Plain gradient descent must keep $\eta < 2/50$ for the steep direction,
and then crawls along the flat one. The helper `run_optimizer` below runs any of this notebook's
optimizers for a number of steps (it already knows RMSprop and Adam from the next sections) and
returns the path.
""")

nb.code(r'''
def run_optimizer(name, grad_f, x0, n_steps, **hyper):
    """The iterates of one optimizer from x0, an array of shape (n_steps + 1, d)."""
    x = np.array(x0, dtype=float)
    first, second = np.zeros_like(x), np.zeros_like(x)   # the optimizer's state
    path = [x]
    with np.errstate(all="ignore"):
        for t in range(1, n_steps + 1):
            g = grad_f(x)
            if name == "sgd":
                x = sgd_step(x, g, **hyper)
            elif name == "momentum":
                x, first = momentum_step(x, g, first, **hyper)
            elif name == "rmsprop":
                x, first = rmsprop_step(x, g, first, **hyper)
            elif name == "adam":
                x, first, second = adam_step(x, g, first, second, t, **hyper)
            path.append(x)
    return np.array(path)


def first_within(path, target, tol):
    """The first step at which the path is within tol of target, or None."""
    close = np.linalg.norm(np.asarray(path) - target, axis=1) < tol
    return int(np.argmax(close)) if close.any() else None


narrow_grad = lambda p: np.array([p[0], 50.0 * p[1]])
for name, hyper in [("sgd", {"lr": 0.035}), ("momentum", {"lr": 0.02, "momentum": 0.5}),
                    ("momentum", {"lr": 0.02, "momentum": 0.8})]:
    path = run_optimizer(name, narrow_grad, [2.0, 1.0], 500, **hyper)
    print(f"{name:>8} {hyper}: within 1e-3 of the minimum after {first_within(path, 0.0, 1e-3)} steps")
''')

nb.md(r"""
## 3. RMSprop: a step size for every coordinate

Momentum still uses one learning rate for all coordinates. On the narrow bowl the gradient is
50 times larger along $y$ than along $x$; it would be better to take steps of similar size in
both. RMSprop keeps a running mean of each coordinate's *squared* gradient and divides the
step by its square root, the coordinate's recent RMS gradient:

$$s \leftarrow \rho\, s + (1 - \rho)\, g^2, \qquad
w \leftarrow w - \eta\, \frac{g}{\sqrt{s + \epsilon}},$$

all elementwise, with decay $\rho$ (typically 0.9) and $s = 0$ before the first step. A
coordinate with large gradients gets a small rate and one with small gradients a large rate:
every step is roughly $\eta$ in size, whatever the gradient's scale.

The small $\epsilon$ keeps the division safe when $s$ is zero. In this course it goes *inside*
the square root. (PyTorch adds it outside, to $\sqrt{s}$; the two agree unless $s$ is tiny, so
when the gradients are tiny, the place of $\epsilon$ matters.)

**Exercise 4.** Write `rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8)` returning
`(w, s)`.
""")

nb.solution("rmsprop_step", r'''
def rmsprop_step(w, g, s, lr=0.001, decay=0.9, eps=1e-8):
    """One RMSprop step: s = decay * s + (1 - decay) * g**2, w = w - lr * g / sqrt(s + eps)."""
    ### BEGIN SOLUTION
    w, g, s = (np.asarray(a, dtype=float) for a in (w, g, s))
    s = decay * s + (1.0 - decay) * g**2
    return w - lr * g / np.sqrt(s + eps), s
    ### END SOLUTION
''')

nb.test("test_rmsprop_step", 2, r'''
w, s = rmsprop_step(np.zeros(2), np.array([100.0, 0.01]), np.zeros(2), lr=0.1, decay=0.9, eps=0.0)
assert np.allclose(s, [1000.0, 1e-5]), f"s should be (1 - decay) * g**2 = [1000, 1e-5], got {s}"
assert np.allclose(w, [-0.1 / np.sqrt(0.1), -0.1 / np.sqrt(0.1)]), \
    f"gradients of 100 and 0.01 should give steps of the same size, -0.3162 each; got {w}"
w, s = rmsprop_step(np.array([1.0]), np.array([1e-4]), np.array([0.0]), lr=0.1, decay=0.9, eps=1e-6)
assert np.allclose(w, 1.0 - 0.1 * 1e-4 / np.sqrt(1e-9 + 1e-6)), \
    f"with g = 1e-4 and eps = 1e-6 the new w should be about 0.99001, got {w}: eps goes inside the square root"
print("Visible tests passed.")
''')

nb.md(r"""
## 4. Adam

Adam ("adaptive moments") combines the two ideas: a running mean $m$ of the gradient, as in
momentum, and a running mean $v$ of its square, as in RMSprop. At step $t = 1, 2, 3, \dots$

$$m \leftarrow \beta_1 m + (1 - \beta_1)\, g, \qquad v \leftarrow \beta_2 v + (1 - \beta_2)\, g^2,$$

$$\hat m = \frac{m}{1 - \beta_1^{\,t}}, \qquad \hat v = \frac{v}{1 - \beta_2^{\,t}}, \qquad
w \leftarrow w - \eta\, \frac{\hat m}{\sqrt{\hat v} + \epsilon},$$

with $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\epsilon = 10^{-8}$ and $m = v = 0$ before the first
step. (For Adam $\epsilon$ is added *after* the square root, as in the paper.)

**Why the bias correction?** Both running means start at zero, so early on they are too small.
At $t = 1$, $m = 0.1\,g$ and $v = 0.001\,g^2$: nothing like the gradient and its square. In
general, if the gradient were constant, $m = (1 - \beta_1^t)\, g$ and $v = (1 - \beta_2^t)\, g^2$;
dividing by those factors gives $\hat m = g$ and $\hat v = g^2$ exactly, from the first step on.
Without the correction the step would be $\eta\,(1 - \beta_1^t)/\sqrt{1 - \beta_2^t}$ times
$\operatorname{sign}(g)$ instead of $\eta \operatorname{sign}(g)$. Because $\beta_2$ is so close
to 1, $v$ is far more biased than $m$, and the uncorrected steps come out several times *too
large* for the first few hundred steps:
""")

nb.code(r'''
beta1, beta2 = 0.9, 0.999
print("     t   1 - beta1**t   1 - beta2**t   uncorrected step / corrected step")
for t in (1, 2, 5, 10, 100, 1000, 10000):
    ratio = (1 - beta1**t) / np.sqrt(1 - beta2**t)
    print(f"{t:>6}   {1 - beta1**t:12.4f}   {1 - beta2**t:12.4f}   {ratio:8.2f}")
''')

nb.md(r"""
**Exercise 5.** Write `adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8)`,
returning `(w, m, v)`. Return the running means `m` and `v` themselves (they are the state for
the next step), not the corrected $\hat m$, $\hat v$. The caller counts `t` from 1: the first step
is `t=1`.
""")

nb.solution("adam_step", r'''
def adam_step(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One bias-corrected Adam step at step number t (counting from 1). Returns (w, m, v)."""
    ### BEGIN SOLUTION
    w, g, m, v = (np.asarray(a, dtype=float) for a in (w, g, m, v))
    m = beta1 * m + (1.0 - beta1) * g
    v = beta2 * v + (1.0 - beta2) * g**2
    m_hat = m / (1.0 - beta1**t)
    v_hat = v / (1.0 - beta2**t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
    ### END SOLUTION
''')

nb.test("test_adam_step", 3, r'''
w, m, v = adam_step(np.zeros(2), np.array([1e3, -1e-3]), np.zeros(2), np.zeros(2), t=1, lr=0.01)
assert np.allclose(m, [100.0, -1e-4]), f"after one step m should be (1 - beta1) * g = [100, -1e-4], got {m}"
assert np.allclose(v, [1000.0, 1e-9]), f"after one step v should be (1 - beta2) * g**2 = [1000, 1e-9], got {v}"
assert np.allclose(w, [-0.01, 0.01], rtol=1e-4), \
    f"thanks to the bias correction the first step moves each coordinate by lr = 0.01, got w = {w}"
w, m, v = adam_step(w, np.array([1e3, -1e-3]), m, v, t=2, lr=0.01)
assert np.allclose(w, [-0.02, 0.02], rtol=1e-4), \
    f"with the same gradient again, step t=2 should move each coordinate by 0.01 more; got w = {w}"
print("Visible tests passed.")
''')

nb.md(r"""
**Question.** Explain in your own words why Adam divides by $1 - \beta_1^t$ and
$1 - \beta_2^t$. What would the first step be without the correction, for a gradient $g$ and the
default betas? And what would go wrong if a training loop counted $t$ from 0 instead of 1?
""")

nb.answer("answer_bias_correction", 2, r"""
The running means m and v start at zero, so after t steps they hold only a fraction
1 - beta^t of the weight they should (for a constant gradient, m = (1 - beta1^t) g and
v = (1 - beta2^t) g^2). Dividing by those fractions removes that bias, so m_hat and v_hat are
estimates of the gradient and its square from the first step on. Without the correction the
first step would be lr * 0.1 g / sqrt(0.001 g^2) = 3.16 lr in every coordinate instead of lr,
and because beta2 = 0.999 is so close to 1 the early steps stay several times too large (about
6.5 times at t = 10) for hundreds of steps, just when the parameters are far from anything
sensible. Counting t from 0 would divide by 1 - beta^0 = 0 at the first step: the step is 0/0,
nan, and the parameters are destroyed.
""")

nb.md(r"""
## 5. Gradient clipping

Some loss surfaces have cliffs: a region where the gradient is suddenly enormous. Recurrent
networks are famous for them, since their gradients are long products that can grow
exponentially (**exploding gradients**). One step there can throw the parameters so far that
training never recovers.

**Clipping by norm** caps the *length* of the gradient and keeps its direction: when
$\lVert g \rVert > c$, use $g \cdot c / \lVert g \rVert$; otherwise use $g$ as it is.
(Clipping each element to $[-c, c]$ instead would change the direction.) The norm is over all the
elements of `g`, whatever its shape: for a matrix it is `np.linalg.norm(g)`, the square root of the
sum of all squares.

**Exercise 6.** Write `clip_by_norm(g, max_norm)`, returning a new float array.
""")

nb.solution("clip_by_norm", r'''
def clip_by_norm(g, max_norm):
    """g scaled down so that its norm is at most max_norm (unchanged when already within)."""
    ### BEGIN SOLUTION
    g = np.array(g, dtype=float)
    norm = np.linalg.norm(g)
    if norm <= max_norm:
        return g
    return g * (max_norm / norm)
    ### END SOLUTION
''')

nb.test("test_clip_by_norm", 2, r'''
g = np.array([3.0, 4.0])
clipped = clip_by_norm(g, 1.0)
assert np.allclose(clipped, [0.6, 0.8]), f"[3, 4] has norm 5; clipped to norm 1 it is [0.6, 0.8], got {clipped}"
assert np.allclose(g, [3.0, 4.0]), "clip_by_norm must not modify g"
assert np.allclose(clip_by_norm(g, 10.0), [3.0, 4.0]), "a gradient already within max_norm comes back unchanged"
big = np.full((2, 2), 2.0)             # norm sqrt(4 * 4) = 4
assert np.allclose(clip_by_norm(big, 2.0), np.ones((2, 2))), \
    "for a matrix, the norm is over all its elements: np.full((2, 2), 2.0) clipped to norm 2 is all ones"
print("Visible tests passed.")
''')

nb.md(r"""
The function $f(w) = w^4$ has gradient $4w^3$, which explodes as $|w|$ grows. From $w = 4$
with $\eta = 0.05$, plain gradient descent overshoots to $-8.8$, where the gradient is even larger,
and flies off to infinity. With the gradient clipped to norm 10, no step is longer than
$\eta \cdot 10 = 0.5$ and the descent walks calmly down:
""")

nb.code(r'''
for clip in (None, 10.0):
    w, trace = np.array([4.0]), []
    with np.errstate(all="ignore"):
        for _ in range(8):
            g = 4 * w**3
            if clip is not None:
                g = clip_by_norm(g, clip)
            w = sgd_step(w, g, 0.05)
            trace.append(float(w[0]))
    print("clipped at 10:" if clip else "not clipped:  ", " ".join(f"{x:.3g}" for x in trace))
''')

nb.md(r"""
## 6. Learning-rate schedules

A constant learning rate is a compromise. Early in training large steps cover ground quickly;
late in training, with noisy mini-batch gradients, a constant rate keeps the parameters
bouncing around the minimum in a cloud whose size grows with the rate. A **schedule** makes the
rate shrink as training goes on. Three common ones, as functions of the epoch or step number:

- **step decay**: multiply by $d$ = `drop` every $E$ = `epochs_drop` epochs, a staircase:
  $\eta = \eta_0 \cdot d^{\,\lfloor \text{epoch} / E \rfloor}$;
- **exponential decay**: the smooth version, multiplied by $r$ = `decay_rate` every
  $S$ = `decay_steps` steps: $\eta = \eta_0 \cdot r^{\,\text{step} / S}$ (an ordinary division,
  not a whole-number one);
- **cosine annealing**: half a cosine wave from $\eta_{\max}$ at step 0 down to $\eta_{\min}$ at
  step $T$ = `t_max`: $\eta = \eta_{\min} + (\eta_{\max} - \eta_{\min})\,\frac{1 + \cos(\pi\, \text{step} / T)}{2}$.

**Exercise 7.** Write the three schedules. Each takes a number and returns a float.

- `step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10)`: epochs 0 to 9 use 0.1,
  epochs 10 to 19 use 0.05, and so on (`np.floor` or `//`, not `round`);
- `exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96)`;
- `cosine_annealing(step, lr_max, t_max, lr_min=0.0)`.
""")

nb.solution("step_decay", r'''
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    """initial_lr * drop ** floor(epoch / epochs_drop)."""
    ### BEGIN SOLUTION
    return float(initial_lr * drop ** np.floor(epoch / epochs_drop))
    ### END SOLUTION


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    """initial_lr * decay_rate ** (step / decay_steps)."""
    ### BEGIN SOLUTION
    return float(initial_lr * decay_rate ** (step / decay_steps))
    ### END SOLUTION


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    """lr_min + (lr_max - lr_min) * (1 + cos(pi * step / t_max)) / 2."""
    ### BEGIN SOLUTION
    return float(lr_min + (lr_max - lr_min) * (1.0 + np.cos(np.pi * step / t_max)) / 2.0)
    ### END SOLUTION
''')

nb.test("test_step_decay", 1, r'''
for epoch, expected in [(0, 0.1), (9, 0.1), (10, 0.05), (15, 0.05), (19, 0.05), (20, 0.025)]:
    got = step_decay(epoch)
    assert np.isclose(got, expected), f"step_decay({epoch}) should be {expected}, got {got}"
assert np.isclose(step_decay(7, initial_lr=1.0, drop=0.1, epochs_drop=3), 0.01), \
    "step_decay(7, 1.0, drop=0.1, epochs_drop=3) should be 1.0 * 0.1**2 = 0.01: floor(7 / 3) = 2"
print("Visible tests passed.")
''')

nb.test("test_exponential_decay", 1, r'''
assert np.isclose(exponential_decay(0), 0.1), "exponential_decay(0) should be initial_lr = 0.1"
assert np.isclose(exponential_decay(10000), 0.096), "after decay_steps = 10000 steps the rate is 0.1 * 0.96 = 0.096"
assert np.isclose(exponential_decay(5000), 0.1 * 0.96**0.5), \
    f"exponential_decay(5000) should be 0.1 * 0.96**0.5 = {0.1 * 0.96**0.5:.6f}: step / decay_steps is 0.5, not 0"
print("Visible tests passed.")
''')

nb.test("test_cosine_annealing", 1, r'''
assert np.isclose(cosine_annealing(0, 0.1, 100), 0.1), "at step 0 the rate is lr_max"
assert np.isclose(cosine_annealing(50, 0.1, 100), 0.05), "half way, at step t_max / 2, the rate is (lr_max + lr_min) / 2"
assert np.isclose(cosine_annealing(100, 0.1, 100, lr_min=0.001), 0.001), "at step t_max the rate is lr_min"
assert np.isclose(cosine_annealing(25, 1.0, 100), (1 + np.cos(np.pi / 4)) / 2), \
    "cosine_annealing(25, 1.0, 100) should be (1 + cos(pi / 4)) / 2"
print("Visible tests passed.")
''')

nb.code(r'''
if SHOW_DEMOS:
    epochs = np.arange(101)
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(epochs, [step_decay(e, 0.1, 0.5, 25) for e in epochs], label="step decay (halve every 25)")
    ax.plot(epochs, [exponential_decay(e, 0.1, 100, 0.05) for e in epochs], label="exponential decay")
    ax.plot(epochs, [cosine_annealing(e, 0.1, 100) for e in epochs], label="cosine annealing")
    ax.set(xlabel="epoch", ylabel="learning rate", title="three schedules from 0.1")
    ax.legend()
    plt.show()
''')

nb.md(r"""
### Reduce on plateau

The schedules above are fixed in advance. **Reduce-on-plateau** watches the loss instead (usually
the validation loss, once per epoch) and cuts the rate when it stops improving. It remembers the
best loss so far and counts the reports since the last improvement:

- a loss **below** the best so far becomes the new best and resets the count to 0;
- any other loss (equal or higher) adds one to the count, and when the count reaches
  `patience` the rate becomes `max(lr * factor, min_lr)` and the count starts again at 0.

For example, with `lr=1.0, factor=0.5, patience=2, min_lr=0.2`:

| loss reported | 5 | 4 | 4 | 4 | 3 | 9 | 9 | 9 | 9 | 9 | 9 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| count after it | 0 | 0 | 1 | 0 (cut) | 0 | 1 | 0 (cut) | 1 | 0 (cut) | 1 | 0 (cut) |
| rate returned | 1.0 | 1.0 | 1.0 | 0.5 | 0.5 | 0.5 | 0.25 | 0.25 | 0.2 | 0.2 | 0.2 |

**Exercise 8.** Write the class `ReduceLROnPlateau(lr, factor=0.5, patience=5, min_lr=1e-7)`.
Its method `step(loss)` takes one loss and returns the learning rate to use from now on. Before the
first report the best loss is `np.inf`, so the first loss is always an improvement.
""")

nb.solution("ReduceLROnPlateau", r'''
class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        ### BEGIN SOLUTION
        self.lr = float(lr)
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.best = np.inf
        self.num_bad = 0
        ### END SOLUTION

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        ### BEGIN SOLUTION
        if loss < self.best:
            self.best = loss
            self.num_bad = 0
        else:
            self.num_bad += 1
            if self.num_bad >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.num_bad = 0
        return self.lr
        ### END SOLUTION
''')

nb.test("test_ReduceLROnPlateau", 3, r'''
plateau = ReduceLROnPlateau(1.0, factor=0.5, patience=2, min_lr=0.2)
losses = [5, 4, 4, 4, 3, 9, 9, 9, 9, 9, 9]
rates = [plateau.step(loss) for loss in losses]
expected = [1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.25, 0.25, 0.2, 0.2, 0.2]
assert np.allclose(rates, expected), f"for the losses {losses} the rates should be {expected} (see the table), got {rates}"
plateau = ReduceLROnPlateau(0.1, patience=3)
rates = [plateau.step(loss) for loss in [2.0, 2.5, 2.5, 1.0, 1.5, 1.5]]
assert np.allclose(rates, 0.1), f"each improvement resets the count, so no cut should happen here; got {rates}"
print("Visible tests passed.")
''')

nb.md(r"""
## 7. The learning-rate range test

How large should the learning rate be? The **range test** (Leslie Smith, 2017; the "learning rate
finder" of the fastai library) answers it in one short run: take one gradient step with each
rate of a geometric grid from tiny to huge, each step continuing from where the last one ended,
and record the loss after every step. While the rate is tiny nothing happens; then the loss falls;
once the rate is too large the loss shoots up. A good rate lies a bit below the blow-up, and a
common rule of thumb takes a tenth of it.

**Exercise 9.** Write two functions.

- `lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100)`. The rates are
  `lrs = np.geomspace(lr_min, lr_max, n_steps)` (a geometric grid, not `np.linspace`). Start from
  a float copy of `w0`; for each rate in turn take one step `w = w - lr * grad_fn(w)` from the
  current `w` (don't go back to `w0`), and record `loss_fn(w)` at the point reached. Return
  `(lrs, losses)`, two arrays of length `n_steps`. Once the run diverges the losses may become
  `inf` or `nan`; that's expected (wrap the loop in `with np.errstate(all="ignore"):` to silence
  the warnings).
- `suggest_lr(lrs, losses)`: find the first index `i` whose loss is not finite or is more than
  4 times the **lowest loss before it** (the minimum of `losses[:i]`, not the first loss), and
  return `lrs[i] / 10` as a float. If there is no such index, return a tenth of the last rate.
""")

nb.solution("lr_range_test", r'''
def lr_range_test(loss_fn, grad_fn, w0, lr_min=1e-6, lr_max=1.0, n_steps=100):
    """One gradient step per rate of np.geomspace(lr_min, lr_max, n_steps); returns (lrs, losses)."""
    ### BEGIN SOLUTION
    lrs = np.geomspace(lr_min, lr_max, n_steps)
    losses = np.empty(n_steps)
    w = np.array(w0, dtype=float)
    with np.errstate(all="ignore"):
        for i, lr in enumerate(lrs):
            w = w - lr * np.asarray(grad_fn(w), dtype=float)
            losses[i] = loss_fn(w)
    return lrs, losses
    ### END SOLUTION


def suggest_lr(lrs, losses):
    """A tenth of the first rate whose loss is not finite or > 4x the lowest loss before it."""
    ### BEGIN SOLUTION
    lrs = np.asarray(lrs, dtype=float)
    losses = np.asarray(losses, dtype=float)
    lowest = np.inf
    for lr, loss in zip(lrs, losses):
        if not np.isfinite(loss) or loss > 4.0 * lowest:
            return float(lr / 10.0)
        lowest = min(lowest, loss)
    return float(lrs[-1] / 10.0)
    ### END SOLUTION
''')

nb.test("test_lr_range_test", 2, r'''
square = lambda w: float(w @ w)
square_grad = lambda w: 2 * w
start = np.ones(1)
lrs, losses = lr_range_test(square, square_grad, start, lr_min=0.01, lr_max=100, n_steps=5)
assert np.allclose(lrs, [0.01, 0.1, 1.0, 10.0, 100.0]), f"the rates should be np.geomspace(0.01, 100, 5), got {lrs}"
assert len(losses) == 5, f"there should be one loss per rate, got {len(losses)}"
# on w**2 a step with rate a multiplies w by (1 - 2a), and each step continues from the last
expected = np.cumprod([0.98, 0.8, -1.0, -19.0, -199.0]) ** 2
assert np.allclose(losses, expected), \
    f"the losses should be {np.round(expected, 4)}, got {np.round(losses, 4)}: each step continues from the previous point"
assert np.allclose(start, 1.0), "lr_range_test must not modify w0"
print("Visible tests passed.")
''')

nb.test("test_suggest_lr", 2, r'''
lrs = [0.001, 0.01, 0.1, 1.0, 10.0]
got = suggest_lr(lrs, [5.0, 2.0, 1.0, 4.5, np.inf])
assert np.isclose(got, 0.1), f"4.5 is more than 4 times the lowest loss 1.0 before it, so the answer is 1.0 / 10 = 0.1; got {got}"
got = suggest_lr(lrs, [5.0, 2.0, 1.0, 3.0, np.nan])
assert np.isclose(got, 1.0), f"the first loss that is not finite is at rate 10.0, so the answer is 1.0; got {got}"
got = suggest_lr(lrs, [5.0, 2.0, 1.0, 3.0, 3.5])
assert np.isclose(got, 1.0), f"with no blow-up the answer is a tenth of the last rate, 1.0; got {got}"
print("Visible tests passed.")
''')

nb.md(r"""
The Rosenbrock function from the milestone is a good test. In problem set 3 the Hessian at the
minimum told us that constant steps above about 0.002 are unstable. What does the range test
find from $(-1, 1)$?
""")

nb.code(r'''
def rosenbrock(xy):
    x, y = xy
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def rosenbrock_grad(xy):
    x, y = xy
    return np.array([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)])


lrs, losses = lr_range_test(rosenbrock, rosenbrock_grad, np.array([-1.0, 1.0]))
suggested = suggest_lr(lrs, losses)
print(f"the loss falls from {losses[0]:.3f} to {np.nanmin(losses):.3f}, then blows up; suggested lr {suggested:.2g}")
if SHOW_DEMOS:
    shown = np.isfinite(losses) & (losses < 1.2 * losses[0])     # leave out the blow-up
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.semilogx(lrs[shown], losses[shown], ".-")
    ax.axvline(suggested, color="red", ls="--", label=f"suggested lr = {suggested:.2g}")
    ax.set(xlabel="learning rate", ylabel="loss after the step",
           title="range test on Rosenbrock from (-1, 1), blow-up left out")
    ax.legend()
    plt.show()
''')

nb.md(r"""
## 8. The optimizers race on Rosenbrock

Now the four optimizers start from $(-1, 1)$ on the Rosenbrock function, each with settings tuned
roughly by hand, and we count the steps until each is within $10^{-3}$ of the minimum $(1, 1)$.
Plain gradient descent uses the milestone's rate, 0.001, which needs about 17,000 steps; here the
budget is 2,000 steps. (Nothing to hand in: read the numbers and the paths, and try other
settings.)
""")

nb.code(r'''
settings = {
    "sgd": {"lr": 0.001},
    "momentum": {"lr": 0.001, "momentum": 0.9},
    "rmsprop": {"lr": 0.001, "decay": 0.9},
    "adam": {"lr": 0.02},
}
start, optimum, budget = np.array([-1.0, 1.0]), np.array([1.0, 1.0]), 2000
paths = {name: run_optimizer(name, rosenbrock_grad, start, budget, **hyper) for name, hyper in settings.items()}
print(f"{'optimizer':>10} {'steps to 1e-3':>14} {'distance after 2000 steps':>26}")
for name, path in paths.items():
    steps = first_within(path, optimum, 1e-3)
    print(f"{name:>10} {steps if steps is not None else 'not reached':>14} {np.linalg.norm(path[-1] - optimum):>26.2e}")
''')

nb.code(r'''
if SHOW_DEMOS:
    xs, ys = np.linspace(-1.5, 1.5, 150), np.linspace(-0.5, 1.5, 150)
    XY = np.stack(np.meshgrid(xs, ys))
    Z = rosenbrock(XY)
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.contour(XY[0], XY[1], Z, levels=np.geomspace(1e-2, Z.max(), 20), colors="0.75", linewidths=0.6)
    for name, path in paths.items():
        finite = np.all(np.isfinite(path), axis=1)
        line, = ax.plot(path[finite, 0], path[finite, 1], lw=1, label=name)
        ax.plot(*path[finite][-1], "o", color=line.get_color(), ms=7)       # where the run ended
    ax.plot(1, 1, "k*", ms=12, label="minimum (1, 1)")
    ax.set(xlim=(-1.5, 1.5), ylim=(-0.5, 1.5), xlabel="x", ylabel="y",
           title="2,000 steps from (-1, 1); dots mark where each run ended")
    ax.legend(loc="lower right")
    plt.show()
''')

nb.md(r"""
Momentum and Adam reach the minimum within the budget; plain gradient descent and RMSprop (at
these rates) are still on their way along the valley floor. Notice how Adam's path first moves
diagonally: its very first steps are about `lr` in *each* coordinate, whatever the gradient.

## 9. A softmax classifier on handwritten digits

Time for real data. scikit-learn comes with 1,797 handwritten digits, 8×8 images with pixel
values 0 to 16, bundled with the library (no download). We scale the pixels to $[0, 1]$, flatten
each image into 64 numbers, and keep a random quarter of the images aside as a test set the
classifier never trains on. (Importing scikit-learn takes a few seconds.)
""")

nb.code(r'''
from sklearn.datasets import load_digits
''')

nb.code(r'''
digits = load_digits()
X_all, y_all = digits.data / 16.0, digits.target
order = np.random.default_rng(0).permutation(len(X_all))
n_test = len(X_all) // 4
X_test, y_test = X_all[order[:n_test]], y_all[order[:n_test]]
X_train, y_train = X_all[order[n_test:]], y_all[order[n_test:]]
print(f"training set {X_train.shape}, test set {X_test.shape}, classes {np.unique(y_all)}")

if SHOW_DEMOS:
    examples = np.hstack([X_train[y_train == digit][0].reshape(8, 8) for digit in range(10)])
    fig, ax = plt.subplots(figsize=(8, 1))
    ax.imshow(examples, cmap="gray_r")
    ax.set(xticks=4 + 8 * np.arange(10), xticklabels=range(10), yticks=[])
    plt.show()
''')

nb.md(r"""
A softmax classifier scores each class $k$ with a linear function, $z = x W + b$ for a row $x$,
turns the scores into probabilities $p_k = e^{z_k} / \sum_j e^{z_j}$, and is trained to minimise
the mean cross-entropy $-\log p_{y}$ of the true classes. You derived its gradient in the backprop
problem set; here it is ready-made, with two small helpers. (This cell is read-only.)
""")

nb.given("softmax_helpers", r'''
def softmax_loss_grads(W, b, X, y):
    """Mean softmax cross-entropy of the scores X @ W + b against labels y; returns (loss, dW, db)."""
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    logits = X @ W + b
    logits = logits - logits.max(axis=1, keepdims=True)
    log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    n = len(X)
    loss = -log_p[np.arange(n), y].mean()
    dlogits = np.exp(log_p)
    dlogits[np.arange(n), y] -= 1.0
    dlogits /= n
    return float(loss), X.T @ dlogits, dlogits.sum(axis=0)


def predict(W, b, X):
    """The most likely class of each row of X."""
    return np.argmax(np.asarray(X, dtype=float) @ W + b, axis=1)


def accuracy(W, b, X, y):
    """The fraction of the rows of X whose predicted class is y."""
    return float(np.mean(predict(W, b, X) == np.asarray(y)))
''')

nb.md(r"""
**Exercise 10.** Write `train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0)`.

- `K = y.max() + 1` classes; `W` (shape `(D, K)`) and `b` (shape `(K,)`) start at zero.
- Make one generator `rng = np.random.default_rng(seed)` for the whole run. Each epoch, loop over
  `minibatches(X, y, batch_size, rng)`; for each batch compute `loss, dW, db` with
  `softmax_loss_grads`, append `loss` to the list `losses` (so there is **one loss per
  mini-batch**, measured before the step), and update `W` and `b`:
  - `"sgd"`: `sgd_step` with `lr`;
  - `"momentum"`: `momentum_step` with `lr` and the default momentum, with one velocity for `W`
    and one for `b`;
  - `"adam"`: `adam_step` with `lr` and the default betas, with `m` and `v` for `W` and for `b`,
    and `t` counting the mini-batches from 1 over the whole run (it does not restart each epoch).
- Return `(W, b, losses)`.
""")

nb.solution("train_softmax", r'''
def train_softmax(X, y, optimizer="adam", lr=0.01, epochs=30, batch_size=64, seed=0):
    """A softmax classifier trained with mini-batches; returns (W, b, losses), one loss per batch."""
    ### BEGIN SOLUTION
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    W = np.zeros((X.shape[1], int(y.max()) + 1))
    b = np.zeros(W.shape[1])
    first_W, first_b = np.zeros_like(W), np.zeros_like(b)     # velocity, or Adam's m
    second_W, second_b = np.zeros_like(W), np.zeros_like(b)   # Adam's v
    rng = np.random.default_rng(seed)
    losses, t = [], 0
    for _ in range(epochs):
        for X_b, y_b in minibatches(X, y, batch_size, rng):
            loss, dW, db = softmax_loss_grads(W, b, X_b, y_b)
            losses.append(loss)
            t += 1
            if optimizer == "sgd":
                W, b = sgd_step(W, dW, lr), sgd_step(b, db, lr)
            elif optimizer == "momentum":
                W, first_W = momentum_step(W, dW, first_W, lr=lr)
                b, first_b = momentum_step(b, db, first_b, lr=lr)
            elif optimizer == "adam":
                W, first_W, second_W = adam_step(W, dW, first_W, second_W, t, lr=lr)
                b, first_b, second_b = adam_step(b, db, first_b, second_b, t, lr=lr)
            else:
                raise ValueError(f"unknown optimizer {optimizer!r}")
    return W, b, losses
    ### END SOLUTION
''')

nb.test("test_train_softmax", 2, r'''
toy_rng = np.random.default_rng(1)
X_toy = np.vstack([toy_rng.normal(centre, 0.3, size=(16, 2)) for centre in ([0, 2], [2, 0], [-2, -2])])
y_toy = np.repeat([0, 1, 2], 16)
W, b, toy_losses = train_softmax(X_toy, y_toy, optimizer="sgd", lr=0.5, epochs=5, batch_size=16)
assert np.shape(W) == (2, 3) and np.shape(b) == (3,), \
    f"for 2 features and 3 classes W should have shape (2, 3) and b shape (3,); got {np.shape(W)} and {np.shape(b)}"
assert len(toy_losses) == 15, \
    f"48 rows in batches of 16 for 5 epochs is 15 mini-batches, so 15 losses; got {len(toy_losses)}"
assert np.isclose(toy_losses[0], np.log(3)), \
    f"with W and b at zero every class has probability 1/3, so the first loss should be log(3); got {toy_losses[0]}"
assert np.mean(toy_losses[-3:]) < 0.5 * np.mean(toy_losses[:3]), "the loss should fall on this easy problem"
print("Visible tests passed.")
''')

nb.md(r"""
**Batch, stochastic or mini-batch?** The same number of epochs (every example seen twice) costs
2 steps in batch mode, about 2,700 stochastic steps, and 44 mini-batch steps of 64. Which one gets
furthest?
""")

nb.code(r'''
if SHOW_DEMOS:
    for label, size in [("batch", len(X_train)), ("stochastic", 1), ("mini-batch", 64)]:
        lr = 0.05 if size == 1 else 0.5
        W, b, run_losses = train_softmax(X_train, y_train, "sgd", lr=lr, epochs=2, batch_size=size)
        print(f"{label:>11} (batch size {size:>4}, lr {lr}): {len(run_losses):>5} steps, "
              f"test accuracy {accuracy(W, b, X_test, y_test):.3f}")
''')

nb.md(r"""
Now train the classifier with each optimizer for 10 epochs of mini-batches of 64. The rates are
tuned roughly by hand: plain SGD tolerates a large rate on this problem, momentum effectively
multiplies its rate by $1/(1 - \mu) = 10$, and Adam's steps are about `lr` per weight.
""")

nb.code(r'''
rates = {"sgd": 0.5, "momentum": 0.05, "adam": 0.01}
results = {name: train_softmax(X_train, y_train, name, lr=lr, epochs=10, batch_size=64)
           for name, lr in rates.items()}
for name, (W, b, run_losses) in results.items():
    print(f"{name:>8}: final batch loss {run_losses[-1]:.3f}, "
          f"train accuracy {accuracy(W, b, X_train, y_train):.3f}, test accuracy {accuracy(W, b, X_test, y_test):.3f}")
''')

nb.md(r"""
**Figure.** Plot the three loss curves of `results` (one loss per mini-batch) on one set of axes:
a moving average over 10 mini-batches makes them readable (`np.convolve(losses, np.ones(10) / 10,
mode="valid")`), a logarithmic y axis, axis labels, a legend naming the optimizers, and a title.
Which optimizer gets the loss down fastest in the first epoch, and which ends lowest?
""")

nb.plot("plot_loss_curves", 2, r'''
### BEGIN SOLUTION
window = 10
fig, ax = plt.subplots(figsize=(7, 4))
for name, (_, _, run_losses) in results.items():
    smooth = np.convolve(run_losses, np.ones(window) / window, mode="valid")
    ax.plot(np.arange(window, len(run_losses) + 1), smooth, label=f"{name} (lr = {rates[name]})")
ax.set_yscale("log")
ax.set(xlabel="mini-batch", ylabel=f"loss (mean of {window} mini-batches)",
       title="softmax classifier on the digits, 10 epochs")
ax.legend()
plt.show()
### END SOLUTION
''')

nb.md(r"""
The last check: a classifier trained with Adam should recognise more than 90% of the digits it
has never seen. (The hidden tests train your `train_softmax` on other random splits, with each
optimizer, and also on training data sorted by label, where only shuffled mini-batches learn
every class.)
""")

nb.test("test_train_softmax_accuracy", 3, r'''
W_adam, b_adam, _ = results["adam"]
test_accuracy = accuracy(W_adam, b_adam, X_test, y_test)
assert test_accuracy > 0.9, \
    f"with Adam the held-out accuracy should be above 0.9, got {test_accuracy:.3f}: check train_softmax and adam_step"
print(f"Visible tests passed: held-out accuracy with Adam {test_accuracy:.3f}")
''')

nb.md(r"""
**Try it (ungraded).** Copy your `train_softmax` into a new function whose rate follows a
schedule, for example `cosine_annealing(t, lr_max, t_max)` at every mini-batch, or
`step_decay(epoch)` once per epoch. Does the final loss get lower than with a constant rate? And
what rate does `lr_range_test` suggest for plain gradient descent on the full-batch softmax loss
(flatten `W` and `b` into one vector `w` for `loss_fn` and `grad_fn`)?
""")
