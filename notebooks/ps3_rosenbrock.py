"""ps3_rosenbrock: the Week 1 milestone, gradient descent in a banana-shaped valley."""

from .cells import Notebook

NOTEBOOK = nb = Notebook("ps3_rosenbrock", "rosenbrock", "The Rosenbrock milestone")

nb.md(r"""
# Problem set 3: the Rosenbrock milestone

This is the Week 1 milestone. You will take a famous test function apart, compute its
gradient and Hessian by hand, write gradient descent from scratch, and watch it crawl
along a curved valley. By the end you should be able to say, with numbers, *why* a
constant step size is the wrong tool for this landscape.

**How this notebook is graded.** Each function you write has a test cell after it. The
tests you can see are a first check: if one fails, its message tells you what to look at,
and that cell scores zero. When you hand in, hidden tests run the same function on random
inputs (the random seed is printed in your feedback) and give partial credit, test by
test. Each function is graded on its own: when a hidden test grades `gradient_descent`,
it gives it a correct gradient, so a bug in one function costs only that function's
points. The figures and the written answer at the end are graded by hand.

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
## 1. The function

In 1960 Howard Rosenbrock needed a function that would embarrass optimisers. He chose

$$f(x, y) = (1 - x)^2 + 100\,(y - x^2)^2 .$$

Both terms are squares, so $f \ge 0$, and $f = 0$ only where both vanish: $x = 1$ and
$y = x^2 = 1$. The single minimum is at $(1, 1)$. The second term is a hundred times
heavier: it punishes any step away from the parabola $y = x^2$ very hard, while the first
term only gently pulls you along the parabola towards $x = 1$. The result is a long,
narrow, curved valley with a nearly flat floor: the *banana*.

**Exercise 1.** Write `rosenbrock(xy)`. `xy` is a point `[x, y]`, or a stack of two
coordinate grids of shape `(2, ...)` such as `np.stack(np.meshgrid(xs, ys))`, which is what
a contour plot needs. Unpacking `x, y = xy` works for both. Return a float for a point and
an array of shape `xy.shape[1:]` for a stack.
""")

nb.solution("rosenbrock", """
def rosenbrock(xy):
    \"\"\"The Rosenbrock function (1 - x)**2 + 100 * (y - x**2)**2.\"\"\"
    ### BEGIN SOLUTION
    x, y = np.asarray(xy, dtype=float)
    return (1.0 - x) ** 2 + 100.0 * (y - x**2) ** 2
    ### END SOLUTION
""")

nb.test("test_rosenbrock", 2, """
assert np.isclose(rosenbrock(np.array([1.0, 1.0])), 0.0), \\
    "rosenbrock should be 0 at the minimum (1, 1)"
assert np.isclose(rosenbrock(np.array([-1.0, 1.0])), 4.0), \\
    "at (-1, 1): (1 - x)^2 = 4 and y - x^2 = 0, so f should be 4"
assert np.isclose(rosenbrock(np.array([0.0, 1.0])), 101.0), \\
    "at (0, 1): (1 - 0)^2 + 100 * (1 - 0)^2 = 101; is the factor 100 on the second term?"
grid = np.stack(np.meshgrid(np.linspace(-2, 2, 4), np.linspace(-1, 3, 3)))
assert np.shape(rosenbrock(grid)) == (3, 4), \\
    "for a (2, 3, 4) stack of grids, rosenbrock should return a (3, 4) array"
print("Visible tests passed.")
""")

nb.md(r"""
Here is the landscape. The levels of the contour plot are spaced *logarithmically*
(each is a fixed multiple of the previous one). With evenly spaced levels you would see
only the steep walls; the log spacing shows the valley floor, where all the interesting
behaviour happens.
""")

nb.code("""
# A 150 x 150 grid is plenty for contours; XY and Z are used again for Figure 1 below.
xs, ys = np.linspace(-2, 2, 150), np.linspace(-1, 3, 150)
XY = np.stack(np.meshgrid(xs, ys))
Z = rosenbrock(XY)

if SHOW_DEMOS:
    fig = plt.figure(figsize=(11, 4.5))
    ax3d = fig.add_subplot(1, 2, 1, projection="3d")
    coarse = XY[:, ::3, ::3]
    ax3d.plot_surface(coarse[0], coarse[1], np.log10(rosenbrock(coarse) + 1e-3), cmap="viridis", linewidth=0)
    ax3d.set(title="log10 f(x, y)", xlabel="x", ylabel="y")
    ax = fig.add_subplot(1, 2, 2)
    ax.contour(XY[0], XY[1], Z, levels=np.geomspace(1e-2, Z.max(), 30), cmap="viridis")
    ax.plot(1, 1, "r*", ms=12, label="minimum (1, 1)")
    ax.plot(xs, xs**2, "k--", lw=0.8, label="valley floor y = x²")
    ax.set(xlim=(-2, 2), ylim=(-1, 3), xlabel="x", ylabel="y", title="log-spaced contours")
    ax.legend(loc="upper left")
    plt.show()
""")

nb.md(r"""
## 2. The gradient, checked against finite differences

Differentiate each term with the chain rule. For the second term,
$\frac{\partial}{\partial x}\,100(y - x^2)^2 = 100 \cdot 2(y - x^2) \cdot (-2x)$.

$$\nabla f(x, y) = \begin{pmatrix} -2(1 - x) - 400\,x\,(y - x^2) \\ 200\,(y - x^2) \end{pmatrix}$$

**Exercise 2.** Write `rosenbrock_grad(xy)`, returning a float array `[df/dx, df/dy]`.
Don't modify `xy`.
""")

nb.solution("rosenbrock_grad", """
def rosenbrock_grad(xy):
    \"\"\"The gradient of rosenbrock at xy, as an array [df/dx, df/dy].\"\"\"
    ### BEGIN SOLUTION
    x, y = np.asarray(xy, dtype=float)
    return np.array([-2.0 * (1.0 - x) - 400.0 * x * (y - x**2), 200.0 * (y - x**2)])
    ### END SOLUTION
""")

nb.test("test_rosenbrock_grad", 3, """
g = rosenbrock_grad(np.array([1.0, 1.0]))
assert np.shape(g) == (2,), "rosenbrock_grad should return an array of shape (2,)"
assert np.allclose(g, 0.0), "the gradient should vanish at the minimum (1, 1)"
assert np.allclose(rosenbrock_grad(np.array([-1.0, 1.0])), [-4.0, 0.0]), \\
    "at (-1, 1) the gradient should be [-4, 0]: only the (1 - x)^2 term pulls"
assert np.allclose(rosenbrock_grad(np.array([0.0, 1.0])), [-2.0, 200.0]), \\
    "at (0, 1) the gradient should be [-2, 200]; check the sign and factor of df/dy"
print("Visible tests passed.")
""")

nb.md(r"""
Never trust a hand-derived gradient until it agrees with finite differences. The central
difference $\frac{f(x + h e_i) - f(x - h e_i)}{2h}$ has an error of order $h^2$. We
compare with the *relative error*
$\max_i \frac{|a_i - b_i|}{\max(10^{-8}, |a_i| + |b_i|)}$: around $10^{-7}$ or below your
gradient is right; above $10^{-2}$ it is wrong.
""")

nb.code("""
def central_difference_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in range(x.size):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def relative_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b)))


rng = np.random.default_rng(0)
for point in rng.uniform([-2, -1], [2, 3], size=(5, 2)):
    error = relative_error(rosenbrock_grad(point), central_difference_gradient(rosenbrock, point))
    print(f"at {np.round(point, 3)}: relative error {error:.1e}")
""")

nb.md(r"""
## 3. Curvature, and the largest stable step

The Hessian is the matrix of second derivatives:

$$H(x, y) = \begin{pmatrix} 2 - 400(y - x^2) + 800x^2 & -400x \\ -400x & 200 \end{pmatrix}.$$

Near a minimum, gradient descent with step $\alpha$ multiplies the error along each
eigenvector of $H$ by $(1 - \alpha\lambda)$. It shrinks along *every* direction only
when $|1 - \alpha\lambda| < 1$ for every eigenvalue, that is when $0 < \alpha < 2/\lambda_{\max}$.
The slowest direction then shrinks by $1 - \alpha\lambda_{\min}$ per step.

**Exercise 3.** Write `rosenbrock_hessian(xy)`, returning the 2×2 float array above.
""")

nb.solution("rosenbrock_hessian", """
def rosenbrock_hessian(xy):
    \"\"\"The 2x2 Hessian of rosenbrock at xy.\"\"\"
    ### BEGIN SOLUTION
    x, y = np.asarray(xy, dtype=float)
    dxx = 2.0 - 400.0 * (y - x**2) + 800.0 * x**2
    return np.array([[dxx, -400.0 * x], [-400.0 * x, 200.0]])
    ### END SOLUTION
""")

nb.test("test_rosenbrock_hessian", 2, """
H = rosenbrock_hessian(np.array([1.0, 1.0]))
assert np.shape(H) == (2, 2), "rosenbrock_hessian should return a 2x2 array"
assert np.allclose(H, H.T), "a Hessian is symmetric: d2f/dxdy = d2f/dydx"
assert np.allclose(H, [[802.0, -400.0], [-400.0, 200.0]]), \\
    "at (1, 1) the Hessian should be [[802, -400], [-400, 200]]"
print("Visible tests passed.")
""")

nb.code("""
eigenvalues = np.linalg.eigvalsh(rosenbrock_hessian(np.array([1.0, 1.0])))
print("eigenvalues at (1, 1):", ", ".join(f"{lam:.3f}" for lam in eigenvalues))
print(f"condition number: {eigenvalues[-1] / eigenvalues[0]:.0f}")
print(f"largest stable constant step 2 / lambda_max = {2 / eigenvalues[-1]:.6f}")
print(f"with lr = 0.001 the slow direction shrinks by {1 - 0.001 * eigenvalues[0]:.6f} per step")
""")

nb.md(r"""
Read those numbers carefully. The valley is about 2500 times steeper across than along.
A step larger than about 0.002 makes the iterates bounce off the valley walls with growing
amplitude; a step that is safe across the valley shrinks the error along it by only
0.04% per step. No constant step can be good in both directions at once.

## 4. Gradient descent from scratch

**Exercise 4.** Write `gradient_descent(f, grad_f, x0, lr=0.1, n_steps=100, tol=1e-8)`.

- Start from a float copy of `x0` (never modify the caller's array) and record
  `history = [(x0, f(x0))]`.
- Then, at most `n_steps` times: compute `g = grad_f(x)`; if `np.linalg.norm(g) < tol`,
  stop *before* updating; otherwise set `x = x - lr * g` and append `(x, f(x))`.
- Return `(x, history)`. So `len(history) <= n_steps + 1`.
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
bowl = lambda x: 0.5 * np.dot(x, x)
bowl_grad = lambda x: np.asarray(x, dtype=float)
start = np.array([4.0, -2.0])
x, history = gradient_descent(bowl, bowl_grad, start, lr=0.5, n_steps=3)
assert np.allclose(start, [4.0, -2.0]), "gradient_descent must not modify x0: work on a copy"
assert len(history) == 4, f"3 steps should give a history of 4 entries (x0 and one per step), got {len(history)}"
assert np.allclose(history[0][0], start) and np.isclose(history[0][1], 10.0), \\
    "history[0] should be (x0, f(x0))"
assert np.allclose(x, [0.5, -0.25]), \\
    "on the bowl 0.5*|x|^2 with lr=0.5 each step halves x: expected [0.5, -0.25] after 3 steps"
x, history = gradient_descent(bowl, bowl_grad, np.zeros(2), lr=0.5, n_steps=10)
assert len(history) == 1, "at a point where the gradient is zero, stop before taking any step"
print("Visible tests passed.")
""")

nb.md(r"""
## 5. The milestone run

**Exercise 5.** Three small functions.

- `run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000)` runs *your* `gradient_descent`
  on *your* `rosenbrock` and `rosenbrock_grad` and returns `(x, history)`. (Unlike the
  other exercises, the hidden tests grade this one with all of your own functions.)
- `distance_to_optimum(x)`: the Euclidean distance from `x` to `(1, 1)`, a float.
- `steps_to_tolerance(history, tol)`: the first index `t` with
  `distance_to_optimum(history[t][0]) < tol`, or `None` if there is none.
""")

nb.solution("run_milestone", """
def run_milestone(x0=(-1.0, 1.0), lr=0.001, n_steps=10000):
    \"\"\"Gradient descent on Rosenbrock from x0; returns (x, history).\"\"\"
    ### BEGIN SOLUTION
    return gradient_descent(rosenbrock, rosenbrock_grad, x0, lr=lr, n_steps=n_steps)
    ### END SOLUTION
""")

nb.solution("distance_to_optimum", """
def distance_to_optimum(x):
    \"\"\"Euclidean distance from x to the minimum (1, 1).\"\"\"
    ### BEGIN SOLUTION
    return float(np.linalg.norm(np.asarray(x, dtype=float) - np.array([1.0, 1.0])))
    ### END SOLUTION
""")

nb.solution("steps_to_tolerance", """
def steps_to_tolerance(history, tol):
    \"\"\"First index t with distance_to_optimum(history[t][0]) < tol, else None.\"\"\"
    ### BEGIN SOLUTION
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            return t
    return None
    ### END SOLUTION
""")

nb.test("test_run_milestone", 3, """
x_final, milestone_history = run_milestone()
assert len(milestone_history) == 10001, \\
    f"10,000 steps should give 10,001 history entries, got {len(milestone_history)}"
assert np.allclose(milestone_history[0][0], [-1.0, 1.0]), "the run should start at (-1, 1)"
assert rosenbrock(x_final) < 1e-3, \\
    "after 10,000 steps f should be below 1e-3: check rosenbrock_grad and gradient_descent"
print(f"final point {x_final}, f = {rosenbrock(x_final):.3g}")
""")

nb.test("test_distance_to_optimum", 1, """
assert np.isclose(distance_to_optimum(np.array([1.0, 1.0])), 0.0), "the optimum is at distance 0"
assert np.isclose(distance_to_optimum(np.array([4.0, 5.0])), 5.0), \\
    "(4, 5) is (3, 4) away from (1, 1), so the distance is 5"
print("Visible tests passed.")
""")

nb.test("test_steps_to_tolerance", 2, """
toy = [(np.array([3.0, 1.0]), 0.0), (np.array([1.5, 1.0]), 0.0), (np.array([1.05, 1.0]), 0.0)]
assert steps_to_tolerance(toy, 1.0) == 1, "index 1 is the first point within 1.0 of (1, 1)"
assert steps_to_tolerance(toy, 0.1) == 2, "index 2 is the first point within 0.1 of (1, 1)"
assert steps_to_tolerance(toy, 0.01) is None, "no point is within 0.01: return None"
print("Visible tests passed.")
""")

nb.code("""
print(f"ended {distance_to_optimum(x_final):.4f} from (1, 1) with f = {milestone_history[-1][1]:.2e}")
for tol in (1.0, 0.5, 0.1, 0.05, 0.02):
    print(f"first within {tol:>4}: step {steps_to_tolerance(milestone_history, tol)}")
""")

nb.md(r"""
## 6. Pictures of the run (graded by hand)

**Figure 1.** Draw the path of your milestone run on log-spaced contours of the
Rosenbrock function: contours over $x \in [-2, 2]$, $y \in [-1, 3]$ with levels from
`np.geomspace`, the path as a line with the start and the minimum marked, axis labels and
a title. Where does the path turn, and how far along the floor does it get?
""")

nb.plot("plot_path_contours", 2, """
### BEGIN SOLUTION
path = np.array([x for x, _ in milestone_history])
fig, ax = plt.subplots(figsize=(6, 5))
ax.contour(XY[0], XY[1], Z, levels=np.geomspace(1e-2, Z.max(), 30), cmap="viridis")
ax.plot(path[:, 0], path[:, 1], "r.-", ms=2, lw=1, label="gradient descent, lr = 0.001")
ax.plot(*path[0], "ko", label="start (-1, 1)")
ax.plot(1, 1, "y*", ms=14, label="minimum (1, 1)")
ax.set(xlim=(-2, 2), ylim=(-1, 3), xlabel="x", ylabel="y",
       title="10,000 steps of gradient descent on Rosenbrock")
ax.legend(loc="upper left")
plt.show()
### END SOLUTION
""")

nb.md(r"""
**Figure 2.** Plot the loss `f(x_t)` of your run against the step `t`, with a
logarithmic y axis (`ax.set_yscale("log")`). Label the axes.
""")

nb.plot("plot_loss_curve", 1, """
### BEGIN SOLUTION
losses = [loss for _, loss in milestone_history]
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(losses)
ax.set_yscale("log")
ax.set(xlabel="step t", ylabel="f(x_t)", title="loss of the milestone run")
plt.show()
### END SOLUTION
""")

nb.md(r"""
## 7. Try it: just above and just below the bound

The stability bound says constant steps above about 0.002 fail near the minimum.
Run the experiment. (Ungraded, but it is what the written question is about.)
""")

nb.code("""
if SHOW_DEMOS:
    for lr in (0.0005, 0.001, 0.0019, 0.0021, 0.003):
        if lr == 0.001:
            x, history = x_final, milestone_history     # the milestone run: no need to repeat it
        else:
            with np.errstate(over="ignore", invalid="ignore"):
                x, history = gradient_descent(rosenbrock, rosenbrock_grad, (-1.0, 1.0), lr=lr, n_steps=10000)
        status = f"distance {distance_to_optimum(x):.4f}" if np.all(np.isfinite(x)) else "diverged"
        print(f"lr = {lr:<7}: {status}, first within 0.05 at step {steps_to_tolerance(history, 0.05)}")
""")

nb.md(r"""
## 8. Reflection (graded by hand)

In a few sentences: why does plain gradient descent need thousands of steps on this
function, even though it is a smooth function of two variables with a single minimum?
Use the Hessian's eigenvalues at $(1, 1)$ and the stability bound in your answer, and
name one remedy you would try next.
""")

nb.answer("answer_valley", 3, """
The Hessian at (1, 1) has eigenvalues of about 1001.6 and 0.4: the valley is roughly 2500
times more curved across than along. A constant step is stable only below 2/1001.6 ≈ 0.002,
so the step is set by the steep direction; along the floor the error then shrinks by a
factor of only 1 - 0.001 × 0.4 ≈ 0.9996 per step, which is why 10,000 steps still end about
0.017 from the minimum. Larger steps bounce between the walls and diverge. Remedies: momentum
(which accumulates speed along the consistent direction of the floor), an adaptive method
such as RMSprop or Adam that rescales each coordinate, or a second-order method (Newton's
step uses the Hessian to undo the bad conditioning).
""")
