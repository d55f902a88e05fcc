"""What can go wrong with a student's function, as the suites see it.

Each failure carries a message written for the student: it names the function
and says what happened, never the grader's code.
"""


class StudentFailure(Exception):
    """A graded call did not produce a value that can be checked."""

    def called_as(self, call):
        """This failure again, its message ending with the call that failed (``call``, as
        the student would write it), when the test's own message can't say which one it
        was. A copy: a failure made once for several tests names the call once for each."""
        again = type(self).__new__(type(self))
        again.__dict__.update(self.__dict__)
        again.args = (f"{self}; the call was {call}",)
        return again


class StudentError(StudentFailure):
    """The student's code raised an exception.

    ``kinds`` holds the names of the exception's classes, most specific first,
    so a suite can ask ``error.is_a("ValueError")``.
    """

    def __init__(self, function, error):
        self.function = function
        self.type = error.get("type", "Exception")
        self.kinds = list(error.get("mro", [self.type]))
        self.detail = error.get("message", "")
        self.trace = error.get("traceback", "")
        super().__init__(f"{function} raised {self.type}: {self.detail}".rstrip(": "))

    def is_a(self, name):
        return name in self.kinds


class StudentTimeout(StudentFailure):
    def __init__(self, function, seconds):
        super().__init__(f"{function} did not return within {seconds:g} s "
                         "(an endless loop, or far too many steps?)")


class OutOfTime(StudentFailure):
    """The submission's time limit ran out (``autograder.budget``); the message says where."""


class StudentCrash(StudentFailure):
    def __init__(self, function, detail="its process stopped"):
        super().__init__(f"{function} crashed the grading process ({detail}): "
                         "sys.exit, os._exit, a memory bomb or a crash in compiled code")


class NotPlainData(StudentFailure):
    def __init__(self, function, detail):
        super().__init__(f"{function} returned something that can't be graded: {detail}. "
                         "Return numbers, numpy arrays, lists, tuples or dicts")


class MissingFunction(StudentFailure):
    def __init__(self, function, detail):
        super().__init__(detail if function in detail else f"{function}: {detail}")


class ResultChanged(StudentFailure):
    """A call changed values (arrays, lists) that earlier calls had returned."""

    def __init__(self, function, calls):
        which = " and ".join(f"call {n}" for n in calls)
        super().__init__(f"{function} changed, in a later call, what it had returned from {which} of "
                         "a series: return new arrays (and lists) from every call. An output buffer, "
                         "cache or list kept between calls and filled in again changes what the "
                         "earlier caller holds")
