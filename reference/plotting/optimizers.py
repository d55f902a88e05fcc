"""Figures of ``ps5_optimizers``: paths, schedules, loss curves, the range test."""

import matplotlib.pyplot as plt
import numpy as np

from ..optimizers import cosine_annealing, exponential_decay, step_decay
from ..rosenbrock import OPTIMUM, rosenbrock
from .contours import contour_with_paths


def optimizer_paths(results, f=rosenbrock, xlim=(-1.5, 1.5), ylim=(-0.5, 1.5),
                    optimum=OPTIMUM, axes=None, n=200):
    """One contour panel per optimizer, side by side, with its path.

    Parameters
    ----------
    results : dict
        ``{name: path}`` or ``{name: (path, steps)}`` as returned by
        :func:`reference.optimizers.compare_on_rosenbrock`; ``steps`` (when
        given) goes into the panel's title.
    axes : sequence of Axes, optional
        One per entry of ``results``; a new row of panels by default.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from reference.optimizers import compare_on_rosenbrock
    >>> fig = optimizer_paths(compare_on_rosenbrock(n_steps=2000), n=50)
    >>> [ax.get_title() for ax in fig.axes]
    ['sgd: not reached', 'momentum: 1628 steps', 'rmsprop: not reached', 'adam: 783 steps']
    >>> plt.close(fig)
    """
    if axes is None:
        _, axes = plt.subplots(1, len(results), figsize=(4 * len(results), 3.6),
                               sharey=True, squeeze=False, layout="constrained")
        axes = axes[0]
    for ax, (name, result) in zip(axes, results.items()):
        title = name
        if isinstance(result, tuple):
            result, steps = result
            title += ": not reached" if steps is None else f": {steps} steps"
        contour_with_paths(f, [result], xlim=xlim, ylim=ylim, optimum=optimum, ax=ax, n=n)
        ax.set_title(title)
    return axes[0].figure


def schedule_curves(schedules=None, n_steps=100, ax=None):
    """Learning rate against step for each schedule.

    Parameters
    ----------
    schedules : dict, optional
        ``{name: values}`` where ``values`` is a sequence of rates or a
        function of an array of steps. By default step decay, exponential
        decay and cosine annealing, all from 0.1 over ``n_steps``.

    Examples
    --------
    >>> ax = schedule_curves()
    >>> [line.get_label() for line in ax.get_lines()]
    ['step decay', 'exponential decay', 'cosine annealing']
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))
    steps = np.arange(n_steps + 1)
    if schedules is None:
        schedules = {
            "step decay": lambda s: step_decay(s, 0.1, 0.5, n_steps / 4),
            "exponential decay": lambda s: exponential_decay(s, 0.1, n_steps, 0.05),
            "cosine annealing": lambda s: cosine_annealing(s, 0.1, n_steps),
        }
    for name, values in schedules.items():
        lrs = np.asarray(values(steps) if callable(values) else values, dtype=float)
        ax.plot(np.arange(len(lrs)), lrs, label=name)
    ax.set_xlabel("step")
    ax.set_ylabel("learning rate")
    ax.legend(loc="best", fontsize="small")
    return ax


def optimizer_loss_curves(losses, ax=None, log=True, window=1, epochs=None):
    """Loss curves, one per optimizer (or per batch size).

    Parameters
    ----------
    losses : dict
        ``{name: losses}``, e.g. the third element of each
        :func:`reference.optimizers.train_softmax` result.
    window : int, optional
        Plot moving averages over ``window`` steps (or over the whole curve
        when it is shorter), which tames mini-batch noise.
    epochs : int, optional
        When given, the x-axis is in epochs (each curve spread over
        ``epochs``), so runs with different batch sizes line up.

    Examples
    --------
    >>> ax = optimizer_loss_curves({"a": [4.0, 2.0, 1.0, 0.5], "b": [4.0, 3.0, 2.0, 1.0]},
    ...                            window=2, epochs=2)
    >>> ax.get_lines()[0].get_data()[0].tolist(), ax.get_lines()[0].get_data()[1].tolist()
    ([1.0, 1.5, 2.0], [3.0, 1.5, 0.75])
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))
    for name, curve in losses.items():
        curve = np.asarray(curve, dtype=float)
        w = min(window, len(curve))
        smooth = np.convolve(curve, np.ones(w) / w, mode="valid")
        x = np.arange(w, len(curve) + 1)
        if epochs is not None:
            x = x * epochs / len(curve)
        ax.plot(x, smooth, label=name)
    if log:
        ax.set_yscale("log")
    ax.set_xlabel("epoch" if epochs is not None else "step")
    ax.set_ylabel("loss" if window == 1 else f"loss (mean of {window} steps)")
    ax.legend(loc="best", fontsize="small")
    return ax


def lr_range_curve(lrs, losses, suggested=None, ax=None):
    """The range test's loss against learning rate, both on log scales.

    Non-finite losses are left out; ``suggested`` (a rate) is marked with a
    dashed vertical line.

    Examples
    --------
    >>> ax = lr_range_curve([1e-3, 1e-2, 1e-1, 1.0], [1.0, 0.5, 0.2, np.inf], suggested=0.1)
    >>> ax.get_xscale(), len(ax.get_lines()[0].get_xdata())
    ('log', 3)
    >>> plt.close(ax.figure)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))
    lrs, losses = np.asarray(lrs, dtype=float), np.asarray(losses, dtype=float)
    finite = np.isfinite(losses)
    ax.plot(lrs[finite], losses[finite], ".-", label="loss after the step")
    if suggested is not None:
        ax.axvline(suggested, color="red", ls="--", label=f"suggested lr = {suggested:.3g}")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("learning rate")
    ax.set_ylabel("loss")
    ax.legend(loc="best", fontsize="small")
    return ax
