"""Reference solutions of the course's graded API (instructor side only).

One module per assignment, named after its topic:

========================  ==========================
assignment                module
========================  ==========================
``ps1_gradients``         :mod:`reference.gradients`
``ps2_descent``           :mod:`reference.descent`
``ps3_rosenbrock``        :mod:`reference.rosenbrock`
``ps4_backprop``          :mod:`reference.backprop`
``ps5_optimizers``        :mod:`reference.optimizers`
========================  ==========================

Figures live in :mod:`reference.plotting`. Nothing here may reach students: the
release notebooks never import it and the grading sandbox cannot see it.
"""
