"""The Rosenbrock reference: derivatives checked numerically, milestone facts."""

import numpy as np
import pytest

from reference.rosenbrock import (distance_to_optimum, rosenbrock, rosenbrock_grad,
                                  rosenbrock_hessian, run_milestone, steps_to_tolerance)


def central_gradient(f, x, h=1e-6):
    x = np.asarray(x, dtype=float)
    steps = np.eye(x.size) * h
    return np.array([(np.asarray(f(x + s)) - np.asarray(f(x - s))) / (2 * h) for s in steps]).T


def rel_error(a, b):
    return np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b)))


@pytest.fixture
def points():
    return np.random.default_rng(3).uniform([-2, -1], [2, 3], size=(20, 2))


def test_known_values():
    assert rosenbrock([1.0, 1.0]) == 0.0
    assert rosenbrock([-1.0, 1.0]) == 4.0
    assert rosenbrock([0.0, 1.0]) == 101.0
    assert isinstance(rosenbrock(np.array([0.5, 0.5])), float)


def test_gradient_matches_central_differences(points):
    for xy in points:
        assert rel_error(rosenbrock_grad(xy), central_gradient(rosenbrock, xy)) < 1e-7


def test_hessian_is_the_jacobian_of_the_gradient(points):
    for xy in points:
        hessian = rosenbrock_hessian(xy)
        assert np.allclose(hessian, hessian.T)
        assert rel_error(hessian, central_gradient(rosenbrock_grad, xy)) < 1e-6


def test_stacks_of_grids_are_evaluated_elementwise(points):
    stack = np.stack(np.meshgrid(np.linspace(-2, 2, 7), np.linspace(-1, 3, 5)))
    values = rosenbrock(stack)
    assert values.shape == (5, 7)
    assert values[2, 3] == rosenbrock(stack[:, 2, 3])
    assert np.allclose(rosenbrock_grad(points.T), np.array([rosenbrock_grad(p) for p in points]).T)


def test_inputs_are_not_modified():
    xy = np.array([0.3, -0.2])
    for function in (rosenbrock, rosenbrock_grad, rosenbrock_hessian):
        function(xy)
    assert xy.tolist() == [0.3, -0.2]


def test_curriculum_facts_about_the_milestone():
    x, history = run_milestone()
    assert len(history) == 10001
    assert np.allclose(history[0][0], [-1.0, 1.0])
    assert distance_to_optimum(x) == pytest.approx(0.0168, abs=1e-4)
    assert history[-1][1] == pytest.approx(5.7e-5, rel=0.02)
    eigenvalues = np.linalg.eigvalsh(rosenbrock_hessian([1.0, 1.0]))
    assert eigenvalues == pytest.approx([0.399, 1001.6], abs=1e-3)
    assert 2 / eigenvalues[-1] == pytest.approx(0.001997, abs=1e-6)


def test_steps_above_the_stability_bound_fail_near_the_minimum():
    start = np.array([1.0, 1.0]) + 1e-3
    below, _ = run_milestone(x0=start, lr=0.00199, n_steps=3000)
    above, _ = run_milestone(x0=start, lr=0.00201, n_steps=3000)
    assert distance_to_optimum(below) < 1e-3 < distance_to_optimum(above)


def test_steps_to_tolerance_is_the_first_index_within_tol():
    history = [([3.0, 1.0], 0), ([1.5, 1.0], 0), ([2.0, 1.0], 0), ([1.05, 1.0], 0)]
    assert steps_to_tolerance(history, 1.1) == 1
    assert steps_to_tolerance(history, 0.1) == 3
    assert steps_to_tolerance(history, 0.05) is None
    assert steps_to_tolerance(history, 0.0500001) == 3
