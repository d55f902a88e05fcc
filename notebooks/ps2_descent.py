"""ps2_descent: rolling down the hill, and what the learning rate does to the ride."""

from .cells import Notebook

NOTEBOOK = nb = Notebook("ps2_descent", "descent", "Rolling down the hill: gradient descent and learning rates")

nb.md(r"""
# Problem set 2: rolling down the hill

Gradient descent is one line of code: take a small step against the gradient, and repeat.
Everything interesting about it hides in one number, the **learning rate** (the step size).
Too small and the descent crawls; a little too large and it zigzags; larger still and the
loss explodes. In this problem set you will write gradient descent, run it on landscapes
small enough to understand completely, and find out *exactly* which learning rates work
and why. By the end you should be able to look at a misbehaving training run and say what
is wrong with it.

The plan:

1. gradient descent on a round bowl, where every step is a multiplication;
2. a twisted bowl, the stability bound $0 < \alpha < 2/L$, and the one-dimensional
   parabola $f(x) = x^2$ step by step;
3. sweeping the learning rate;
4. **Exercise 2**: a quartic with a flat spot, where the first step matters;
5. Himmelblau's function: four minima, and where you end depends on where you start;
6. noisy gradients, a first taste of stochastic gradient descent;
7. diagnosing a sick run from its symptoms.

**How this notebook is graded.** Each function you write has a test cell after it. The
tests you can see are a first check: if one fails, its message tells you what to look at,
and that cell scores zero. When you hand in, hidden tests run the same function on random
inputs (the random seed is printed in your feedback) and give partial credit, test by
test. Each function is graded on its own: when a hidden test grades `multi_start`, it
gives it a correct `gradient_descent`, so a bug in one function costs only that function's
points. The figure and the written answers are graded by hand.

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
Two small helpers for the pictures. `grid_values` evaluates a function of a point
`[x, y]` at every point of a grid, for contour plots; `path_of` turns a descent history
into an array of points, one row per step.
""")

nb.code("""
def grid_values(f, xs, ys):
    \"\"\"f([x, y]) at every grid point, shape (len(ys), len(xs)), for plt.contour.\"\"\"
    return np.array([[f(np.array([x, y])) for x in xs] for y in ys])


def path_of(history):
    \"\"\"The points of a descent history as an array with one row per step.\"\"\"
    return np.array([point for point, _ in history])
""")

nb.md(r"""
## 1. Rolling down the hill

Stand on a hillside in fog. You can't see the valley, but you can feel which way the
ground slopes under your feet: that is the gradient $\nabla f(x)$, the direction of
steepest *ascent*. So take a step the other way,

$$x_{t+1} = x_t - \alpha\,\nabla f(x_t),$$

and repeat. The learning rate $\alpha$ (also written $\eta$, or `lr` in code) sets the
length of the step relative to the slope. Where the ground is flat the gradient vanishes
and the steps shrink to nothing: that is how the descent knows it has arrived.

**Exercise 1a.** Write `gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8)`.

- Start from a float copy of `x0` (never modify the caller's array) and record
  `history = [(x0, f(x0))]`.
- Then, at most `n_steps` times: compute `g = grad_f(x)`; if `np.linalg.norm(g) < tol`,
  stop *before* updating; otherwise set `x = x - lr * g` and append `(x, f(x))`.
- Return `(x, history)`. So `len(history) <= n_steps + 1`.

You will use this function for the rest of the course, so make it solid.
""")

nb.solution("gradient_descent", """
def gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8):
    \"\"\"Plain gradient descent; returns the last point and the (x, f(x)) history.\"\"\"
    ### BEGIN SOLUTION
    x = np.array(x0, dtype=float)
    history = [(x.copy(), float(f(x)))]
    for _ in range(n_steps):
        g = np.asarray(grad_f(x), dtype=float)
        if np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        history.append((x.copy(), float(f(x))))
    return x, history
    ### END SOLUTION
""")

nb.test("test_gradient_descent", 4, """
half_square = lambda x: 0.5 * np.sum(np.square(x), axis=0)
identity_grad = lambda x: np.array(x, dtype=float)
start = np.array([4.0, -2.0])
x, history = gradient_descent(half_square, identity_grad, start, lr=0.5, n_steps=3)
assert np.allclose(start, [4.0, -2.0]), "gradient_descent must not modify x0: work on a copy"
assert len(history) == 4, f"3 steps should give a history of 4 entries (x0 and one per step), got {len(history)}"
assert np.allclose(history[0][0], start) and np.isclose(history[0][1], 10.0), \\
    "history[0] should be (x0, f(x0))"
assert np.allclose(x, [0.5, -0.25]), \\
    "on 0.5*|x|^2 with lr=0.5 each step halves x: expected [0.5, -0.25] after 3 steps"
x, history = gradient_descent(half_square, identity_grad, np.zeros(2), lr=0.5, n_steps=10)
assert len(history) == 1, "at a point where the gradient is zero, stop before taking any step"
print("Visible tests passed.")
""")

nb.md(r"""
## 2. The round bowl: every step is a multiplication

The simplest landscape there is:

$$f(x, y) = \tfrac12\,(x^2 + y^2), \qquad \nabla f(x, y) = \begin{pmatrix} x \\ y \end{pmatrix}.$$

The gradient *is* the point. So one step is

$$x_{t+1} = x_t - \eta\,x_t = (1 - \eta)\,x_t ,$$

and after $t$ steps $x_t = (1 - \eta)^t x_0$. Everything about the bowl follows from the
**contraction factor** $1 - \eta$:

| learning rate | factor $1 - \eta$ | what the iterates do |
| --- | --- | --- |
| $0 < \eta < 1$ | in $(0, 1)$ | shrink towards the minimum, never crossing it |
| $\eta = 1$ | $0$ | land exactly on the minimum in one step |
| $1 < \eta < 2$ | in $(-1, 0)$ | jump across the minimum each step, and still shrink: oscillation |
| $\eta = 2$ | $-1$ | bounce between $x_0$ and $-x_0$ forever |
| $\eta > 2$ | below $-1$ | jump across *and grow*: divergence |

**Exercise 1b.** Write `bowl(xy)`, returning $\tfrac12(x^2 + y^2)$ as a float, and
`bowl_grad(xy)`, returning the gradient as a new float array `[x, y]` (don't hand back
the caller's array itself, and don't modify it).
""")

nb.solution("bowl", """
def bowl(xy):
    \"\"\"The round bowl 0.5 * (x**2 + y**2).\"\"\"
    ### BEGIN SOLUTION
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x**2 + y**2)
    ### END SOLUTION


def bowl_grad(xy):
    \"\"\"The gradient of bowl at xy, as a new array [x, y].\"\"\"
    ### BEGIN SOLUTION
    return np.array(xy, dtype=float)
    ### END SOLUTION
""")

nb.test("test_bowl", 1, """
assert np.isclose(bowl(np.array([0.0, 0.0])), 0.0), "the bowl's minimum is 0, at the origin"
assert np.isclose(bowl(np.array([3.0, 4.0])), 12.5), "bowl([3, 4]) = 0.5 * (9 + 16) = 12.5"
assert np.isclose(bowl(np.array([-2.0, 1.0])), 2.5), "bowl([-2, 1]) = 0.5 * (4 + 1) = 2.5"
print("Visible tests passed.")
""")

nb.test("test_bowl_grad", 1, """
point = np.array([3.0, -4.0])
g = bowl_grad(point)
assert np.shape(g) == (2,), "bowl_grad should return an array of shape (2,)"
assert np.allclose(g, [3.0, -4.0]), "the gradient of 0.5*(x^2 + y^2) at (3, -4) is [3, -4]"
assert np.allclose(point, [3.0, -4.0]), "bowl_grad must not modify its argument"
print("Visible tests passed.")
""")

nb.md(r"""
Now sweep the learning rate from 0.05 to 0.5, and then keep going until something
breaks. The last column is the size of the point after 20 steps (the minimum is at 0).
""")

nb.code("""
start = np.array([2.0, -1.5])
print("   lr   factor 1 - lr   |x_20|       what happens")
for lr in (0.05, 0.1, 0.2, 0.5, 1.0, 1.5, 1.9, 2.0, 2.1, 2.5):
    x, history = gradient_descent(bowl, bowl_grad, start, lr=lr, n_steps=20)
    factor = 1 - lr
    if factor == 0:
        behaviour = "lands on the minimum in one step"
    elif abs(factor) < 1:
        behaviour = "converges" + (", jumping across the minimum" if factor < 0 else "")
    elif abs(factor) == 1:
        behaviour = "bounces forever between two points"
    else:
        behaviour = "diverges, jumping across and growing"
    print(f"{lr:5.2f}   {factor:+8.2f}       {np.linalg.norm(x):10.3g}   {behaviour}")
""")

nb.md(r"""
The 20-step size is exactly $|1 - \eta|^{20} \cdot |x_0| = |1 - \eta|^{20} \cdot 2.5$:
with $\eta = 0.05$ the point has only shrunk to $0.95^{20} \approx 0.36$ of its start, with
$\eta = 1$ it is done after one step, and with $\eta = 2.5$ it has grown by $1.5^{20}$,
more than three thousand times. Notice the symmetry: $\eta = 0.5$ and $\eta = 1.5$ shrink
equally fast, one from the same side and one jumping across.

## 3. A twisted bowl, and the stability bound

Real loss landscapes are not round. Add a cross term:

$$f(x, y) = \tfrac12\,(x^2 + y^2) + c\,x y, \qquad
\nabla f = \begin{pmatrix} x + c\,y \\ y + c\,x \end{pmatrix}, \qquad
H = \begin{pmatrix} 1 & c \\ c & 1 \end{pmatrix}.$$

The Hessian $H$ (the matrix of second derivatives) has eigenvalues $1 + c$ along the
diagonal direction $(1, 1)$ and $1 - c$ along $(1, -1)$. So the cross term turns the round
bowl into a valley twisted by 45 degrees, steep one way and shallow the other; as $c$ grows
towards 1 the valley floor flattens out completely. For $|c| > 1$ one eigenvalue is
negative: the function curves *down* along that diagonal, and the "bowl" becomes a
**saddle**, with no minimum at all.

**Exercise 1c.** Write `twisted_bowl(xy, c)` and `twisted_bowl_grad(xy, c)`.
""")

nb.solution("twisted_bowl", """
def twisted_bowl(xy, c):
    \"\"\"The bowl with a cross term, 0.5 * (x**2 + y**2) + c * x * y.\"\"\"
    ### BEGIN SOLUTION
    x, y = np.asarray(xy, dtype=float)
    return 0.5 * (x**2 + y**2) + c * x * y
    ### END SOLUTION


def twisted_bowl_grad(xy, c):
    \"\"\"The gradient of twisted_bowl at xy, as an array [df/dx, df/dy].\"\"\"
    ### BEGIN SOLUTION
    x, y = np.asarray(xy, dtype=float)
    return np.array([x + c * y, y + c * x])
    ### END SOLUTION
""")

nb.test("test_twisted_bowl", 1, """
assert np.isclose(twisted_bowl(np.array([1.0, 2.0]), 0.0), 2.5), "with c = 0 it is the round bowl"
assert np.isclose(twisted_bowl(np.array([1.0, 2.0]), 0.5), 3.5), \\
    "twisted_bowl([1, 2], 0.5) = 0.5 * (1 + 4) + 0.5 * 1 * 2 = 3.5"
assert np.isclose(twisted_bowl(np.array([1.0, -1.0]), 2.0), -1.0), \\
    "with c = 2 the function goes negative along x = -y: twisted_bowl([1, -1], 2) = 1 - 2 = -1"
print("Visible tests passed.")
""")

nb.test("test_twisted_bowl_grad", 2, """
g = twisted_bowl_grad(np.array([1.0, 2.0]), 0.5)
assert np.shape(g) == (2,), "twisted_bowl_grad should return an array of shape (2,)"
assert np.allclose(g, [2.0, 2.5]), \\
    "at (1, 2) with c = 0.5 the gradient is [x + c*y, y + c*x] = [2, 2.5]; does each part have its cross term?"
assert np.allclose(twisted_bowl_grad(np.array([3.0, -1.0]), 0.0), [3.0, -1.0]), \\
    "with c = 0 the gradient is the bowl's, [x, y]"
print("Visible tests passed.")
""")

nb.md(r"""
Here are four twisted bowls with a descent path on each, all with the same learning rate
0.5 and the same start. Watch what happens as $c$ passes 1.
""")

nb.code("""
xs = ys = np.linspace(-3, 3, 61)
if SHOW_DEMOS:
    fig, axes = plt.subplots(1, 4, figsize=(14, 3.8), layout="constrained")
    for ax, c in zip(axes, (0.0, 0.5, 0.9, 1.5)):
        f = lambda xy, c=c: twisted_bowl(xy, c)
        grad = lambda xy, c=c: twisted_bowl_grad(xy, c)
        _, history = gradient_descent(f, grad, np.array([2.5, 1.2]), lr=0.5, n_steps=30)
        path = path_of(history)
        ax.contour(xs, ys, grid_values(f, xs, ys), levels=15, cmap="viridis")
        ax.plot(path[:, 0], path[:, 1], "r.-", ms=4, lw=1)
        ax.plot(*path[0], "ko")
        eigenvalues = np.linalg.eigvalsh([[1.0, c], [c, 1.0]])
        ax.set(xlim=(-3, 3), ylim=(-3, 3), aspect="equal", xlabel="x", ylabel="y",
               title=f"c = {c}: eigenvalues {eigenvalues[0]:.1f}, {eigenvalues[1]:.1f}")
    plt.show()
""")

nb.md(r"""
With $c = 0.9$ the valley is 19 times steeper across than along: the first step drops
straight to the valley floor, and then the descent creeps along it. With $c = 1.5$ the
eigenvalue $-0.5$ means the surface curves downwards along $x = -y$: the descent first
heads for the centre (the steep direction still pulls it in), then slides off along that
diagonal and never comes back, because there is no bottom. (The contours of a saddle are
hyperbolas, not ellipses.)

### The stability bound

Near a minimum every smooth function looks like a quadratic with its Hessian $H$. Along
an eigenvector of $H$ with eigenvalue $\lambda$, one step multiplies the error by
$1 - \alpha\lambda$: the bowl's contraction factor with $\eta = \alpha\lambda$. Every
direction shrinks exactly when $|1 - \alpha\lambda| < 1$ for every eigenvalue, so

$$0 < \alpha < \frac{2}{L}, \qquad L = \lambda_{\max}(H).$$

$L$, the largest curvature, is called the *smoothness constant*. The steepest direction
sets the largest safe step, and the shallowest direction ($\lambda_{\min}$) then decides
how slowly the descent creeps along the floor.

**Exercise 1d.** Write `max_stable_lr(hessian)`, returning $2/\lambda_{\max}$ as a float
for a symmetric positive definite matrix. Raise a `ValueError` when the matrix is not
symmetric, or not positive definite (some eigenvalue $\le 0$): then there is no minimum
for the bound to talk about. `np.linalg.eigvalsh` gives the eigenvalues of a symmetric
matrix in increasing order.
""")

nb.solution("max_stable_lr", """
def max_stable_lr(hessian):
    \"\"\"The largest stable constant learning rate 2 / lambda_max of a quadratic.\"\"\"
    ### BEGIN SOLUTION
    h = np.asarray(hessian, dtype=float)
    if h.ndim != 2 or h.shape[0] != h.shape[1] or not np.allclose(h, h.T):
        raise ValueError("the Hessian must be a symmetric square matrix")
    eigenvalues = np.linalg.eigvalsh(h)
    if eigenvalues[0] <= 0:
        raise ValueError(f"the Hessian is not positive definite (smallest eigenvalue {eigenvalues[0]:.3g})")
    return 2.0 / float(eigenvalues[-1])
    ### END SOLUTION
""")

nb.test("test_max_stable_lr", 3, """
assert np.isclose(max_stable_lr(np.eye(2)), 2.0), \\
    "the round bowl's Hessian is the identity: lambda_max = 1, so the bound is 2"
assert np.isclose(max_stable_lr(np.array([[1.0, 0.5], [0.5, 1.0]])), 4 / 3), \\
    "the twisted bowl with c = 0.5 has eigenvalues 0.5 and 1.5: the bound is 2 / 1.5"
assert np.isclose(max_stable_lr(np.diag([0.5, 8.0])), 0.25), \\
    "use the LARGEST eigenvalue: for eigenvalues 0.5 and 8 the bound is 2 / 8 = 0.25"
try:
    max_stable_lr(np.array([[1.0, 2.0], [2.0, 1.0]]))
except ValueError:
    pass
else:
    raise AssertionError("[[1, 2], [2, 1]] has eigenvalues -1 and 3 (a saddle): raise a ValueError")
print("Visible tests passed.")
""")

nb.md(r"""
Test the bound: just below it the descent converges, just above it explodes. And a saddle
has no bound at all.
""")

nb.code("""
for c in (0.0, 0.5, 0.9):
    hessian = np.array([[1.0, c], [c, 1.0]])
    bound = max_stable_lr(hessian)
    f = lambda xy, c=c: twisted_bowl(xy, c)
    grad = lambda xy, c=c: twisted_bowl_grad(xy, c)
    report = []
    for lr in (0.95 * bound, 1.05 * bound):
        x, _ = gradient_descent(f, grad, np.array([2.0, -1.0]), lr=lr, n_steps=300)
        report.append(f"lr = {lr:.3f}: |x| = {np.linalg.norm(x):.2g}")
    print(f"c = {c}: bound {bound:.4f};  " + ";  ".join(report))

try:
    max_stable_lr(np.array([[1.0, 1.5], [1.5, 1.0]]))
except ValueError as error:
    print("c = 1.5:", error)
""")

nb.md(r"""
### One dimension, step by step

Strip everything away: $f(x) = x^2$, so $f'(x) = 2x$, the curvature is $L = 2$ and the
bound is $\alpha < 1$. One step is

$$x_{t+1} = x_t - \alpha \cdot 2x_t = (1 - 2\alpha)\,x_t .$$

So the same table as for the bowl holds with the factor $1 - 2\alpha$: the iterates shrink
monotonically for $0 < \alpha \le 0.5$ (at $\alpha = 0.5$ they reach 0 in one step), jump
across 0 and shrink for $0.5 < \alpha < 1$, bounce between $x_0$ and $-x_0$ for
$\alpha = 1$, and jump across and grow for $\alpha > 1$.

**Exercise 1e.** Write

- `quadratic_path(x0, alpha, iters)`: the array of the `iters + 1` iterates
  $x_0, x_1, \dots, x_{\text{iters}}$ of gradient descent on $f(x) = x^2$;
- `classify_alpha(alpha)`: `"monotone"` for $0 < \alpha \le 0.5$, `"oscillating"` for
  $0.5 < \alpha < 1$, `"cycling"` for $\alpha = 1$ and `"divergent"` for $\alpha > 1$.
  A learning rate $\alpha \le 0$ is not a descent step at all: raise a `ValueError`.
""")

nb.solution("quadratic_path", """
def quadratic_path(x0, alpha, iters):
    \"\"\"The iterates x_0 .. x_iters of gradient descent on f(x) = x**2.\"\"\"
    ### BEGIN SOLUTION
    path = np.empty(iters + 1)
    path[0] = x0
    for t in range(iters):
        path[t + 1] = (1 - 2 * alpha) * path[t]
    return path
    ### END SOLUTION
""")

nb.test("test_quadratic_path", 2, """
assert np.allclose(quadratic_path(1.0, 0.25, 3), [1.0, 0.5, 0.25, 0.125]), \\
    "with alpha = 0.25 each step multiplies x by 1 - 2 * 0.25 = 0.5"
assert len(quadratic_path(1.0, 0.05, 10)) == 11, "10 iterations give 11 iterates: x_0 to x_10"
assert np.allclose(quadratic_path(1.0, 1.2, 2), [1.0, -1.4, 1.96]), \\
    "with alpha = 1.2 the factor is 1 - 2.4 = -1.4: the iterates flip sign and grow"
print("Visible tests passed.")
""")

nb.solution("classify_alpha", """
def classify_alpha(alpha):
    \"\"\"How gradient descent on f(x) = x**2 behaves with learning rate alpha.\"\"\"
    ### BEGIN SOLUTION
    if alpha <= 0:
        raise ValueError(f"a learning rate must be positive, got {alpha}")
    if alpha <= 0.5:
        return "monotone"
    if alpha < 1:
        return "oscillating"
    if alpha == 1:
        return "cycling"
    return "divergent"
    ### END SOLUTION
""")

nb.test("test_classify_alpha", 2, """
for alpha, kind in ((0.05, "monotone"), (0.5, "monotone"), (0.75, "oscillating"),
                    (1.0, "cycling"), (1.2, "divergent")):
    assert classify_alpha(alpha) == kind, f"classify_alpha({alpha}) should be {kind!r}"
try:
    classify_alpha(0.0)
except ValueError:
    pass
else:
    raise AssertionError("classify_alpha(0.0) should raise a ValueError: alpha must be positive")
print("Visible tests passed.")
""")

nb.md(r"""
The iteration table for $x_0 = 1$ and the three learning rates of the lecture:
""")

nb.code("""
alphas = (0.05, 0.5, 1.2)
paths = [quadratic_path(1.0, alpha, 6) for alpha in alphas]
print(" t" + "".join(f"{f'alpha = {a}':>16}" for a in alphas))
for t in range(7):
    print(f"{t:>2}" + "".join(f"{path[t]:>16.5g}" for path in paths))
print("  " + "".join(f"{classify_alpha(a):>16}" for a in alphas))
""")

nb.md(r"""
## 4. Sweeping the learning rate

In practice you don't know $L$. You try several learning rates and compare where they
end up. That is a *learning-rate sweep*.

**Exercise 1f.** Write `lr_sweep(f, grad_f, x0, lrs, n_steps)`. For every learning rate
in `lrs`, start from (a copy of) `x0` and take exactly `n_steps` steps
`x = x - lr * grad_f(x)` (no tolerance stop), then record `f(x)`. Return the array of these
final losses, one per learning rate. A run that leaves the finite numbers (a coordinate
or the loss becomes `inf` or `nan`, which is what divergence looks like in floating
point) reports `np.inf`, never `nan`: "infinitely bad" is what you want to see in the
table, and `nan` would break comparisons like `losses.min()`.

A loop over the learning rates is all you need. Inside it, `with np.errstate(over="ignore",
invalid="ignore"):` keeps numpy from printing warnings about the diverging runs. (If you
enjoy vectorizing: the `f` and `grad_f` of the tests also accept a stack of points with
the coordinates first, shape `(d, k)`, one column per learning rate. Not required.)
""")

nb.solution("lr_sweep", """
def lr_sweep(f, grad_f, x0, lrs, n_steps):
    \"\"\"Final loss of n_steps of gradient descent from x0, for each learning rate.\"\"\"
    ### BEGIN SOLUTION
    losses = []
    for lr in lrs:
        x = np.array(x0, dtype=float)
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(n_steps):
                x = x - lr * np.asarray(grad_f(x), dtype=float)
                if not np.all(np.isfinite(x)):
                    break
            loss = float(f(x)) if np.all(np.isfinite(x)) else np.inf
        losses.append(loss if np.isfinite(loss) else np.inf)
    return np.array(losses)
    ### END SOLUTION
""")

nb.test("test_lr_sweep", 3, """
half_square = lambda x: 0.5 * np.sum(np.square(x), axis=0)
identity_grad = lambda x: np.array(x, dtype=float)
start = np.array([2.0, -1.0])
losses = lr_sweep(half_square, identity_grad, start, [0.5, 1.0], 3)
assert np.shape(losses) == (2,), "lr_sweep should return one final loss per learning rate"
assert np.allclose(losses, [2.5 / 64, 0.0]), \\
    "f(x0) = 2.5; lr = 0.5 halves x at each step, so after exactly 3 steps the loss is 2.5 / 64; lr = 1 lands on 0"
assert np.allclose(start, [2.0, -1.0]), "lr_sweep must not modify x0"
with np.errstate(over="ignore", invalid="ignore"):
    losses = lr_sweep(half_square, identity_grad, start, [0.1, 3.0], 2000)
assert np.isclose(losses[0], 0.0), "lr = 0.1 should converge to the minimum 0"
assert losses[1] == np.inf, \\
    "lr = 3 multiplies x by -2 at every step: it leaves the floating-point numbers, so report np.inf (not nan)"
print("Visible tests passed.")
""")

nb.md(r"""
A sweep on the twisted bowl with $c = 0.5$ (so $L = 1.5$ and the bound is $4/3$), over
learning rates spaced evenly on a log scale. The minimum value is 0, so the final loss is
also the error. A red cross marks a run that ended higher than it started: it is diverging,
whether or not it has reached `inf` yet.
""")

nb.code("""
c = 0.5
start = np.array([2.0, -1.0])
lrs = np.geomspace(0.01, 3.0, 30)
with np.errstate(over="ignore", invalid="ignore"):
    losses = lr_sweep(lambda xy: twisted_bowl(xy, c), lambda xy: twisted_bowl_grad(xy, c), start, lrs, 50)
print(f"best learning rate in the sweep: {lrs[np.argmin(losses)]:.3f}")
if SHOW_DEMOS:
    diverging = losses > twisted_bowl(start, c)
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.loglog(lrs[~diverging], np.maximum(losses[~diverging], 1e-30), ".-", label="final loss after 50 steps")
    ax.plot(lrs[diverging], np.full(diverging.sum(), 1e2), "rx", label="ended above its start")
    ax.axvline(max_stable_lr([[1, c], [c, 1]]), color="gray", ls="--", label="2 / L")
    ax.set(ylim=(1e-31, 1e4), xlabel="learning rate", ylabel="final loss (clipped at 1e-30)",
           title=f"lr_sweep on the twisted bowl, c = {c}")
    ax.legend(loc="lower left")
    plt.show()
""")

nb.md(r"""
The best rate is not the largest stable one, and not the smallest: it sits where the slow
direction ($\lambda = 0.5$) and the fast one ($\lambda = 1.5$) shrink equally fast,
$|1 - 0.5\alpha| = |1 - 1.5\alpha|$, at $\alpha = 2/(\lambda_{\min} + \lambda_{\max}) = 1$.
Past $4/3$ the sweep falls off a cliff.

### Figure: four learning rates, two landscapes (graded by hand)

Make a figure with two rows.

- **Top row**, four panels: gradient descent on the round bowl from the same start
  (say $(-2.4, 1.6)$, 12 steps) with a **slow** ($\eta = 0.05$), a **good** ($\eta = 0.5$),
  an **oscillating** ($1 < \eta < 2$, say 1.8) and a **divergent** ($\eta > 2$, say 2.1)
  learning rate: the path on contours of the bowl, each panel titled with its learning
  rate and contraction factor $1 - \eta$.
- **Bottom row**: the iterates of `quadratic_path` on the parabola $f(x) = x^2$ for
  $\alpha = 0.05, 0.5, 1.2$ (one panel each, points $(x_t, x_t^2)$ on the curve, titled
  with `classify_alpha`), and a last panel with $|x_t|$ against $t$ for all three on a
  logarithmic y axis.

Label the axes.
""")

nb.plot("plot_lr_comparison", 3, """
### BEGIN SOLUTION
fig, axes = plt.subplots(2, 4, figsize=(14, 6.5), layout="constrained")
start = np.array([-2.4, 1.6])
xs = ys = np.linspace(-4, 4, 61)
bowl_values = grid_values(bowl, xs, ys)
for ax, (name, lr) in zip(axes[0], [("slow", 0.05), ("good", 0.5), ("oscillating", 1.8), ("divergent", 2.1)]):
    _, history = gradient_descent(bowl, bowl_grad, start, lr=lr, n_steps=12)
    path = path_of(history)
    ax.contour(xs, ys, bowl_values, levels=12, cmap="viridis")
    ax.plot(path[:, 0], path[:, 1], "r.-", ms=5, lw=1)
    ax.plot(*path[0], "ko")
    ax.plot(0, 0, "y*", ms=12)
    ax.set(xlim=(-4, 4), ylim=(-4, 4), aspect="equal", xlabel="x", ylabel="y",
           title=f"{name}: lr = {lr}, factor {1 - lr:+.2f}")

alphas = (0.05, 0.5, 1.2)
for ax, alpha in zip(axes[1, :3], alphas):
    path = quadratic_path(-2.4, alpha, 12)
    reach = 1.1 * np.abs(path[:5]).max()
    curve = np.linspace(-reach, reach, 200)
    shown = path[np.abs(path) <= reach]
    ax.plot(curve, curve**2, color="lightgray")
    ax.plot(shown, shown**2, ".-", lw=1)
    ax.plot(shown[0], shown[0] ** 2, "ko", ms=4)
    ax.set(xlabel="x", ylabel="f(x) = x²", title=f"α = {alpha} ({classify_alpha(alpha)})")
ax = axes[1, 3]
for alpha in alphas:
    sizes = np.abs(quadratic_path(-2.4, alpha, 12))
    ax.semilogy(np.arange(13), np.where(sizes > 0, sizes, np.nan), ".-", label=f"α = {alpha}")
ax.set(xlabel="step t", ylabel="|x_t|", title="|x_t| on f(x) = x²")
ax.legend()
plt.show()
### END SOLUTION
""")

nb.md(r"""
## 5. Exercise 2: a quartic with a flat spot

Quadratics are honest: their curvature is the same everywhere. Most functions are not.
Take

$$f(x) = x^4 - 3x^3 + 2, \qquad f'(x) = 4x^3 - 9x^2 = x^2\,(4x - 9).$$

**Exercise 2a.** Write `quartic(x)`, `quartic_grad(x)` and `quartic_critical_points()`,
which returns the sorted critical points (the zeros of $f'$, each listed once) as an
array. Factor $f'$ by hand; there is nothing to compute numerically.
""")

nb.solution("quartic", """
def quartic(x):
    \"\"\"The quartic x**4 - 3 x**3 + 2.\"\"\"
    ### BEGIN SOLUTION
    return x**4 - 3 * x**3 + 2
    ### END SOLUTION


def quartic_grad(x):
    \"\"\"The derivative of quartic, 4 x**3 - 9 x**2.\"\"\"
    ### BEGIN SOLUTION
    return 4 * x**3 - 9 * x**2
    ### END SOLUTION


def quartic_critical_points():
    \"\"\"The sorted zeros of quartic_grad, as an array.\"\"\"
    ### BEGIN SOLUTION
    # x**2 (4x - 9) = 0: a double zero at 0 and a simple one at 9/4
    return np.array([0.0, 9 / 4])
    ### END SOLUTION
""")

nb.test("test_quartic", 1, """
assert np.isclose(quartic(0.0), 2.0), "quartic(0) = 2"
assert np.isclose(quartic(1.0), 0.0), "quartic(1) = 1 - 3 + 2 = 0"
assert np.isclose(quartic(4.0), 66.0), "quartic(4) = 256 - 192 + 2 = 66"
print("Visible tests passed.")
""")

nb.test("test_quartic_grad", 1, """
assert np.isclose(quartic_grad(1.0), -5.0), "quartic_grad(1) = 4 - 9 = -5"
assert np.isclose(quartic_grad(4.0), 112.0), "quartic_grad(4) = 256 - 144 = 112"
assert np.isclose(quartic_grad(-1.0), -13.0), "quartic_grad(-1) = -4 - 9 = -13"
print("Visible tests passed.")
""")

nb.test("test_quartic_critical_points", 1, """
points = np.asarray(quartic_critical_points(), dtype=float)
assert points.shape == (2,), "f' = x^2 (4x - 9) has two distinct zeros: list each once"
assert np.all(np.diff(points) > 0), "return the critical points sorted, smallest first"
slope = lambda x: 4 * x**3 - 9 * x**2
assert np.allclose(slope(points), 0.0), "f'(x) = 4x^3 - 9x^2 should vanish at every critical point"
print("Visible tests passed.")
""")

nb.md(r"""
Now the experiment of Exercise 2: gradient descent from $x_0 = 4$ with
$\alpha = 0.001, 0.01, 0.05, 0.1$. The first table shows the first few iterates; the
second how many steps each run needs to come within 0.01 of the minimum at $x = 2.25$.
""")

nb.code("""
alphas = (0.001, 0.01, 0.05, 0.1)
runs = {}
with np.errstate(over="ignore", invalid="ignore"):
    for alpha in alphas:
        runs[alpha] = gradient_descent(quartic, quartic_grad, 4.0, lr=alpha, n_steps=400)[1]

print(" t" + "".join(f"{f'alpha = {a}':>16}" for a in alphas))
for t in range(7):
    print(f"{t:>2}" + "".join(f"{float(runs[a][t][0]):>16.5g}" for a in alphas))

print()
for alpha in alphas:
    points = np.array([float(x) for x, _ in runs[alpha]])
    close = np.flatnonzero(np.abs(points - 2.25) < 0.01)
    print(f"alpha = {alpha:<6}: " + (f"within 0.01 of 2.25 after {close[0]} steps" if close.size
                                     else "never within 0.01 of 2.25 in 400 steps"))

with np.errstate(over="ignore", invalid="ignore"):
    print("final losses after 20 steps:", lr_sweep(quartic, quartic_grad, 4.0, alphas, 20))
""")

nb.code("""
if SHOW_DEMOS:
    xs = np.linspace(-2, 4.2, 300)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 4.5))
    ax1.plot(xs, quartic(xs), color="lightgray", lw=3)
    for alpha in alphas[:3]:
        points = np.array([float(x) for x, _ in runs[alpha][:30]])
        ax1.plot(points, quartic(points), ".-", ms=5, lw=0.8, label=f"α = {alpha}")
        ax2.plot(points, ".-", label=f"α = {alpha}")
    ax1.plot(quartic_critical_points(), quartic(quartic_critical_points()), "k*", ms=12, label="critical points")
    ax1.set(xlim=(-2, 4.2), ylim=(-8, 30), xlabel="x", ylabel="f(x)", title="the first 30 steps on f")
    ax1.legend()
    ax2.axhline(2.25, color="gray", ls="--")
    ax2.set(xlabel="step t", ylabel="x_t", title="x_t (α = 0.1 left the picture after one step)")
    ax2.legend()
    plt.show()
""")

nb.md(r"""
Two more facts you may want for the questions: the curvature is
$f''(x) = 12x^2 - 18x$, and here is what happens if you start just left of the flat
point, at $x_0 = -0.5$:
""")

nb.code("""
for n_steps in (100, 1000, 10000):
    x, _ = gradient_descent(quartic, quartic_grad, -0.5, lr=0.01, n_steps=n_steps)
    print(f"from x0 = -0.5 with alpha = 0.01, after {n_steps:>5} steps: x = {float(x):.5f}")
print("f''(4) =", 12 * 4**2 - 18 * 4, "  f''(2.25) =", 12 * 2.25**2 - 18 * 2.25)
""")

nb.md(r"""
**Exercise 2, question 1 (graded by hand).** The runs with $\alpha = 0.001$ and
$\alpha = 0.01$ both head straight for the minimum without ever overshooting. Why is
$\alpha = 0.001$ so much slower, and what would its loss curve look like? Would it help to
run it ten times longer, and what does that cost?
""")

nb.answer("answer_quartic_slow", 2, """
Both steps are proportional to the slope, f'(4) = 112, but with α = 0.001 the first step is
only 0.112 long (against 1.12 for α = 0.01), and the steps shrink further as the slope
flattens towards the minimum. Near x = 2.25 the curvature is f''(2.25) = 20.25, so the
error shrinks by a factor 1 - 20.25α per step: 0.98 for α = 0.001 against 0.80 for α = 0.01.
That is why α = 0.001 needs about 200 steps to come within 0.01 where α = 0.01 needs 17.
Its loss curve falls smoothly and monotonically, but with a long, slow tail: a steady
crawl, not a plateau. Running ten times longer would get there (it never goes wrong, it is
just slow), but every step costs a gradient evaluation, so you would pay ten times the
compute for what a larger rate does in a fraction of the steps.
""")

nb.md(r"""
**Exercise 2, question 2 (graded by hand).** With $\alpha = 0.05$ the first step throws
the point all the way to $x = -1.6$, past the flat point, and yet this run reaches the
minimum *first*. With $\alpha = 0.1$ the run diverges. Explain both, using the slope at
$x_0 = 4$ and the curvature $f''$ at $x_0$ and at the minimum.
""")

nb.answer("answer_quartic_fast", 2, """
At x0 = 4 the slope is 112 and the curvature is f''(4) = 120, so the local stability bound
is 2/120 ≈ 0.017: both 0.05 and 0.1 are far too large *there*, and their first steps
(5.6 and 11.2 long) overshoot the minimum completely. What happens next depends on where
they land. With α = 0.05 the point lands at -1.6, where the slope is -39.4; the next step
(+1.97) carries it across the flat point to 0.37, on the right side, and from there it
runs into the minimum. Near x = 2.25 the curvature is 20.25 and 2/20.25 ≈ 0.099 > 0.05,
so the minimum is stable for α = 0.05 (factor 1 - 0.05 · 20.25 ≈ -0.01: almost one-step
convergence), which is why it arrives first. With α = 0.1 the point lands at -7.2, where
the slope is about -1960 and the curvature about 750; the next step throws it to 189, then
to -2.7 million, and since the quartic's slope grows like x³ every overshoot is larger than
the last. Even started at the minimum, α = 0.1 would be just above the bound 0.099 there.
Lesson: on a non-quadratic function the safe step depends on where you are, and a step
that is fine near the minimum can be disastrous far from it.
""")

nb.md(r"""
**Exercise 2, question 3 (graded by hand).** The critical points are $0$ and $2.25$.
What kind of point is each (minimum, maximum, or neither)? What does gradient descent do
when it starts exactly at 0, and what does it do from $x_0 = -0.5$ (see the output above)?
Why did the $\alpha = 0.05$ run slow down between $x = 0.37$ and $x = 1$?
""")

nb.answer("answer_quartic_critical", 2, """
f'(x) = x²(4x - 9) is negative on both sides of 0 and positive only for x > 2.25. So x = 2.25
is the (global) minimum, f(2.25) ≈ -6.54, with f''(2.25) = 20.25 > 0; x = 0 is neither a
minimum nor a maximum but a flat inflection point: f''(0) = 0 and the function keeps
falling through it. Started exactly at 0, gradient descent sees a zero gradient and stops
at once: a zero gradient does not mean a minimum. Started at -0.5 it moves right, but near
0 the slope is about -9x², so the steps shrink like 9αx² and the point approaches 0 from the
left without ever crossing it (-0.011 after 1,000 steps, -0.001 after 10,000): it stalls at
a point that is not a minimum. For the same reason the α = 0.05 run crawled just right of
0: at x = 0.37 the slope is only about -1, so the first steps away from the flat spot are
tiny, and they grow only as the slope steepens towards x ≈ 1.5.
""")

nb.md(r"""
## 6. Several starting points: Himmelblau's function

$$f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2$$

is a sum of two squares, so $f \ge 0$, and it has **four** points where both squares
vanish: four minima with $f = 0$, at $(3, 2)$ and near $(-2.81, 3.13)$, $(-3.78, -3.28)$
and $(3.58, -1.85)$. Gradient descent finds *a* minimum, the one whose basin it starts in.
With a non-convex loss (every neural network's) where you start decides where you end.

By the chain rule,

$$\frac{\partial f}{\partial x} = 4x\,(x^2 + y - 11) + 2\,(x + y^2 - 7), \qquad
\frac{\partial f}{\partial y} = 2\,(x^2 + y - 11) + 4y\,(x + y^2 - 7).$$

**Exercise 3a.** Write `himmelblau(xy)` and `himmelblau_grad(xy)`.
""")

nb.solution("himmelblau", """
def himmelblau(xy):
    \"\"\"Himmelblau's function (x**2 + y - 11)**2 + (x + y**2 - 7)**2.\"\"\"
    ### BEGIN SOLUTION
    x, y = np.asarray(xy, dtype=float)
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2
    ### END SOLUTION


def himmelblau_grad(xy):
    \"\"\"The gradient of himmelblau at xy, as an array [df/dx, df/dy].\"\"\"
    ### BEGIN SOLUTION
    x, y = np.asarray(xy, dtype=float)
    a = x**2 + y - 11
    b = x + y**2 - 7
    return np.array([4 * x * a + 2 * b, 2 * a + 4 * y * b])
    ### END SOLUTION
""")

nb.test("test_himmelblau", 1, """
assert np.isclose(himmelblau(np.array([3.0, 2.0])), 0.0), "(3, 2) is a minimum: f = 0"
assert np.isclose(himmelblau(np.array([0.0, 0.0])), 170.0), "himmelblau(0, 0) = 121 + 49 = 170"
assert np.isclose(himmelblau(np.array([1.0, -1.0])), 146.0), \\
    "himmelblau(1, -1) = (1 - 1 - 11)^2 + (1 + 1 - 7)^2 = 121 + 25 = 146"
print("Visible tests passed.")
""")

nb.test("test_himmelblau_grad", 2, """
g = himmelblau_grad(np.array([0.0, 0.0]))
assert np.shape(g) == (2,), "himmelblau_grad should return an array of shape (2,)"
assert np.allclose(g, [-14.0, -22.0]), \\
    "at (0, 0): df/dx = 0 + 2 * (-7) = -14 and df/dy = 2 * (-11) + 0 = -22"
assert np.allclose(himmelblau_grad(np.array([3.0, 2.0])), 0.0), "the gradient vanishes at the minimum (3, 2)"
assert np.allclose(himmelblau_grad(np.array([1.0, 1.0])), [-46.0, -38.0]), \\
    "at (1, 1): a = 1 + 1 - 11 = -9 and b = 1 + 1 - 7 = -5, so the gradient is [4a + 2b, 2a + 4b] = [-46, -38]"
print("Visible tests passed.")
""")

nb.md(r"""
**Exercise 3b.** Write `multi_start(f, grad_f, starts, lr, n_steps)`: run your
`gradient_descent` (with its default `tol`) from every row of `starts`, an array of shape
`(k, d)` (or a list of `k` points), and return the final points as an array of shape
`(k, d)`, one row per start. Don't modify `starts`.
""")

nb.solution("multi_start", """
def multi_start(f, grad_f, starts, lr, n_steps):
    \"\"\"The final points of gradient descent from each row of starts, shape (k, d).\"\"\"
    ### BEGIN SOLUTION
    starts = np.array(starts, dtype=float)
    finals = [gradient_descent(f, grad_f, start, lr=lr, n_steps=n_steps)[0] for start in starts]
    return np.array(finals).reshape(starts.shape)
    ### END SOLUTION
""")

nb.test("test_multi_start", 2, """
half_square = lambda x: 0.5 * np.sum(np.square(x), axis=0)
identity_grad = lambda x: np.array(x, dtype=float)
starts = np.array([[2.0, -1.0], [0.5, 4.0], [-3.0, 0.0]])
ends = multi_start(half_square, identity_grad, starts, lr=0.5, n_steps=1)
assert np.shape(ends) == (3, 2), "one row per starting point: 3 starts in 2-D give shape (3, 2)"
assert np.allclose(ends, starts / 2), \\
    "one step with lr = 0.5 on 0.5*|x|^2 halves every start; is row i the run from starts[i]?"
assert np.allclose(starts, [[2.0, -1.0], [0.5, 4.0], [-3.0, 0.0]]), "multi_start must not modify starts"
print("Visible tests passed.")
""")

nb.md(r"""
Five starts, one picture: each path rolls into the minimum of the basin it starts in.
""")

nb.code("""
starts = np.array([[4.0, 4.0], [-4.0, 4.0], [-4.0, -4.0], [4.0, -4.0], [0.0, 0.0]])
ends = multi_start(himmelblau, himmelblau_grad, starts, lr=0.01, n_steps=500)
for start, end in zip(starts, ends):
    print(f"from {start} to {np.round(end, 4)}, f = {himmelblau(end):.1e}")

if SHOW_DEMOS:
    xs = ys = np.linspace(-5, 5, 101)
    fig, ax = plt.subplots(figsize=(7, 6))
    ax.contour(xs, ys, grid_values(himmelblau, xs, ys), levels=np.geomspace(0.5, 900, 20), cmap="viridis")
    for start in starts:
        path = path_of(gradient_descent(himmelblau, himmelblau_grad, start, lr=0.01, n_steps=500)[1])
        ax.plot(path[:, 0], path[:, 1], ".-", ms=2, lw=1, label=f"from ({start[0]:g}, {start[1]:g})")
    ax.plot(ends[:, 0], ends[:, 1], "r*", ms=12, label="where they end")
    ax.set(xlim=(-5, 5), ylim=(-5, 5), aspect="equal", xlabel="x", ylabel="y",
           title="Himmelblau: which minimum depends on the start")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0))
    plt.show()
""")

nb.md(r"""
## 7. Noisy gradients: a first taste of SGD

In machine learning the loss is an average over millions of examples, and its exact
gradient is too expensive to compute at every step. Stochastic gradient descent uses the
gradient of a small random batch instead: the true gradient plus noise. We can model that
directly: add Gaussian noise of standard deviation $\sigma$ to every coordinate.

**Exercise 4.** Write `noisy_gradient(grad_f, sigma, rng)`. It returns a *function*
`g(x) = grad_f(x) + sigma * rng.standard_normal(x.shape)`, drawing fresh noise from the
generator `rng` it was given at every call (don't make a generator of your own: the
caller's `rng` is what makes an experiment repeatable). Since `g` takes a point and returns
a gradient, it can be passed to `gradient_descent` in place of `grad_f`.
""")

nb.solution("noisy_gradient", """
def noisy_gradient(grad_f, sigma, rng):
    \"\"\"grad_f plus Gaussian noise of standard deviation sigma, drawn from rng at every call.\"\"\"
    ### BEGIN SOLUTION
    def g(x):
        x = np.asarray(x, dtype=float)
        return np.asarray(grad_f(x), dtype=float) + sigma * rng.standard_normal(x.shape)

    return g
    ### END SOLUTION
""")

nb.test("test_noisy_gradient", 2, """
identity_grad = lambda x: np.array(x, dtype=float)
g = noisy_gradient(identity_grad, 0.0, np.random.default_rng(0))
assert callable(g), "noisy_gradient should return a function g(x)"
assert np.allclose(g(np.array([1.0, -2.0])), [1.0, -2.0]), "with sigma = 0 there is no noise: g(x) = grad_f(x)"
g = noisy_gradient(identity_grad, 0.5, np.random.default_rng(1))
first, second = g(np.zeros(3)), g(np.zeros(3))
assert np.shape(first) == (3,), "g(x) should have the shape of x"
assert not np.allclose(first, second), "draw fresh noise at every call of g"
expected = 0.5 * np.random.default_rng(1).standard_normal((2, 3))
assert np.allclose([first, second], expected), \\
    "the noise should be sigma * rng.standard_normal(x.shape), drawn from the rng noisy_gradient was given"
print("Visible tests passed.")
""")

nb.md(r"""
Descent on the round bowl with noisy gradients, $\eta = 0.1$, for three noise levels.
""")

nb.code("""
noisy_losses = {}
for sigma in (0.0, 0.1, 0.5):
    g = noisy_gradient(bowl_grad, sigma, np.random.default_rng(0))
    _, history = gradient_descent(bowl, g, np.array([3.0, -2.0]), lr=0.1, n_steps=300)
    noisy_losses[sigma] = [loss for _, loss in history]
    print(f"sigma = {sigma}: average loss over the last 100 steps {np.mean(noisy_losses[sigma][-100:]):.2e}")

if SHOW_DEMOS:
    fig, ax = plt.subplots(figsize=(7, 4))
    for sigma, losses in noisy_losses.items():
        ax.semilogy(np.maximum(losses, 1e-30), label=f"σ = {sigma}")
    ax.set(xlabel="step t", ylabel="f(x_t)", title="gradient descent with noisy gradients, lr = 0.1")
    ax.legend()
    plt.show()
""")

nb.md(r"""
Without noise the loss falls steadily until the gradient is smaller than `tol` and the
descent stops. With noise it falls to a **noise floor** and then jitters there: each step still pulls the point in
by the factor $1 - \eta$, but also kicks it by $\eta\sigma$ in a random direction, and the
two balance. For the bowl the balance works out to an average loss of about
$\tfrac{d}{2}\,\frac{\eta\sigma^2}{2 - \eta}$ in $d$ dimensions: 0.013 for $\sigma = 0.5$,
$\eta = 0.1$. A smaller learning rate lowers the floor but takes longer to get there,
which is why SGD is usually run with a learning rate that *decreases* over time (the
schedules of problem set 5). Try $\eta = 0.02$ above.

## 8. Diagnosing a sick run

Here is the table you should keep in your head whenever you train anything:

| symptom | what you see | likely cause | what to try |
| --- | --- | --- | --- |
| the loss **explodes** | the loss grows, often by a constant factor per step, until `inf` or `nan` | learning rate above the stability bound $2/L$ | divide the learning rate by 2 to 10; clip gradients |
| the descent **zigzags** | the point jumps across a valley at every step; the loss falls, but slowly or unevenly | learning rate close to the bound along the steepest direction | lower the learning rate a little; momentum (problem set 5) |
| the descent **crawls** | the loss falls steadily but by tiny amounts; often fast at first, then a long tail | learning rate far below the bound, or a badly conditioned valley ($\lambda_{\min} \ll \lambda_{\max}$) | raise the learning rate towards $1/L$; rescale the inputs; momentum or Adam |

**Exercise 5 (graded by hand).** A friend ran gradient descent three times on the same
two-dimensional loss, with three different learning rates, and sent you the logs below
(step, point, loss). The minimum value of the loss is 0, and its Hessian has eigenvalues
$0.2$ and $1.8$ everywhere.
""")

nb.code("""
run_a = [(0, (2.0, 0.5), 2.925), (1, (-1.0, -2.125), 4.458), (2, (2.375, 1.531), 6.902),
         (3, (-2.125, -2.758), 10.75), (4, (3.289, 2.814), 16.78), (5, (-3.637, -3.993), 26.20),
         (6, (4.902, 4.635), 40.93), (7, (-5.86, -6.061), 63.95), (8, (7.526, 7.375), 99.92)]
run_b = [(0, (2.0, 0.5), 2.925), (1, (-0.52, -1.705), 2.298), (2, (1.458, 0.5221), 1.808),
         (3, (-0.5114, -1.251), 1.425), (4, (1.076, 0.4922), 1.124), (5, (-0.4672, -0.9288), 0.8876),
         (6, (0.8035, 0.4389), 0.7013), (7, (-0.4089, -0.6969), 0.5544), (8, (0.6059, 0.3783), 0.4384)]
run_c = [(0, (2.0, 0.5), 2.925), (50, (1.183, -0.174), 0.5494), (100, (0.817, -0.411), 0.1497),
         (150, (0.637, -0.473), 0.0738), (200, (0.536, -0.469), 0.0525), (250, (0.468, -0.441), 0.0417),
         (300, (0.417, -0.406), 0.0339), (350, (0.374, -0.37), 0.0277), (400, (0.338, -0.336), 0.0227)]
for name, run in (("A", run_a), ("B", run_b), ("C", run_c)):
    print(f"run {name}")
    for step, point, loss in run:
        print(f"  step {step:>3}   x = ({point[0]:+7.3f}, {point[1]:+7.3f})   loss {loss:.4g}")
""")

nb.md(r"""
For each run: which symptom of the table is it, what is wrong with its learning rate, and
what would you change? Then use the stability bound (the eigenvalues above) to say which
range of learning rates is safe for this loss, and estimate the learning rate of run A or
run B from the ratio of consecutive losses. (Hint: along an eigenvector each step
multiplies the error by $1 - \alpha\lambda$, and the loss is quadratic in the error.)
""")

nb.answer("answer_diagnosis", 3, """
Run A explodes: the loss grows by the same factor, about 1.56, at every step, and the point
jumps to the opposite side each time while getting farther out. The learning rate is above
the stability bound. With eigenvalues 0.2 and 1.8 the bound is 2/1.8 ≈ 1.11. A loss ratio
of 1.5625 = 1.25² means the error along the steep eigenvector is multiplied by -1.25 per
step: 1 - 1.8α = -1.25 gives α = 1.25. Fix: divide the learning rate by 2 or more.

Run B zigzags: the point flips across the valley at every step (the signs alternate)
while the loss falls by a steady factor of about 0.79 ≈ 0.89² per step. The factor along the
steep direction is -0.89, so 1 - 1.8α = -0.89 and α = 1.05: just below the bound. It
converges, but slowly, because it spends every step bouncing between the walls. Fix: lower
the learning rate a little. At α = 2/(0.2 + 1.8) = 1.0 both directions shrink by 0.8 per
step (the loss by 0.64), the best any constant rate can do on this loss; momentum also damps
the zigzag.

Run C crawls: after a quick start the loss falls by only about 20% every 50 steps, and the
point creeps along the valley floor x = -y (the shallow direction, λ = 0.2). The learning
rate is far below the bound: along the floor the error shrinks by 1 - 0.2α per step, which
is 0.998 if α = 0.01 (it was). Fix: raise the learning rate, to about 1.0, where both
directions shrink by 0.8 per step. Safe range for this loss: 0 < α < 2/1.8 ≈ 1.11.
""")
