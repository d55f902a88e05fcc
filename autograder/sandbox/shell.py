"""An IPython shell that records a cell's outputs as a Jupyter kernel would.

Streams, rich displays, the cell's result and its error become nbformat output
dicts, in the order they happened, so a notebook run here reads like one run in
a kernel. Output beyond a budget is cut with a note, so a flood can't exhaust
the grader.

>>> shell = CapturingShell.instance()
>>> outputs, ok = shell.run("print('hi'); 6 * 7")
>>> ok, [o["output_type"] for o in outputs], outputs[1]["data"]["text/plain"]
(True, ['stream', 'execute_result'], '42')
"""

import base64
import contextlib
import inspect
import sys
import types

from IPython.core.displayhook import DisplayHook
from IPython.core.displaypub import DisplayPublisher
from IPython.core.display_trap import DisplayTrap
from IPython.core.interactiveshell import InteractiveShell

OUTPUT_BUDGET = 2**20


class Recorder:
    """The output list of the cell being run, with a size budget."""

    def __init__(self, budget=OUTPUT_BUDGET):
        self.outputs = []
        self.budget = budget
        self.truncated = False

    def _spend(self, size):
        if self.truncated:
            return False
        self.budget -= size
        if self.budget < 0:
            self.truncated = True
            self.stream("stdout", "\n[output truncated: the cell printed too much]\n", force=True)
            return False
        return True

    def stream(self, name, text, force=False):
        if not (force or self._spend(len(text))):
            return
        last = self.outputs[-1] if self.outputs else None
        if last and last["output_type"] == "stream" and last["name"] == name:
            last["text"] += text
        else:
            self.outputs.append({"output_type": "stream", "name": name, "text": text})

    def rich(self, output_type, data, metadata, **extra):
        # A display is the student's: whatever it holds comes back as data (text for
        # what isn't), so an object in it can't cost the cell its outputs.
        data = {_safe_str(mime): _text(value) for mime, value in dict(data or {}).items()}
        metadata = _plain(metadata) if isinstance(metadata, dict) else {}
        if self._spend(sum(len(value) if isinstance(value, str) else len(repr(value))
                           for value in data.values())):
            self.outputs.append({"output_type": output_type, "data": data,
                                 "metadata": metadata, **extra})

    def error(self, ename, evalue, traceback):
        traceback = [_safe_str(line) for line in traceback]
        self._spend(sum(len(line) for line in traceback))
        self.outputs.append({"output_type": "error", "ename": _safe_str(ename),
                             "evalue": _safe_str(evalue), "traceback": traceback})

    def clear(self):
        self.outputs.clear()


def _text(value):
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, str):
        return value
    return _plain(value)


def _plain(value):
    """``value`` as JSON data; what JSON can't hold becomes its text."""
    import json
    try:
        return json.loads(json.dumps(value, default=_safe_str, skipkeys=True, allow_nan=False))
    except Exception:  # noqa: BLE001 -- circular, non-finite, a __str__ that raises...
        return _safe_str(value)


def _safe_str(value):
    """``str(value)``, or a stand-in when the student's ``__str__`` fails or lies."""
    try:
        text = str(value)
        if type(text) is str:
            return text
    except Exception:  # noqa: BLE001
        pass
    try:
        return f"<{type(value).__name__} object>"
    except Exception:  # noqa: BLE001
        return "<an object>"


class RecordingStream:
    """A text stream (``sys.stdout`` or ``sys.stderr``) into the recorder."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self, shell, name):
        self.shell = shell
        self.name = name

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self.shell.recorder.stream(self.name, text)
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def fileno(self):
        raise OSError("this stream has no file descriptor")

    def writable(self):
        return True


class RecordingDisplayPublisher(DisplayPublisher):
    def publish(self, data, metadata=None, source=None, *, transient=None, update=False, **kwargs):
        self.shell.recorder.rich("display_data", data, metadata)

    def clear_output(self, wait=False):
        self.shell.recorder.clear()


class RecordingDisplayHook(DisplayHook):
    def write_output_prompt(self):
        pass

    def write_format_data(self, format_dict, md_dict=None):
        self.shell.recorder.rich("execute_result", format_dict, md_dict,
                                 execution_count=self.prompt_count)

    def finish_displayhook(self):
        pass


def _code_file(value):
    """The file of a traceback's, a frame's or a code object's code; None for anything else."""
    if isinstance(value, types.TracebackType):
        value = value.tb_frame
    if isinstance(value, types.FrameType):
        value = value.f_code
    return value.co_filename if isinstance(value, types.CodeType) else None


@contextlib.contextmanager
def _modules_found_once():
    """``inspect.getmodule`` answering once per file while a traceback is formatted.

    IPython asks it several times for each frame, and for a cell's code (no module
    has its file) each answer walks all of ``sys.modules``, thousands of modules
    once scikit-learn is loaded: 20 to 50 ms for a failing cell. The answer for a
    frame depends only on its file, and nothing is imported meanwhile.
    """
    original, answers = inspect.getmodule, {}

    def getmodule(value, _filename=None):
        file = _code_file(value)
        if file is None:
            return original(value, _filename)
        if (file, _filename) not in answers:
            answers[file, _filename] = original(value, _filename)
        return answers[file, _filename]

    inspect.getmodule = getmodule
    try:
        yield
    finally:
        inspect.getmodule = original


class CapturingShell(InteractiveShell):
    """The shell a notebook's cells run in; see :meth:`run`."""

    def init_display_pub(self):
        self.display_pub = RecordingDisplayPublisher(shell=self, parent=self)
        self.configurables.append(self.display_pub)

    def init_displayhook(self):
        self.displayhook = RecordingDisplayHook(shell=self, cache_size=self.cache_size, parent=self)
        self.configurables.append(self.displayhook)
        self.display_trap = DisplayTrap(hook=self.displayhook)

    def enable_gui(self, gui=None):
        """Inline figures need no event loop."""

    def showtraceback(self, *args, **kwargs):
        with _modules_found_once():
            super().showtraceback(*args, **kwargs)

    def _format_exception_for_storage(self, *args, **kwargs):
        # IPython formats a failing cell's traceback again for its history.
        with _modules_found_once():
            return super()._format_exception_for_storage(*args, **kwargs)

    def _showtraceback(self, etype, evalue, stb):
        self.recorder.error(getattr(etype, "__name__", "Exception"), evalue, stb)

    def init_io(self):
        super().init_io()
        self.recorder = Recorder()

    def run(self, source):
        """Run one cell; returns ``(outputs, succeeded)`` like a kernel's reply."""
        self.recorder = Recorder()
        saved = sys.stdout, sys.stderr, sys.displayhook
        sys.stdout = RecordingStream(self, "stdout")
        sys.stderr = RecordingStream(self, "stderr")
        sys.displayhook = self.displayhook
        try:
            result = self.run_cell(source, store_history=True)
        finally:
            sys.stdout, sys.stderr, sys.displayhook = saved
        return self.recorder.outputs, result.success
