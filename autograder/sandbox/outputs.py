"""A cell's outputs, as the sandbox reports them, made into valid notebook outputs.

The outputs a cell leaves are data the student's code can reach (its shell keeps
them in a list), so they arrive as plain data but not necessarily as outputs: a
number, a stream without text, an error whose traceback is not a list of strings.
:func:`clean` keeps the fields a Jupyter output of each kind has, when they have
the right types, and replaces anything else with a note, so that nothing
downstream (nbgrader's preprocessors, the feedback page) meets a malformed one.

>>> clean([{"output_type": "stream", "name": "stdout", "text": "hi"}, 7])
[{'output_type': 'stream', 'name': 'stdout', 'text': 'hi'}, {'output_type': 'stream', 'name': 'stdout', 'text': '[an output that is not a notebook output was left out]\\n'}]
"""

NOTE = {"output_type": "stream", "name": "stdout",
        "text": "[an output that is not a notebook output was left out]\n"}


def _text(value):
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def _bundle(data):
    return isinstance(data, dict) and all(
        isinstance(mime, str) and (_text(value) or (mime.endswith("json") and isinstance(value, (dict, list))))
        for mime, value in data.items())


def _count(value):
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)


def one(output):
    """``output`` as a valid notebook output (only its known fields), or None."""
    if not isinstance(output, dict):
        return None
    kind = output.get("output_type")
    if kind == "stream" and output.get("name") in ("stdout", "stderr") and _text(output.get("text")):
        return {"output_type": kind, "name": output["name"], "text": output["text"]}
    if kind in ("display_data", "execute_result") and _bundle(output.get("data")) \
            and isinstance(output.get("metadata", {}), dict):
        clean = {"output_type": kind, "data": output["data"], "metadata": output.get("metadata", {})}
        if kind == "execute_result":
            if not _count(output.get("execution_count")):
                return None
            clean["execution_count"] = output.get("execution_count")
        return clean
    if kind == "error" and isinstance(output.get("ename"), str) and isinstance(output.get("evalue"), str) \
            and isinstance(output.get("traceback"), list) and all(isinstance(t, str) for t in output["traceback"]):
        return {"output_type": kind, "ename": output["ename"], "evalue": output["evalue"],
                "traceback": output["traceback"]}
    return None


def clean(outputs):
    """The valid outputs of ``outputs``, each malformed one replaced by :data:`NOTE`."""
    if not isinstance(outputs, list):
        return [dict(NOTE)]
    return [one(output) or dict(NOTE) for output in outputs]


def count(value):
    """An execution count as reported, or None when it is not one."""
    return value if _count(value) else None
