"""The student's functions, as a hidden suite sees them.

A suite test receives a :class:`Student` and calls the student's functions
through it. Whatever runs underneath (a sandbox for untrusted code, or the
notebook's own namespace in a trusted kernel), the suite gets the same thing
back: plain data, or a :class:`~autograder.failures.StudentFailure` with a
message for the student.

While a function is graded, the other graded functions of its assignment are
the reference's (:meth:`Student.call`), so one bug costs one function's points;
:meth:`Student.pipeline` grades the student's own functions together.
"""

import dataclasses
import types

from .failures import MissingFunction, NotPlainData, ResultChanged, StudentError
from .sandbox import wire
from .sandbox.calls import CallRunner, advance_generators, generator_states


@dataclasses.dataclass
class Result:
    """A graded call's value, the arguments it modified, what it printed, the
    arguments whose memory the value shares (it is one of them, or a view), where
    in the value a generator or iterator was turned into a list (paths of indices
    and keys; ``[]`` is the value itself), and the first few warnings the call
    raised, as text (numpy's overflow, division and invalid-value warnings are on,
    as numpy's defaults have them)."""

    value: object
    mutated: list
    printed: str = ""
    aliased: list = dataclasses.field(default_factory=list)
    lazy: list = dataclasses.field(default_factory=list)
    warned: list = dataclasses.field(default_factory=list)


class Handle:
    """A value the student's code returned that is not data (a closure, an
    object): it stays on the student's side and can be called from here."""

    def __init__(self, student, endpoint, handle_id, name):
        self._student = student
        self._endpoint = endpoint
        self._id = handle_id
        self._name = name

    def __call__(self, *args, **kwargs):
        return self._student._invoke(self._endpoint, {"handle": self._id, "method": None},
                                     args, kwargs, self._name).value

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)

        def method(*args, **kwargs):
            return self._student._invoke(self._endpoint, {"handle": self._id, "method": name},
                                         args, kwargs, f"{self._name}.{name}").value
        return method

    def attribute(self, name):
        """The value of one of the object's attributes, as data."""
        return self._student._invoke(self._endpoint, {"handle": self._id, "attribute": name},
                                     (), {}, f"{self._name}.{name}").value

    def __repr__(self):
        return f"<{self._name}>"


class Student:
    """Calls into a student's notebook; see the module docstring.

    Parameters
    ----------
    graded : sequence of str
        The names of the assignment's graded functions.
    reference : module
        Where the reference versions of those functions live.
    pipelines : sequence of str
        Functions graded as the student's whole pipeline, never handed over.
    uses : dict
        ``{name: graded functions a student may build name on}``, handed over as
        the reference's besides those the reference ``name`` itself uses.
    """

    def __init__(self, graded=(), reference=None, pipelines=(), uses=None):
        self.graded = tuple(graded)
        self.reference = reference
        self.pipelines = tuple(pipelines)
        self.uses = dict(uses or {})

    @classmethod
    def for_suite(cls, suite, *where):
        """The student as ``suite`` (a hidden suite module) sees it; ``where`` is what
        the subclass takes first (a sandbox, a namespace)."""
        return cls(*where, suite.GRADED, suite.REFERENCE, suite.PIPELINES, suite.USES)

    def call(self, name, *args, **kwargs):
        """Call ``name`` with the reference's versions of the graded functions it
        depends on (those the reference ``name`` uses).

        Only those are handed over: any other would be an oracle for its own test
        (the reference ``steps_to_tolerance`` measures distances to the optimum). Nor
        are functions graded as the student's own pipeline (no inputs, a fixed
        answer, such as ``run_milestone``).
        """
        return self._invoke(self._fresh(name), {"name": name}, args, kwargs, name,
                            self._rebind(name))

    def call_with(self, name, replaced, *args, **kwargs):
        """:meth:`call`, with some of the graded functions handed over replaced: ``replaced``
        maps their names to stand-ins of the same behaviour (a recorder of the calls made
        to the reference's, say). Only functions :meth:`call` hands over can be replaced."""
        rebind = self._rebind(name)
        unknown = set(replaced) - set(rebind)
        if unknown:
            raise ValueError(f"{name} is not handed {sorted(unknown)}")
        return self._invoke(self._fresh(name), {"name": name}, args, kwargs, name, {**rebind, **replaced})

    def call_each(self, name, inputs, errors=False):
        """:meth:`call` of ``name`` at each ``(args, kwargs)`` of ``inputs`` in turn, all
        in one fresh copy of the notebook's state; the results, one at a time.

        For a function whose value should depend on its arguments alone (a learning
        rate schedule): one process serves many inputs, and a value that depends on
        the calls before it (a cache keyed on part of the arguments) shows. Each call
        has its own timeout; the next one is made only when its result is asked for,
        and only after the notebook's state is checked as before a fork.

        A call whose code raises ends the calls with its :class:`StudentError`; with
        ``errors``, that error comes in place of its result and the calls go on (for
        inputs the function should refuse).
        """
        return self._each(name, inputs, self._rebind(name), errors)

    def pipeline_each(self, name, inputs):
        """:meth:`pipeline` of ``name`` at each ``(args, kwargs)`` of ``inputs`` in turn, all
        in one fresh copy of the notebook's state, as :meth:`call_each` does."""
        return self._each(name, inputs, {})

    def _each(self, name, inputs, rebind, errors=False):
        endpoint = None
        for args, kwargs in inputs:
            if endpoint is None:
                endpoint = self._fresh(name)
            else:
                self._untouched(name)
            try:
                result = self._invoke(endpoint, {"name": name}, args, kwargs, name, rebind)
            except StudentError as error:
                if not errors:
                    raise
                result = error
            yield result

    def _rebind(self, name):
        return {other: getattr(self.reference, other) for other in self.dependencies(name)
                if other not in self.pipelines}

    def dependencies(self, name):
        """The other graded functions the reference ``name`` uses, directly or through
        the reference module's helpers, in the order of ``graded``."""
        if self.reference is None or not hasattr(self.reference, name):
            return []
        used, seen, todo = set(self.uses.get(name, ())), set(), [getattr(self.reference, name)]
        while todo:
            value = todo.pop()
            if id(value) in seen:
                continue
            seen.add(id(value))
            for word in _names_used(value):
                helper = getattr(self.reference, word, None)
                if word in self.graded:
                    used.add(word)
                elif callable(helper) and getattr(helper, "__module__", None) == self.reference.__name__:
                    todo.append(helper)
        return [other for other in self.graded if other in used and other != name
                and hasattr(self.reference, other)]

    def pipeline(self, name, *args, **kwargs):
        """Call ``name`` with the student's own versions of everything."""
        return self._invoke(self._fresh(name), {"name": name}, args, kwargs, name, {})

    def fn(self, name):
        """``name`` as a plain function returning its value (see :meth:`call`)."""
        def function(*args, **kwargs):
            return self.call(name, *args, **kwargs).value
        function.__name__ = name
        return function

    def reset(self):
        """Forget every call's state (between two tests)."""

    def _fresh(self, name):
        """Where a top-level call of ``name`` runs: a fresh copy of the student's state."""
        raise NotImplementedError

    def _untouched(self, name):
        """Before a further call in one copy: fail if earlier calls reached outside it."""

    def _interpret(self, reply, name, endpoint, callables):
        status = reply.get("status")
        if status == "ok":
            if reply.get("overwritten"):
                raise ResultChanged(name, [int(n) for n in reply["overwritten"]])
            value = self._adopt(reply.get("value"), endpoint, f"the value {name} returned", callables)
            return Result(value, list(reply.get("mutated", [])), str(reply.get("printed", "")),
                          list(reply.get("aliased", [])), _paths(reply.get("lazy")),
                          _texts(reply.get("warned")))
        if status == "error":
            raise StudentError(name, reply.get("error", {}))
        if status == "missing":
            raise MissingFunction(name, str(reply.get("message", "not defined")))
        raise NotPlainData(name, str(reply.get("message", "not plain data")))

    def _adopt(self, value, endpoint, name, callables):
        """Student-side values made callable here; the grader's own come home."""
        if isinstance(value, wire.Proxy):
            if value.home:
                if not 0 <= value.id < len(callables):
                    raise NotPlainData(name, "a function of the grader's that it never sent")
                return callables[value.id]
            return Handle(self, endpoint, value.id, name)
        if isinstance(value, wire.Local):    # only the grader sends these
            raise NotPlainData(name, "a function of the grader's that it never sent")
        if isinstance(value, list):
            return [self._adopt(v, endpoint, name, callables) for v in value]
        if isinstance(value, tuple):
            return tuple(self._adopt(v, endpoint, name, callables) for v in value)
        if isinstance(value, dict):
            return {k: self._adopt(v, endpoint, name, callables) for k, v in value.items()}
        return value


def _paths(value):
    """The paths of a reply's ``lazy`` (none if it is not a list of lists)."""
    if not isinstance(value, list) or not all(isinstance(p, list) for p in value):
        return []
    return [list(p) for p in value]


def _texts(value):
    """A reply's ``warned`` (none if it is not a list)."""
    return [str(w)[:200] for w in value[:5]] if isinstance(value, list) else []


def _names_used(value):
    """The global names a function's (or a class's methods') code refers to."""
    functions = ([v for v in vars(value).values() if isinstance(v, types.FunctionType)]
                 if isinstance(value, type) else [value])
    codes = [f.__code__ for f in functions if hasattr(f, "__code__")]
    names = set()
    while codes:
        code = codes.pop()
        names.update(code.co_names)
        codes.extend(c for c in code.co_consts if isinstance(c, types.CodeType))
    return names


def _message(target, args, kwargs, rebind):
    return {"op": "call", "target": target, "args": list(args), "kwargs": dict(kwargs),
            "rebind": dict(rebind or {})}


class SandboxStudent(Student):
    """A student's notebook running in a :class:`~autograder.sandbox.client.Sandbox`.

    Every top-level call runs in a fresh copy of the notebook's state; handles
    it returns live in that copy until :meth:`reset`.
    """

    def __init__(self, sandbox, graded=(), reference=None, pipelines=(), uses=None):
        super().__init__(graded, reference, pipelines, uses)
        self.sandbox = sandbox

    def _fresh(self, name):
        endpoint = self.sandbox.new_call_process(name)
        endpoint.callables = []
        return endpoint

    def _untouched(self, name):
        self.sandbox.untouched(name)

    def _invoke(self, endpoint, target, args, kwargs, name, rebind=None):
        # One numbering of grader callables per process: a closure returned by one
        # call may call back a function it was given in an earlier one.
        callables = endpoint.callables
        message = _message(target, args, kwargs, rebind)
        adopt = lambda value: self._adopt(value, endpoint, "a function you passed", callables)  # noqa: E731
        reply = self.sandbox.invoke(endpoint, message, name, callables, adopt=adopt)
        return self._interpret(reply, name, endpoint, callables)

    def reset(self):
        self.sandbox.settle()


class NamespaceStudent(Student):
    """A notebook's namespace in this process (trusted code only).

    Values still cross as plain data, so grading here gives what the sandbox
    gives; but nothing is isolated and state is not reset between calls.
    """

    def __init__(self, namespace, graded=(), reference=None, pipelines=(), uses=None):
        super().__init__(graded, reference, pipelines, uses)
        self.namespace = namespace

    def _fresh(self, name):
        runner = CallRunner(self.namespace, None)
        runner.callables = []
        return runner

    def _invoke(self, runner, target, args, kwargs, name, rebind=None):
        def callback(proxy_id, cb_args, cb_kwargs):
            passed = "a function you passed"
            args = [self._adopt(a, runner, passed, runner.callables) for a in _plain(cb_args)]
            kwargs = {k: self._adopt(v, runner, passed, runner.callables)
                      for k, v in _plain(cb_kwargs).items()}
            value = runner.callables[proxy_id](*args, **kwargs)
            lazy, value = wire.is_lazy(value), wire.materialize(value)
            advance_generators(cb_args, cb_kwargs, generator_states(args, kwargs))
            value = runner.localize(_plain(value, runner.callables))
            return iter(value) if lazy and isinstance(value, list) else value

        runner.callback = callback
        message = _plain(_message(target, args, kwargs, rebind), runner.callables)
        reply = runner.run(message["target"], message["args"], message["kwargs"], message["rebind"])
        try:
            reply = _plain(reply)
        except wire.WireError as exc:
            reply = {"status": "unplain", "message": str(exc)}
        return self._interpret(reply, name, runner, runner.callables)


def _plain(value, callables=None):
    """``value`` after a trip across the boundary (plain data only)."""
    return wire.loads(wire.dumps(value, callables))
