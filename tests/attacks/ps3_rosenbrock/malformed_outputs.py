# about: a pre_run_cell hook makes every later cell answer the grader with malformed outputs (a number, a stream without text, an error without traceback) pushed into the shell's recorder after the cell ran; nbgrader's own steps after SecureExecute (and SecureExecute's _quiet for test cells) trip over them, so the submission is never graded (no scores at all instead of the zeros its wrong steps_to_tolerance earns)
# zero: test_steps_to_tolerance
# %% steps_to_tolerance
def steps_to_tolerance(history, tol):
    for t, (x, _) in enumerate(history):
        if distance_to_optimum(x) < tol:
            return t + 1
    return None


def _garble(result=None):
    shell = get_ipython()
    shell.recorder.outputs.append(7)
    shell.recorder.outputs.append({"output_type": "stream", "name": "stdout"})


get_ipython().events.register("post_run_cell", _garble)
