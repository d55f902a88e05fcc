"""Figures of the course, one module per kind of picture.

Every function draws on a matplotlib ``Axes`` (a new figure when ``ax`` is
None) and returns that ``Axes``, so notebooks, feedback and reports compose them.
"""

from .contours import contour_with_paths, grid, loss_curves

__all__ = ["contour_with_paths", "grid", "loss_curves"]
