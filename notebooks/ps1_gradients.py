"""ps1_gradients: derivatives, gradients and the chain rule."""

from .cells import Notebook

NOTEBOOK = nb = Notebook("ps1_gradients", "gradients", "Derivatives, gradients and the chain rule")

nb.md(r"""
# Problem set 1: derivatives, gradients and the chain rule

Gradient descent asks one thing of a function: its gradient. This problem set is about
computing gradients and, above all, about *trusting* them. You will draw a landscape and
its gradient, estimate derivatives from nothing but function values, find out why the step
of that estimate can be too small as well as too large, and build the *gradient check* that
every later problem set relies on. Along the way you will meet the chain rule (the engine
of backpropagation) and see why the gradient points straight uphill and crosses every
contour line at a right angle.

**How this notebook is graded.** Each function you write has a test cell after it. The
tests you can see are a first check: if one fails, its message tells you what to look at,
and that cell scores zero. When you hand in, hidden tests run the same function on random
inputs (the random seed is printed in your feedback) and give partial credit, test by
test. Each function is graded on its own: when a hidden test grades `gradient_check`, it
gives it a correct `numerical_gradient` and `rel_error`, so a bug in one function costs
only that function's points. The two figures and the written answer are graded by hand.

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
## 1. A landscape and its gradient

A function of two variables, $f(x, y)$, is a landscape: the height of the ground above the
point $(x, y)$ of a map. Our first landscape is

$$f(x, y) = \sin x + \cos y .$$

It has hills where $\sin x = 1$ and $\cos y = 1$ (height 2, for example at
$(\pi/2, 0)$), pits where both are $-1$, and saddles in between.

A *partial derivative* is the slope in one coordinate direction, with the other coordinate
held fixed: $\partial f / \partial x = \cos x$ (the $\cos y$ term does not change when
only $x$ moves) and $\partial f / \partial y = -\sin y$. Stacked into a vector, the
partial derivatives form the **gradient**

$$\nabla f(x, y) = \begin{pmatrix} \cos x \\ -\sin y \end{pmatrix}.$$

**Exercise 1.** Write `sin_cos(xy)` and `sin_cos_grad(xy)`.

- `sin_cos(xy)`: `xy` is a point `[x, y]`, or a stack of two coordinate grids of shape
  `(2, ...)` such as `np.stack(np.meshgrid(xs, ys))`, which is what a surface or contour
  plot needs. Unpacking `x, y = xy` works for both. Return a float for a point and an array
  of shape `xy.shape[1:]` for a stack.
- `sin_cos_grad(xy)`: the gradient at a point, as a float array `[cos x, -sin y]`. Don't
  modify `xy`.
""")

nb.solution("sin_cos", """
def sin_cos(xy):
    \"\"\"f(x, y) = sin(x) + cos(y) at a point [x, y] or on a (2, ...) stack of grids.\"\"\"
    ### BEGIN SOLUTION
    x, y = np.asarray(xy, dtype=float)
    value = np.sin(x) + np.cos(y)
    return float(value) if np.ndim(value) == 0 else value
    ### END SOLUTION


def sin_cos_grad(xy):
    \"\"\"The gradient of sin_cos at the point xy, as an array [df/dx, df/dy].\"\"\"
    ### BEGIN SOLUTION
    x, y = np.asarray(xy, dtype=float)
    return np.array([np.cos(x), -np.sin(y)])
    ### END SOLUTION
""")

nb.test("test_sin_cos", 2, """
assert np.isclose(sin_cos(np.array([0.0, 0.0])), 1.0), "at (0, 0): sin(0) + cos(0) = 0 + 1 = 1"
assert np.isclose(sin_cos(np.array([np.pi / 2, 0.0])), 2.0), \\
    "at the hilltop (pi/2, 0): sin(pi/2) + cos(0) = 2"
assert np.isclose(sin_cos(np.array([np.pi / 2, np.pi])), 0.0), \\
    "at (pi/2, pi): sin(pi/2) + cos(pi) = 1 - 1 = 0; is it sin of x and cos of y?"
grid = np.stack(np.meshgrid(np.linspace(-3, 3, 4), np.linspace(-3, 3, 3)))
assert np.shape(sin_cos(grid)) == (3, 4), \\
    "for a (2, 3, 4) stack of grids, sin_cos should return a (3, 4) array"
print("Visible tests passed.")
""")

nb.test("test_sin_cos_grad", 2, """
g = sin_cos_grad(np.array([0.0, np.pi / 2]))
assert np.shape(g) == (2,), "sin_cos_grad should return an array of shape (2,)"
assert np.allclose(g, [1.0, -1.0]), "at (0, pi/2) the gradient is [cos(0), -sin(pi/2)] = [1, -1]"
assert np.allclose(sin_cos_grad(np.array([np.pi / 2, 0.0])), [0.0, 0.0]), \\
    "at the hilltop (pi/2, 0) the gradient vanishes"
assert np.allclose(sin_cos_grad(np.array([np.pi, -np.pi / 2])), [-1.0, 1.0]), \\
    "at (pi, -pi/2): cos(pi) = -1 and -sin(-pi/2) = 1; check the order and the sign of df/dy"
print("Visible tests passed.")
""")

nb.md(r"""
**Figure 1 (graded by hand).** Draw the graph $z = \sin x + \cos y$ as a 3-D surface over
$x, y \in [-3, 3]$: a $60 \times 60$ grid from `np.linspace` and `np.meshgrid` is plenty,
`sin_cos` of the stacked grid gives the heights, and
`fig.add_subplot(projection="3d")` gives axes with a `plot_surface` method. Label the three
axes and give the figure a title. Find the hilltops, the pits and a saddle.
""")

nb.plot("plot_surface_3d", 1, """
### BEGIN SOLUTION
xs = np.linspace(-3, 3, 60)
surface_grid = np.stack(np.meshgrid(xs, xs))
fig = plt.figure(figsize=(7, 5))
ax = fig.add_subplot(projection="3d")
ax.plot_surface(surface_grid[0], surface_grid[1], sin_cos(surface_grid), cmap="viridis", linewidth=0)
ax.set(xlabel="x", ylabel="y", zlabel="f(x, y)", title="f(x, y) = sin x + cos y")
plt.show()
### END SOLUTION
""")

nb.md(r"""
A 3-D view is good for intuition and bad for measurement. A contour plot is the map
view: each curve is a **level set**, a set of points where $f$ has one value, like the
contour lines of a hiking map.

**Figure 2 (graded by hand).** Draw filled contours of `sin_cos` over $[-3, 3]^2$
(`ax.contourf`, with a colour bar) and, on a coarser $15 \times 15$ grid of points, the
gradient as arrows: `ax.quiver(X, Y, U, V, angles="xy")`, where `U` and `V` hold the two
components of `sin_cos_grad` at each point (call it point by point). Use
`ax.set_aspect("equal")`, otherwise right angles don't look right. Label the axes.

Look at your figure: which way do the arrows point, where are they long, where do they
vanish, and at what angle do they cross the contour lines?
""")

nb.plot("plot_gradient_field", 2, """
### BEGIN SOLUTION
xs = np.linspace(-3, 3, 200)
field_grid = np.stack(np.meshgrid(xs, xs))
arrows_at = np.stack(np.meshgrid(np.linspace(-3, 3, 15), np.linspace(-3, 3, 15)))
arrows = np.array([[sin_cos_grad(arrows_at[:, i, j]) for j in range(15)] for i in range(15)])
fig, ax = plt.subplots(figsize=(6.5, 5.5))
filled = ax.contourf(field_grid[0], field_grid[1], sin_cos(field_grid), levels=20, cmap="viridis")
ax.contour(field_grid[0], field_grid[1], sin_cos(field_grid), levels=10, colors="k", linewidths=0.5)
fig.colorbar(filled, ax=ax, label="f(x, y)")
ax.quiver(arrows_at[0], arrows_at[1], arrows[..., 0], arrows[..., 1], angles="xy", color="white")
ax.set_aspect("equal")
ax.set(xlim=(-3, 3), ylim=(-3, 3), xlabel="x", ylabel="y",
       title="contours of sin x + cos y and its gradient")
plt.show()
### END SOLUTION
""")

nb.md(r"""
## 2. Derivatives from function values

Later in the course gradients come from long formulas or from code, and a wrong sign or a
missing factor does not announce itself: gradient descent simply goes the wrong way or
crawls. We need a way to compute a derivative that uses only values of $f$, to check
the formulas against.

The definition $f'(x) = \lim_{h \to 0} \frac{f(x + h) - f(x)}{h}$ suggests the *forward
difference* with a small $h$. Taylor's theorem says how good it is:

$$f(x \pm h) = f(x) \pm h f'(x) + \tfrac{h^2}{2} f''(x) \pm \tfrac{h^3}{6} f'''(x) + \dots$$

so $\frac{f(x + h) - f(x)}{h} = f'(x) + \frac{h}{2} f''(x) + \dots$: the error shrinks only
like $h$. Subtract the two expansions instead, and the $f''$ terms cancel:

$$\frac{f(x + h) - f(x - h)}{2h} = f'(x) + \frac{h^2}{6} f'''(x) + \dots$$

This **central difference** is accurate to order $h^2$: divide $h$ by 10 and the error
drops a hundredfold, for the price of the same two evaluations of $f$.

**Exercise 2.** Write `numerical_derivative(f, x, h=1e-5)`: the central difference
$(f(x + h) - f(x - h)) / (2h)$ at a number `x`, returned as a float. Use the `h` you are
given.
""")

nb.solution("numerical_derivative", """
def numerical_derivative(f, x, h=1e-5):
    \"\"\"The central difference (f(x + h) - f(x - h)) / (2h), an estimate of f'(x).\"\"\"
    ### BEGIN SOLUTION
    x = float(x)
    return float((f(x + h) - f(x - h)) / (2.0 * h))
    ### END SOLUTION
""")

nb.test("test_numerical_derivative", 2, """
d = numerical_derivative(lambda x: x**3, 2.0)
assert np.ndim(d) == 0, "numerical_derivative should return a single number"
assert np.isclose(d, 12.0), f"the derivative of x**3 at 2 is 3 * 2**2 = 12, got {d}"
assert np.isclose(numerical_derivative(np.sin, 0.0), 1.0), "the derivative of sin at 0 is cos(0) = 1"
d = numerical_derivative(lambda x: x**2, 0.5, h=0.1)
assert np.isclose(d, 1.0, rtol=0, atol=1e-12), \\
    f"for x**2 at 0.5 the central difference is exact, 1.0, for any h; got {d}. 1.1 means a " \\
    "forward difference (f(x + h) - f(x)) / h; 2.0 or 0.5 a wrong denominator (it is 2h)"
d = numerical_derivative(lambda x: x**3, 1.0, h=0.1)
assert np.isclose(d, 3.01), \\
    f"with h=0.1 the central difference of x**3 at 1 is 3 + h**2 = 3.01, got {d}: use the h you are given"
print("Visible tests passed.")
""")

nb.md(r"""
### How small should h be?

Why not take $h = 10^{-15}$? Because a computer rounds. A float64 carries about 16
significant digits (machine epsilon $\varepsilon \approx 2.2 \times 10^{-16}$), so $f(x + h)$
and $f(x - h)$ each come with a rounding error of about $\varepsilon |f(x)|$. For a tiny
$h$ the two values agree in almost all their digits; subtracting them cancels the digits
that agree and leaves mostly rounding noise, which the division by $2h$ then magnifies.
The total error of the central difference is roughly

$$\underbrace{\frac{h^2}{6} |f'''(x)|}_{\text{truncation}} +
\underbrace{\frac{\varepsilon\, |f(x)|}{h}}_{\text{round-off}},$$

large for large $h$ and large for tiny $h$. It is smallest where the two balance, near
$h \approx \varepsilon^{1/3} \approx 10^{-5}$ for an ordinary function: that is why
`h=1e-5` is the default. (For the forward difference the balance is at
$h \approx \varepsilon^{1/2} \approx 10^{-8}$, and the best it can do is far worse.)

Run the next cell. It measures the error of your `numerical_derivative` for $\sin$ at
$x = 1$, where the exact derivative is $\cos 1$, for $h$ from $10^{-15}$ to $1$, next to the
forward difference, on log-log axes where a power law $h^p$ is a straight line of slope $p$.
""")

nb.code("""
hs = np.logspace(-15, 0, 61)
exact = np.cos(1.0)
central = np.array([abs(numerical_derivative(np.sin, 1.0, h) - exact) for h in hs])
forward = np.array([abs((np.sin(1.0 + h) - np.sin(1.0)) / h - exact) for h in hs])
best = hs[np.argmin(central)]
print(f"central difference: smallest error {central.min():.1e} at h = {best:.0e}")
print(f"forward difference: smallest error {forward.min():.1e} at h = {hs[np.argmin(forward)]:.0e}")

if SHOW_DEMOS:
    tiny = 1e-18  # an exact hit has error 0, which a log axis cannot show
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.loglog(hs, np.maximum(central, tiny), ".-", label="central difference (yours)")
    ax.loglog(hs, np.maximum(forward, tiny), ".-", alpha=0.6, label="forward difference")
    ax.loglog(hs, hs**2 / 6 * np.cos(1.0), "k--", lw=0.8, label="truncation h²|f'''|/6")
    ax.loglog(hs, np.finfo(float).eps * np.sin(1.0) / hs, "k:", lw=0.8, label="round-off ε|f|/h")
    ax.axvline(best, color="gray", lw=0.8)
    ax.set(ylim=(1e-13, 1e1), xlabel="step h", ylabel="absolute error",
           title=f"error of the derivative of sin at x = 1 (best central h ≈ {best:.0e})")
    ax.legend(loc="upper center", fontsize="small")
    plt.show()
""")

nb.md(r"""
Read the slopes. To the right of the best step the central difference's error falls by a
factor of 100 per decade of $h$ (slope 2) and the forward difference's by only 10
(slope 1); to the left, both rise with slope $-1$ as round-off takes over, jagged because
rounding is erratic. The central difference at its best is at least a thousand times
more accurate than the forward difference at *its* best. (Ungraded: what happens to the best
$h$ for a function whose values are around $10^6$?)

## 3. Gradients by central differences

For a function of many variables, take one central difference per coordinate: move
only coordinate $i$, by $\pm h$ (that is, along the unit vector $e_i$), and keep the rest:

$$\frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}.$$

In later problem sets $x$ will be a weight matrix or a whole stack of them, so this must
work for arrays of any shape. `np.ndindex(x.shape)` yields the index tuple of every entry,
`(0,)`, `(1,)`, ... for a vector and `(0, 0)`, `(0, 1)`, ... for a matrix, and `x[i]` with
such a tuple picks one entry.

**Exercise 3.** Write `numerical_gradient(f, x, h=1e-5)`: a float array of `x`'s shape
whose entry `i` is the central difference along coordinate `i`. Two traps:

- The caller's `x` must be unchanged afterwards. Work on a float copy
  (`x = np.array(x, dtype=float)`), and if you perturb an entry in place, save its
  original value and put it back before moving on (adding `h` and subtracting it again
  does not always give back the same float).
- Each difference starts from `x` itself. A perturbation left behind in coordinate 0
  means that every later coordinate is differentiated at the wrong point.
""")

nb.solution("numerical_gradient", """
def numerical_gradient(f, x, h=1e-5):
    \"\"\"Central differences of f along every coordinate of the array x (of any shape).\"\"\"
    ### BEGIN SOLUTION
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (f(x + step) - f(x - step)) / (2.0 * h)
    return grad
    ### END SOLUTION
""")

nb.test("test_numerical_gradient", 4, """
x = np.array([1.0, -2.0, 3.0])
g = numerical_gradient(lambda v: np.sum(v**2), x)
assert np.shape(g) == (3,), "numerical_gradient should return an array of x's shape"
assert np.allclose(g, [2.0, -4.0, 6.0]), f"the gradient of sum(v**2) is 2v = [2, -4, 6], got {g}"
assert np.array_equal(x, [1.0, -2.0, 3.0]), \\
    "numerical_gradient changed x: work on a copy, or restore each entry after perturbing it"
m = np.array([[0.0, 2.0], [3.0, 0.0]])
g = numerical_gradient(lambda m: m[0, 1] * m[1, 0], m)
assert np.shape(g) == (2, 2), \\
    "for a (2, 2) x the gradient is a (2, 2) array: loop over np.ndindex(x.shape), not range(len(x))"
assert np.allclose(g, [[0.0, 3.0], [2.0, 0.0]]), \\
    f"d(m01 * m10)/dm01 = m10 = 3, d/dm10 = m01 = 2, and 0 on the diagonal; got {np.asarray(g).tolist()}"
g = numerical_gradient(lambda v: v[0] ** 3, np.array([1.0]), h=0.1)
assert np.isclose(g[0], 3.01), \\
    "with h=0.1 the central difference of v**3 at 1 is 3.01: use the h you are given"
print("Visible tests passed.")
""")

nb.md(r"""
## 4. The gradient check

How close is close enough? An absolute difference means nothing without a scale:
$10^{-4}$ is excellent agreement between two gradients of size $10^4$ and a disaster
between two of size $10^{-6}$. So we compare entry by entry with the **relative error**
$\frac{|a_i - b_i|}{|a_i| + |b_i|}$, which lies between 0 (equal) and 1 (opposite signs),
and report the worst entry:

$$\text{rel\_error}(a, b) = \max_i \frac{|a_i - b_i|}{\max(10^{-8},\ |a_i| + |b_i|)} .$$

The floor $10^{-8}$ in the denominator keeps entries where both are zero (or nearly) from
dividing by zero. How to read the number, on the scale of Stanford's CS231n notes:

| relative error | verdict |
| --- | --- |
| $\le 10^{-7}$ | the gradient is right |
| $10^{-7}$ to $10^{-2}$ | suspicious: a slip somewhere, or a kink in $f$ near $x$. A gradient off by 1% scores about $5 \times 10^{-3}$ |
| $> 10^{-2}$ | the gradient is wrong |

**Exercise 4.** Write `rel_error(a, b)`, the formula above for arrays of any shape or plain
numbers, returning a float. Take the maximum over the entries, not the mean: one wrong
entry is a wrong gradient.
""")

nb.solution("rel_error", """
def rel_error(a, b):
    \"\"\"The largest elementwise relative error |a - b| / max(1e-8, |a| + |b|).\"\"\"
    ### BEGIN SOLUTION
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
    ### END SOLUTION
""")

nb.test("test_rel_error", 2, """
assert rel_error(np.array([1.0, 2.0]), np.array([1.0, 2.0])) == 0.0, "equal arrays have relative error 0"
assert np.isclose(rel_error(np.array([1.0, 3.0]), np.array([1.0, 1.0])), 0.5), \\
    "the second entry's relative error is |3 - 1| / (3 + 1) = 0.5"
assert np.isclose(rel_error(np.array([1.0, 1.0, 1.0, 3.0]), np.ones(4)), 0.5), \\
    "take the largest entry's relative error (0.5 here), not the mean"
assert np.isclose(rel_error(2.0, -2.0), 1.0), "opposite signs give the largest relative error, 1"
assert rel_error(0.0, 0.0) == 0.0, \\
    "where both are 0 the denominator is the floor 1e-8, so the relative error is 0 (not nan)"
assert np.isclose(rel_error(np.array([0.0, 1e-9]), np.array([0.0, 3e-9])), 0.2), \\
    "for tiny entries: 2e-9 / max(1e-8, 4e-9) = 0.2; the floor is np.maximum(1e-8, |a| + |b|)"
print("Visible tests passed.")
""")

nb.md(r"""
**Exercise 5.** Write `gradient_check(f, grad_f, x, h=1e-5)`: the relative error between
the analytic gradient `grad_f(x)` and the estimate `numerical_gradient(f, x, h)`. Use your
two functions above; pass `h` on.
""")

nb.solution("gradient_check", """
def gradient_check(f, grad_f, x, h=1e-5):
    \"\"\"rel_error between grad_f(x) and numerical_gradient(f, x, h).\"\"\"
    ### BEGIN SOLUTION
    x = np.array(x, dtype=float)
    numeric = numerical_gradient(f, x, h)
    return rel_error(grad_f(x), numeric)
    ### END SOLUTION
""")

nb.test("test_gradient_check", 3, """
c = np.array([1.5, -2.0, 0.5])
linear = lambda v: float(np.dot(c, v))
x = np.array([0.3, -0.7, 1.1])
value = gradient_check(linear, lambda v: c, x.copy())
assert np.ndim(value) == 0, "gradient_check should return a single number, the relative error"
assert np.isclose(value, rel_error(c, numerical_gradient(linear, x.copy())), rtol=1e-3, atol=1e-9), \\
    "gradient_check(f, grad_f, x) should be rel_error(grad_f(x), numerical_gradient(f, x, h))"
assert np.isclose(gradient_check(linear, lambda v: -c, x.copy()), 1.0), \\
    "a gradient with every sign flipped should give a relative error of 1"
assert np.isclose(gradient_check(linear, lambda v: 2 * c, x.copy()),
                  rel_error(2 * c, numerical_gradient(linear, x.copy()))), \\
    "for a gradient twice too large, gradient_check should be rel_error(2c, numerical_gradient(f, x))"
print("Visible tests passed.")
""")

nb.md(r"""
Now put your `sin_cos_grad` to the test, and see what the check says about gradients with
typical mistakes in them.
""")

nb.code("""
rng = np.random.default_rng(0)
for point in rng.uniform(-3, 3, size=(4, 2)):
    print(f"at {np.round(point, 3)}: relative error {gradient_check(sin_cos, sin_cos_grad, point):.1e}")

point = np.array([0.5, 1.0])
mistakes = {
    "1% too large": lambda xy: 1.01 * sin_cos_grad(xy),
    "sign of df/dy flipped": lambda xy: np.array([np.cos(xy[0]), np.sin(xy[1])]),
    "sin and cos swapped": lambda xy: np.array([np.sin(xy[0]), -np.cos(xy[1])]),
}
for name, wrong_grad in mistakes.items():
    print(f"{name:>22}: relative error {gradient_check(sin_cos, wrong_grad, point):.1e}")
""")

nb.md(r"""
## 5. The chain rule

Most functions are compositions. If $f(x) = g(u(x))$, a small change $dx$ changes $u$ by
$u'(x)\,dx$, which changes $g$ by $g'(u)$ times that:

$$f'(x) = g'(u(x)) \cdot u'(x).$$

For $f(x) = \sin(x)^2$ the outer function is $g(u) = u^2$ with $g'(u) = 2u$, and the inner
one is $u(x) = \sin x$ with $u'(x) = \cos x$. So

$$\frac{d}{dx} \sin(x)^2 = 2 \sin x \cos x .$$

Backpropagation (problem set 4) is nothing but this rule, applied one node of a
computation at a time.

**Exercise 6.** Write `sin_squared_grad(x)`, the derivative of $\sin(x)^2$. It must work
elementwise on arrays (use numpy's `np.sin` and `np.cos`, not the `math` module); for a
single number, return a float.
""")

nb.solution("sin_squared_grad", """
def sin_squared_grad(x):
    \"\"\"The derivative of sin(x)**2 by the chain rule, elementwise.\"\"\"
    ### BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    value = 2.0 * np.sin(x) * np.cos(x)
    return float(value) if value.ndim == 0 else value
    ### END SOLUTION
""")

nb.test("test_sin_squared_grad", 2, """
assert np.isclose(sin_squared_grad(np.pi / 4), 1.0), "at pi/4: 2 sin(pi/4) cos(pi/4) = 2 * 1/2 = 1"
assert np.isclose(sin_squared_grad(np.pi / 6), np.sqrt(3) / 2), \\
    "at pi/6: 2 * sin(pi/6) * cos(pi/6) = 2 * 1/2 * sqrt(3)/2 = 0.866; half of that means the " \\
    "factor 2 from d(u**2)/du = 2u is missing"
assert np.isclose(sin_squared_grad(0.0), 0.0), "at 0, sin(x)**2 has a minimum: the derivative is 0"
g = sin_squared_grad(np.array([0.0, np.pi / 4, np.pi / 2, 3 * np.pi / 4]))
assert np.shape(g) == (4,), "sin_squared_grad works elementwise: 4 points give 4 derivatives"
assert np.allclose(g, [0.0, 1.0, 0.0, -1.0]), f"expected [0, 1, 0, -1] at [0, pi/4, pi/2, 3pi/4], got {g}"
print("Visible tests passed.")
""")

nb.md(r"""
The derivative you found by hand should agree with a central difference everywhere:
""")

nb.code("""
xs = np.linspace(-3, 3, 13)
numeric = np.array([numerical_derivative(lambda t: np.sin(t) ** 2, x) for x in xs])
print(f"largest relative error against central differences: {rel_error(sin_squared_grad(xs), numeric):.1e}")
""")

nb.md(r"""
## 6. Directional derivatives: why the gradient points uphill

Stand at $x$ and walk in the direction of a unit vector $u$: along the line $x + t u$,
how fast does $f$ change? By the chain rule, with $x + tu$ as the inner function,

$$D_u f(x) = \frac{d}{dt} f(x + t u) \Big|_{t = 0} = \nabla f(x) \cdot u .$$

This is the **directional derivative**. If $u$ is not a unit vector, divide by its
length: only the direction counts, so $D_u f = \nabla f \cdot u / \lVert u \rVert$.

Write the dot product as $\lVert \nabla f \rVert \cos\theta$, where $\theta$ is the angle
between $u$ and $\nabla f$. The rate is largest, $\lVert \nabla f \rVert$, for $\theta = 0$:
**the gradient is the direction of steepest ascent**, and its length is the slope in that
direction. The rate is most negative for $\theta = \pi$: $-\nabla f$ is the direction of
steepest descent, which is exactly the step gradient descent takes.

**Exercise 7.** Write `directional_derivative(grad, u)`: `grad · u / norm(u)` for two
vectors, returned as a float. Don't modify `u`.
""")

nb.solution("directional_derivative", """
def directional_derivative(grad, u):
    \"\"\"The rate of change along the direction of u: grad . u / norm(u).\"\"\"
    ### BEGIN SOLUTION
    grad = np.asarray(grad, dtype=float)
    u = np.asarray(u, dtype=float)
    return float(np.dot(grad, u) / np.linalg.norm(u))
    ### END SOLUTION
""")

nb.test("test_directional_derivative", 2, """
grad = np.array([3.0, 4.0])
assert np.isclose(directional_derivative(grad, np.array([1.0, 0.0])), 3.0), \\
    "along the x axis the rate of change is df/dx = 3"
assert np.isclose(directional_derivative(grad, np.array([0.0, -2.0])), -4.0), \\
    "u = (0, -2) points along -y, so the rate is -4; u need not be a unit vector: divide by its norm"
assert np.isclose(directional_derivative(grad, np.array([3.0, 4.0])), 5.0), \\
    "along the gradient itself the rate is the gradient's norm, 5"
assert np.isclose(directional_derivative(grad, np.array([-4.0, 3.0])), 0.0), \\
    "at a right angle to the gradient the rate is 0"
print("Visible tests passed.")
""")

nb.md(r"""
Turn around on the spot: at one point of the `sin_cos` landscape, measure the rate of change
in every direction, with your `directional_derivative` and, as a check, with a central
difference of $f$ along the line.
""")

nb.code("""
point = np.array([0.5, 1.0])
g = sin_cos_grad(point)
angles = np.linspace(0, 2 * np.pi, 181)
directions = np.stack([np.cos(angles), np.sin(angles)], axis=1)
rates = np.array([directional_derivative(g, u) for u in directions])
along_line = np.array([numerical_derivative(lambda t: sin_cos(point + t * u), 0.0)
                       for u in directions[::15]])

grad_angle = np.arctan2(g[1], g[0]) % (2 * np.pi)
print(f"largest rate {rates.max():.4f} at θ = {angles[rates.argmax()]:.3f}; "
      f"|grad| = {np.linalg.norm(g):.4f} at θ = {grad_angle:.3f}")

if SHOW_DEMOS:
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.plot(angles, rates, label="directional_derivative")
    ax.plot(angles[::15], along_line, "o", label="central difference along the line")
    ax.axvline(grad_angle, color="gray", ls="--", label="direction of the gradient")
    ax.axhline(0, color="k", lw=0.5)
    ax.set(xlabel="direction θ (radians)", ylabel="rate of change", title=f"all directions at {point.tolist()}")
    ax.legend(fontsize="small")
    plt.show()
""")

nb.md(r"""
## 7. Reflection (graded by hand)

In Figure 2 every arrow crosses the contour lines at a right angle. In a few sentences,
explain why the gradient is perpendicular to the level sets of $f$. Use the directional
derivative in your argument: what is the rate of change of $f$ as you walk *along* a
contour line? Say also what happens at points where $\nabla f = 0$, such as the hilltop
$(\pi/2, 0)$.
""")

nb.answer("answer_level_sets", 2, """
Walk along a level set: take a curve c(t) that stays on it, with c(0) = x. Then f(c(t)) is
the same number for every t, so its derivative is zero. By the chain rule that derivative
is ∇f(x) · c'(0), the directional derivative along the curve's tangent. So the gradient has
zero dot product with every direction tangent to the level set: it is perpendicular to it.
Put differently, moving along a contour line doesn't change f at all, so all of the change
happens across the line, and the steepest direction, which is the gradient, points straight
across it, towards the higher values. The arrows are long where the contour lines are
packed close together (a steep slope) and short where they are far apart. Where ∇f = 0
(the hilltop (π/2, 0), a pit, or a saddle such as (π/2, π)) there is no gradient direction
at all: the slope is zero in every direction, and the level set there is a single point
(a peak or pit) or two crossing lines (a saddle) rather than a smooth curve.
""")
