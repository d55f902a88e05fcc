"""One database engine per gradebook while a worker grades one submission.

nbgrader opens its gradebook about nine times for each notebook it autogrades, each
time with a new SQLAlchemy engine, which connects, checks that every table exists and
compiles its queries anew: about 10 ms an open. Inside :func:`shared`, the gradebooks
that this thread opens share one engine per database, whose connections and compiled
queries outlive each open, and the tables are checked on the first open only.

The scope is one thread and one submission: when it ends, its engines close their
connections, so a gradebook that is replaced between submissions (a new course at
the same path, a deleted file) is never written through a stale connection, and the
threads of a Dask worker each keep their own.

>>> with shared():
...     api.create_engine("sqlite://") is api.create_engine("sqlite://")
True
>>> api.create_engine("sqlite://") is api.create_engine("sqlite://")
False
"""

import contextlib
import threading

import nbgrader.api as api
import sqlalchemy

_scope = threading.local()
_create_engine = sqlalchemy.create_engine
_create_all = api.Base.metadata.create_all


def _engine(url, **options):
    engines = getattr(_scope, "engines", None)
    if engines is None:
        return _create_engine(url, **options)
    key = (str(url), tuple(sorted(options.items())))
    if key not in engines:
        engines[key] = _create_engine(url, **options)
    return engines[key]


def _tables(bind=None, **options):
    checked = getattr(_scope, "checked", None)
    if checked is None or bind not in checked or options:
        _create_all(bind=bind, **options)
        if checked is not None and not options:
            checked.add(bind)


@contextlib.contextmanager
def shared():
    """Share one engine per database among the gradebooks this thread opens inside."""
    if getattr(_scope, "engines", None) is not None:
        yield
        return
    api.create_engine = _engine
    api.Base.metadata.create_all = _tables
    _scope.engines, _scope.checked = {}, set()
    try:
        yield
    finally:
        engines = _scope.engines
        _scope.engines = _scope.checked = None
        for engine in engines.values():
            engine.dispose()
