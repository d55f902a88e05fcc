"""Graded calls of a student's functions, answered as plain data.

A :class:`CallRunner` owns one notebook namespace. It looks a function up by
name, rebinds the names the grader asks for (the reference versions of the other
graded functions, as proxies), calls it with a copy of the arguments, and answers
with the value (plain data), the arguments the call modified, the arguments
whose memory the value shares, what it printed, or the exception it raised.
Values that can't travel as data (a closure, an instance) stay here as *handles*
the grader can call or invoke methods on.

The grader gets a copy of each value, so it cannot see a value change after it
was returned. The runner can: it keeps what each call returned (arrays and lists,
a few dozen arrays of modest size) with a copy, and each answer names the earlier
calls whose values the call changed (an output buffer, or a cache or list filled
in again).
"""

import builtins
import contextlib
import copy
import io
import traceback
import warnings

import numpy as np

try:
    from . import landscapes, wire
except ImportError:  # inside the sandbox the directory is the import root
    import landscapes
    import wire

PRINT_BUDGET = 4000
MAX_ITEMS = 100_000
WATCHED_ARRAYS = 64
WATCHED_SIZE = 1_000_000


class RemoteError(Exception):
    """An exception raised on the other side of a callback."""


def _rebuild_exception(error):
    """A local exception for a remote one: the builtin of that name if any."""
    kind = getattr(builtins, error.get("type", ""), None)
    if not (isinstance(kind, type) and issubclass(kind, Exception)):
        kind = RemoteError
    try:
        return kind(error.get("message", ""))
    except Exception:
        return RemoteError(error.get("message", ""))


def describe_exception(exc, skip_frames=0):
    """An exception as plain data: type, its class names, message, short trace."""
    frames = traceback.extract_tb(exc.__traceback__)[skip_frames:]
    trace = "".join(traceback.format_list(frames[-8:]))
    try:
        message = str(exc)
    except Exception:
        message = "<an exception whose message cannot be shown>"
    return {"type": type(exc).__name__,
            "mro": [cls.__name__ for cls in type(exc).__mro__],
            "message": message[:2000],
            "traceback": trace[-4000:]}


def generator_states(args, kwargs):
    """After a callback: the states of the numpy ``Generator`` objects among its
    arguments, ``{"args": {position: state}, "kwargs": {name: state}}``.

    A generator crosses the boundary as a copy of its state, so a grader function
    that draws from one (the reference ``minibatches`` shuffling with the ``rng`` it
    was given) advances only its copy; :func:`advance_generators` moves the caller's
    own on to the same state, as if the function had drawn from it.
    """
    return {"args": {str(i): a.bit_generator.state for i, a in enumerate(args)
                     if isinstance(a, np.random.Generator)},
            "kwargs": {k: v.bit_generator.state for k, v in kwargs.items()
                       if isinstance(v, np.random.Generator)}}


def advance_generators(args, kwargs, states):
    """Set the ``Generator`` objects among a callback's arguments (as the caller
    passed them) to the ``states`` (:func:`generator_states`) it left them in."""
    states = states if isinstance(states, dict) else {}
    targets = [(args[int(i)] if 0 <= int(i) < len(args) else None, state)
               for i, state in dict(states.get("args") or {}).items()]
    targets += [(kwargs.get(k), state) for k, state in dict(states.get("kwargs") or {}).items()]
    for target, state in targets:
        if isinstance(target, np.random.Generator):
            target.bit_generator.state = state


def _arrays(value, limit, depth=0):
    """The numeric arrays in an exported value, or None when there are more than
    ``limit`` (a long history is not watched)."""
    if isinstance(value, np.ndarray):
        return [value] if value.dtype.kind in "biufc" else []
    if isinstance(value, dict):
        value = list(value.values())
    if not isinstance(value, (list, tuple)) or depth > 50:
        return []
    found = []
    for item in value:
        inner = _arrays(item, limit - len(found), depth + 1)
        if inner is None or len(found) + len(inner) > limit:
            return None
        found.extend(inner)
    return found


def _plain(value, depth=0):
    """Whether ``value`` is made of containers (of modest length), arrays and
    numbers only."""
    if isinstance(value, (list, tuple)) and depth < 20 and len(value) <= 4096:
        return all(_plain(item, depth + 1) for item in value)
    if isinstance(value, dict) and depth < 20 and len(value) <= 4096:
        return all(_plain(item, depth + 1) for item in value.values())
    return value is None or type(value) in (bool, int, float, str, np.ndarray) or isinstance(value, np.generic)


def _snapshot(value):
    """A copy of a returned value's containers and arrays (its numbers are
    immutable), to compare the value with later."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, list):
        return [_snapshot(item) for item in value]
    if isinstance(value, tuple):    # a namedtuple's class wants its fields one by one
        return tuple(_snapshot(item) for item in value)
    if isinstance(value, dict):
        return {key: _snapshot(item) for key, item in value.items()}
    return value


def _overlaps(returned, argument):
    """Whether any of the ``returned`` arrays shares memory with ``argument``."""
    inside = _arrays(argument, WATCHED_ARRAYS) or []
    return any(np.may_share_memory(r, a) for r in returned for a in inside)


def _same(a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        try:
            return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)
                    and a.shape == b.shape and a.dtype == b.dtype
                    and bool(np.array_equal(a, b, equal_nan=a.dtype.kind == "f")))
        except Exception:
            return False
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return isinstance(a, list) == isinstance(b, list) and len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    try:
        return bool(a == b) or (a != a and b != b)
    except Exception:
        return False


class CallRunner:
    """Answers the grader's requests on one namespace; see the module docstring.

    Parameters
    ----------
    namespace : dict
        The notebook's globals.
    callback : callable
        ``callback(proxy_id, args, kwargs)`` calls a grader-side callable and
        returns its value, or raises.
    """

    def __init__(self, namespace, callback):
        self.namespace = namespace
        self.callback = callback
        self.handles = []
        self.proxies = {}
        self.proxy_ids = set()
        self.returned = []
        self.calls = 0

    def _proxy(self, proxy_id):
        # One function per grader callable, as in a notebook: the same f handed to two
        # calls is the same object to the student's code (and to a cache keyed on it).
        if proxy_id in self.proxies:
            return self.proxies[proxy_id]

        def proxy(*args, **kwargs):
            return self.callback(proxy_id, self.export(list(args)), self.export(kwargs))
        proxy.__name__ = proxy.__qualname__ = f"grader_function_{proxy_id}"
        proxy.grader_id = proxy_id
        self.proxies[proxy_id] = proxy
        self.proxy_ids.add(id(proxy))
        return proxy

    def _local(self, local):
        # A test landscape, made again here: the same number is the same function, and
        # it goes back to the grader as the grader's own, as a proxy does.
        if local.id in self.proxies:
            return self.proxies[local.id]
        function = landscapes.function(local.kind, local.method, self.localize(local.state))
        function.grader_id = local.id
        self.proxies[local.id] = function
        self.proxy_ids.add(id(function))
        return function

    def localize(self, value):
        """Decoded data with grader proxies turned into local callables (test
        landscapes into the same functions, made here)."""
        if isinstance(value, wire.Local):
            return self._local(value)
        if isinstance(value, wire.Proxy):
            return self.handles[value.id] if value.home else self._proxy(value.id)
        if isinstance(value, list):
            return [self.localize(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.localize(v) for v in value)
        if isinstance(value, dict):
            return {k: self.localize(v) for k, v in value.items()}
        return value

    def export(self, value, lazy=None, path=()):
        """``value`` with everything that isn't plain data replaced by handles, and
        generators and iterators by lists; the paths (indices and keys) of those go
        into ``lazy``."""
        if len(path) > 50:
            raise wire.WireError("the value is nested too deeply to be graded")
        if lazy is not None and wire.is_lazy(value):
            lazy.append(list(path))
        value = wire.materialize(value, MAX_ITEMS)
        if id(value) in self.proxy_ids:
            return wire.Proxy(value.grader_id, home=True)
        if isinstance(value, (list, tuple)):
            items = [self.export(v, lazy, path + (i,)) for i, v in enumerate(value)]
            return items if isinstance(value, list) else tuple(items)
        if isinstance(value, dict):
            if not all(isinstance(k, str) for k in value):
                raise wire.WireError("a dict with keys that are not strings cannot be graded")
            return {k: self.export(v, lazy, path + (k,)) for k, v in value.items()}
        if value is None or isinstance(value, (bool, int, float, str, np.ndarray,
                                               np.generic, np.random.Generator)):
            return value
        return self._handle(value)

    def _handle(self, value):
        """``value`` kept here, as a handle the grader can call or read attributes of."""
        self.handles.append(value)
        return wire.Proxy(len(self.handles) - 1)

    def run(self, target, args, kwargs, rebind=None):
        """Call ``target`` and answer as plain data (see the module docstring).

        ``target`` is ``{"name": str}`` for a top-level function of the notebook,
        or ``{"handle": int, "method": str or None}`` for a value returned earlier.
        """
        self.calls += 1
        args = self.localize(args)
        kwargs = self.localize(kwargs)
        try:
            function = self._resolve(target)
        except LookupError as exc:
            return {"status": "missing", "message": str(exc)}
        saved = {}
        for name, proxy in (rebind or {}).items():
            saved[name] = self.namespace.get(name, _MISSING)
            self.namespace[name] = self.localize(proxy)
        before = copy.deepcopy((args, kwargs))
        printed = io.StringIO()
        warned = []
        try:
            with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed), \
                    warnings.catch_warnings(), np.errstate(**NUMPY_WARNINGS):
                warnings.simplefilter("default")
                warnings.showwarning = _collector(warned)
                raw = function(*args, **kwargs)
            lazy = []
            # An instance of a class the grader called is an object, even a dict or a list.
            made = isinstance(function, type) and isinstance(raw, function)
            value = self._handle(raw) if made else self.export(raw, lazy)
        except wire.WireError as exc:
            return {"status": "unplain", "message": str(exc)}
        except BaseException as exc:  # noqa: B036 -- SystemExit is the student's too
            return {"status": "error", "error": describe_exception(exc, skip_frames=1),
                    "printed": printed.getvalue()[-PRINT_BUDGET:]}
        finally:
            for name, old in saved.items():
                if old is _MISSING:
                    self.namespace.pop(name, None)
                else:
                    self.namespace[name] = old
        mutated = [f"argument {i + 1}" for i, (a, b) in enumerate(zip(before[0], args)) if not _same(a, b)]
        mutated += [f"argument {k}" for k in kwargs if not _same(before[1][k], kwargs[k])]
        returned = _arrays(value, WATCHED_ARRAYS)
        aliased = [] if returned is None else (
            [f"argument {i + 1}" for i, a in enumerate(args) if _overlaps(returned, a)]
            + [f"argument {k}" for k, a in kwargs.items() if _overlaps(returned, a)])
        overwritten = self._overwritten()
        # An attribute is the object's live state, not a value handed over.
        watch = returned is not None and "attribute" not in target and not made and \
            sum(a.size for a in returned) <= WATCHED_SIZE
        if watch and isinstance(raw, (list, tuple, dict, np.ndarray)) and _plain(raw):
            self.returned.append((self.calls, raw, _snapshot(raw)))
        return {"status": "ok", "value": value, "mutated": mutated, "aliased": aliased,
                "overwritten": overwritten, "printed": printed.getvalue()[-PRINT_BUDGET:],
                "lazy": lazy, "warned": warned}

    def _overwritten(self):
        """The calls (counting from 1) whose returned values have changed since."""
        changed = []
        for k, (number, value, copied) in enumerate(self.returned):
            if not _same(value, copied):
                changed.append(number)
                self.returned[k] = (number, value, _snapshot(value))
        return changed

    def _resolve(self, target):
        if "name" in target:
            name = target["name"]
            if name not in self.namespace:
                raise LookupError(f"{name} is not defined: run the cell that defines it, "
                                  "and keep its name")
            function = self.namespace[name]
            if not callable(function):
                raise LookupError(f"{name} is a {type(function).__name__}, not a function")
            return function
        handle = self.handles[int(target["handle"])]
        if "attribute" in target:
            if str(target["attribute"]).startswith("_"):
                raise LookupError(f"{target['attribute']} is private")
            return lambda: getattr(handle, target["attribute"])
        method = target.get("method")
        if method is None:
            return handle
        if method.startswith("_"):
            raise LookupError(f"{method} is private")
        return getattr(handle, method)


_MISSING = object()
WARNINGS_KEPT = 5
#: numpy's own defaults: overflow, division by zero and invalid values warn, underflow does not.
NUMPY_WARNINGS = {"over": "warn", "divide": "warn", "invalid": "warn", "under": "ignore"}


def _collector(warned):
    """A ``warnings.showwarning`` that keeps the first few warnings in ``warned``
    as text ("RuntimeWarning: overflow encountered in exp") and shows nothing."""
    def collect(message, category, *_, **__):
        if len(warned) < WARNINGS_KEPT:
            warned.append(f"{category.__name__}: {message}"[:200])
    return collect
