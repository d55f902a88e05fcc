"""Charts of the instructor's report, one function per chart.

Each returns a matplotlib ``Figure`` drawn on its own canvas (no pyplot state),
small enough to sit in a web page.
"""

import textwrap

import numpy as np
from matplotlib.figure import Figure

DPI = 80


def _figure(rows=1, width=8.0, height=3.2):
    fig = Figure(figsize=(width, max(height, 0.32 * rows + 1.0)), dpi=DPI, layout="constrained")
    return fig, fig.subplots()


def score_distribution(totals, maximum):
    """Histogram of the students' autograded totals out of ``maximum``.

    Examples
    --------
    >>> fig = score_distribution([3.0, 10.0, 10.0], 10.0)
    >>> int(sum(p.get_height() for p in fig.axes[0].patches))
    3
    """
    fig, ax = _figure()
    edges = np.linspace(0.0, maximum, min(int(maximum), 20) + 1) if maximum > 0 else [0.0, 1.0]
    ax.hist(np.asarray(totals, dtype=float), bins=edges, color="C0", edgecolor="white")
    ax.set_xlim(0, maximum or 1)
    ax.set_xlabel(f"autograded score (out of {maximum:g})")
    ax.set_ylabel("students")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title("score distribution")
    return fig


def pass_rates(labels, rates, title):
    """Horizontal bars: the fraction of students who passed each of ``labels``."""
    fig, ax = _figure(len(labels), height=2.0)
    positions = np.arange(len(labels))[::-1]
    rates = np.asarray(rates, dtype=float)
    ax.barh(positions, rates, color=np.where(rates < 0.5, "C3", "C2"))
    ax.set_yticks(positions, [textwrap.shorten(label, 70) for label in labels], fontsize="small")
    ax.set_xlim(0, 1)
    ax.set_xlabel("fraction of students")
    ax.set_title(title)
    for y, rate in zip(positions, rates):
        ax.text(min(rate, 0.9) + 0.01, y, f"{rate:.0%}", va="center", fontsize="x-small")
    return fig


def failure_counts(messages, counts):
    """Horizontal bars: how many students hit each failure message."""
    fig, ax = _figure(len(messages), height=2.0)
    positions = np.arange(len(messages))[::-1]
    ax.barh(positions, counts, color="C3")
    ax.set_yticks(positions, [textwrap.shorten(m, 80) for m in messages], fontsize="x-small")
    ax.set_xlabel("students")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title("most common failures")
    return fig


def slowest(students, seconds):
    """Horizontal bars: the submissions that took longest to grade."""
    fig, ax = _figure(len(students), height=2.0)
    positions = np.arange(len(students))[::-1]
    ax.barh(positions, seconds, color="C1")
    ax.set_yticks(positions, students, fontsize="small")
    ax.set_xlabel("seconds to grade")
    ax.set_title("slowest submissions")
    return fig
