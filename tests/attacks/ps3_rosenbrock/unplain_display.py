# about: steps_to_tolerance is wrong and displays something with an object in its metadata, which can't cross to the grader as it is: the cell's outputs must still come back (as text), the failed visible test's error with them
# zero: test_steps_to_tolerance
# %% steps_to_tolerance
from IPython.display import display


class Note:
    pass


def steps_to_tolerance(history, tol):
    display({"text/plain": "searching..."}, raw=True, metadata={"note": Note()})
    last = None
    for t, (x, _) in enumerate(history):
        if float(np.linalg.norm(np.asarray(x, dtype=float) - 1.0)) < tol:
            last = t
    return last
