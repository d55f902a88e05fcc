"""Pictures in a student's feedback: their descent drawn against the reference's.

A hidden test that holds a student's trajectory or loss curve (plain data that
came back across the sandbox) puts it in the ``sketch`` fixture, a
:class:`Sketchbook`, before it checks anything, so the picture is there when the
test fails. The grader draws the sketches after the cell's tests, in its own
process, with matplotlib's Agg canvas, as small PNG images that become
``display_data`` outputs of the test cell. Drawing never changes a score: a
sketch that can't be drawn (no usable numbers) is left out.
"""

import base64
import dataclasses
import io
import logging
import numbers

import numpy as np

log = logging.getLogger(__name__)

DPI = 80
SIZE = (8.0, 3.2)
MAX_POINTS = 600
YOURS, REFERENCE = "C3", "C0"


@dataclasses.dataclass
class Descent:
    """A trajectory and its losses, the student's and the reference's, on one landscape.

    ``landscape`` takes a ``(2, ...)`` stack of coordinates and returns the values;
    ``student`` and ``reference`` are histories of ``(x, f(x))`` pairs.
    """

    title: str
    landscape: object
    student: object
    reference: object
    optimum: object = None
    levels: object = 12


@dataclasses.dataclass
class Curves:
    """Loss curves, the student's against the reference's, one pair per label."""

    title: str
    xlabel: str = "step"
    ylabel: str = "loss"
    logx: bool = False
    pairs: list = dataclasses.field(default_factory=list)

    def add(self, label, student, reference, x=None):
        """Add the student's losses (as they came back) and the reference's under
        ``label``, both against ``x`` (the step by default)."""
        self.pairs.append((label, student, reference, x))


class Sketchbook:
    """What a cell's hidden tests want drawn; see the module docstring."""

    def __init__(self):
        self.sketches = []

    def descent(self, title, landscape, student, reference, optimum=None, levels=12):
        """Sketch a descent: paths on the landscape's contours, and loss curves.

        Parameters
        ----------
        title : str
            What was run, for the student (``"gradient_descent on a quadratic bowl"``).
        landscape : callable
            The loss, taking a ``(2, ...)`` stack of coordinates.
        student, reference : sequence
            Histories of ``(x, f(x))`` pairs; the student's as it came back.
        optimum : array_like, optional
            Marked with a star.
        levels : int or "log"
            Contour levels (``"log"`` for a narrow valley).
        """
        self.sketches.append(Descent(title, landscape, student, reference, optimum, levels))

    def curves(self, title, xlabel="step", ylabel="loss", logx=False):
        """A panel of loss curves to fill with :meth:`Curves.add`."""
        panel = Curves(title, xlabel, ylabel, logx)
        self.sketches.append(panel)
        return panel


def numbers_of(value):
    """``value`` as a float array if it is plain numbers (nested lists, tuples,
    arrays), else None. Nothing of the student's is ever called."""
    if isinstance(value, np.ndarray):
        return value.astype(float) if value.dtype.kind in "biuf" else None
    if isinstance(value, (bool, np.bool_)) or isinstance(value, numbers.Real):
        return np.asarray(float(value))
    if isinstance(value, (list, tuple)) and len(value) <= 100_000:
        if value and all(type(v) is np.ndarray for v in value):  # a history's points, at once
            if len({v.shape for v in value}) == 1 and {v.dtype.kind for v in value} <= set("biuf"):
                return np.array(value, dtype=float)
        if value and all(isinstance(v, numbers.Real) for v in value):  # and its losses
            return np.array([float(v) for v in value])
        parts = [numbers_of(v) for v in value]
        if any(p is None for p in parts) or len({p.shape for p in parts}) > 1:
            return None
        return np.array(parts, dtype=float) if parts else None
    return None


def trajectory(history):
    """``(points (n, 2), losses (n,))`` of a history of ``(x, f(x))`` pairs, or None.

    >>> points, losses = trajectory([([0.0, 1.0], 0.5), ([0.0, 0.5], 0.125)])
    >>> points.tolist(), losses.tolist()
    ([[0.0, 1.0], [0.0, 0.5]], [0.5, 0.125])
    >>> trajectory("not a history") is None
    True
    """
    if not isinstance(history, (list, tuple)) or not history or len(history) > 100_000:
        return None
    if not all(isinstance(entry, (list, tuple)) and len(entry) == 2 for entry in history):
        return None
    points = numbers_of([entry[0] for entry in history])
    losses = numbers_of([entry[1] for entry in history])
    if points is None or losses is None or points.shape != (len(history), 2) or losses.ndim != 1:
        return None
    return points, losses


def _thin(points, losses):
    """``(steps, points, losses)`` cut to at most :data:`MAX_POINTS` steps, first and last kept."""
    steps = np.unique(np.linspace(0, len(losses) - 1, min(len(losses), MAX_POINTS)).astype(int))
    return steps, points[steps], losses[steps]


def _view(reference, student, optimum):
    """Axis limits around the reference's path, stretched towards the student's
    but no more than three times as wide, so a path that runs away leaves the frame."""
    anchor = [reference] + ([np.reshape(optimum, (1, 2))] if optimum is not None else [])
    anchor = np.concatenate(anchor)
    anchor = anchor[np.isfinite(anchor).all(axis=1)]
    low, high = anchor.min(axis=0), anchor.max(axis=0)
    pad = np.maximum(0.15 * (high - low), 0.5)
    low, high = low - pad, high + pad
    centre, half = (low + high) / 2, (high - low) / 2
    theirs = student[np.isfinite(student).all(axis=1)]
    if len(theirs):
        low = np.maximum(np.minimum(low, theirs.min(axis=0) - 0.1 * half), centre - 3 * half)
        high = np.minimum(np.maximum(high, theirs.max(axis=0) + 0.1 * half), centre + 3 * half)
    return (low[0], high[0]), (low[1], high[1])


def _plot_curve(ax, x, y, **style):
    y = np.where(np.isfinite(y) & (np.abs(y) < 1e300), y, np.nan)
    ax.plot(x, y, **style)


def _light_log_axes(ax):
    """Log axes with plain-text labels (``1e-04``) and no minor ticks: typesetting the
    labels as math and laying out dozens of minor ticks cost more than the rest."""
    from matplotlib.ticker import FuncFormatter, NullLocator

    for axis, scale in ((ax.xaxis, ax.get_xscale()), (ax.yaxis, ax.get_yscale())):
        if scale == "log":
            axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:.0e}"))
            axis.set_minor_locator(NullLocator())


def _draw_descent(fig, sketch):
    from reference.plotting import contour_with_paths

    mine, theirs = trajectory(sketch.student), trajectory(sketch.reference)
    if mine is None or theirs is None:
        return False
    steps, points, losses = _thin(*mine)
    ref_steps, ref_points, ref_losses = _thin(*theirs)
    xlim, ylim = _view(ref_points, points, sketch.optimum)
    paths, loss_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.1, 1]})
    contour_with_paths(sketch.landscape, (), xlim=xlim, ylim=ylim, levels=sketch.levels, ax=paths,
                       n=120)
    paths.plot(*ref_points.T, ".-", color=REFERENCE, ms=2, lw=1, label="reference")
    shown = np.where(np.isfinite(points), points, np.nan)
    paths.plot(*shown.T, ".-", color=YOURS, ms=2, lw=1, label="yours")
    paths.plot(*ref_points[0], "o", color="black", ms=4, label="start")
    if sketch.optimum is not None:
        paths.plot(*sketch.optimum, "*", color="gold", mec="black", ms=10, label="minimum")
    paths.set_xlim(xlim)
    paths.set_ylim(ylim)
    paths.legend(loc="best", fontsize="x-small")
    paths.set_title("path", fontsize="small", y=1.0)

    _plot_curve(loss_ax, ref_steps, ref_losses, color=REFERENCE, lw=2.5, alpha=0.6, label="reference")
    _plot_curve(loss_ax, steps, losses, color=YOURS, lw=1.5, ls="--", label="yours")
    values = np.concatenate([ref_losses, losses])
    if np.any(np.isfinite(values) & (values > 0)):
        loss_ax.set_yscale("log")
    loss_ax.set_xlabel("step")
    loss_ax.set_ylabel("f(x)")
    loss_ax.legend(loc="best", fontsize="x-small")
    loss_ax.set_title("loss", fontsize="small", y=1.0)
    _light_log_axes(loss_ax)
    return True


def _draw_curves(fig, sketch):
    drawn = []
    for label, student, reference, x in sketch.pairs:
        mine, theirs = numbers_of(student), numbers_of(reference)
        if mine is None or theirs is None or mine.ndim != 1 or mine.shape != theirs.shape:
            continue
        x = np.arange(len(theirs)) if x is None else numbers_of(x)
        if x is not None and x.shape == theirs.shape:
            drawn.append((label, x, mine, theirs))
    if not drawn:
        return False
    ax = fig.subplots()
    for n, (label, x, mine, theirs) in enumerate(drawn):
        prefix = f"{label}: " if label else ""
        _plot_curve(ax, x, theirs, color=f"C{n}", lw=3, alpha=0.35, label=prefix + "reference")
        _plot_curve(ax, x, mine, color=f"C{n}", lw=1.5, ls="--", label=prefix + "yours")
    ys = np.concatenate([np.concatenate([m, t]) for _, _, m, t in drawn])
    if np.all(ys[np.isfinite(ys)] > 0):
        ax.set_yscale("log")
    if sketch.logx:
        ax.set_xscale("log")
    _light_log_axes(ax)
    ax.set_xlabel(sketch.xlabel)
    ax.set_ylabel(sketch.ylabel)
    ax.legend(loc="best", fontsize="x-small", ncols=max(1, len(drawn) // 2 + len(drawn) % 2))
    return True


def draw(sketch):
    """PNG bytes of one sketch, or None when its data can't be drawn."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=SIZE, dpi=DPI)
    # Fixed margins: a layout engine would cost more than the drawing.
    fig.subplots_adjust(left=0.08, right=0.98, bottom=0.15, top=0.84, wspace=0.28)
    drawer = _draw_descent if isinstance(sketch, Descent) else _draw_curves
    with np.errstate(all="ignore"):
        if not drawer(fig, sketch):
            return None
        fig.suptitle(f"{sketch.title}: yours against the reference", fontsize="medium")
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def display_data(png, title):
    """A notebook ``display_data`` output showing ``png``."""
    return {"output_type": "display_data", "metadata": {},
            "data": {"image/png": base64.b64encode(png).decode("ascii"),
                     "text/plain": f"<picture: {title}>"}}


def outputs(sketches):
    """``display_data`` outputs of the sketches that can be drawn.

    A sketch that fails to draw is logged and left out: a picture never costs
    the student a point or the grader a notebook.
    """
    shown = []
    for sketch in sketches:
        try:
            png = draw(sketch)
        except Exception:
            log.warning("could not draw the picture %r", sketch.title, exc_info=True)
            continue
        if png is not None:
            shown.append(display_data(png, sketch.title))
    return shown
