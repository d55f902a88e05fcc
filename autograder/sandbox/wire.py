"""Plain data across the sandbox boundary: framed JSON, arrays as typed bytes.

Both sides of the boundary import this module; it depends on the standard
library and numpy only. What it decodes is data, never code: no pickle, no
object dtypes, no classes but the builtin containers, numpy arrays and numpy
scalars. A callable crossing the boundary travels as a numbered *proxy*, the
same number each time it crosses; the side that receives one decides what
calling it means. A grader's test landscape (a method of an object whose
``crossing()`` gives its kind and numbers, see ``landscapes.py``) travels as a
numbered :class:`Local` instead, from which the sandboxed side makes the same
function again.

A frame is its length, then the length of a JSON *head*, the head, and the raw
bytes of the frame's arrays one after another: the head names each array's
dtype, shape and where its bytes start. Arrays cross without text encoding,
which matters when a training loop calls back into the grader at every step.

>>> import numpy as np
>>> message = {"x": np.arange(3.0), "t": (1, None), "f": np.float32(2.5)}
>>> back = loads(dumps(message))
>>> back["x"], back["t"], type(back["f"]).__name__
(array([0., 1., 2.]), (1, None), 'float32')
"""

import json
import math
import struct
import types

import numpy as np

HEADER = struct.Struct("!I")
GENERATORS = ("PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937")
MAX_FRAME = 64 * 2**20
#: A head decodes to Python objects many times its size (a dict key is some 20
#: times its bytes); plain data's structure is small, its arrays travel as bytes.
MAX_HEAD = 16 * 2**20


class WireError(ValueError):
    """Data that is not plain, or a frame that breaks the protocol."""


class Proxy:
    """A value that lives on one side, known on the other only by its number.

    ``home`` marks a proxy sent back to the side that owns the value (a grader
    function handed back to the grader), so it resolves to the value itself.
    """

    __slots__ = ("id", "home")

    def __init__(self, id, home=False):
        self.id = int(id)
        self.home = bool(home)

    def __repr__(self):
        return f"<proxy {self.id}{' home' if self.home else ''}>"


class Local:
    """A grader function that the other side may make again and run itself: the
    method ``method`` of the test landscape ``kind`` made from ``state``; ``id``
    numbers it as a proxy's would, so that it comes home as the grader's own."""

    __slots__ = ("id", "kind", "method", "state")

    def __init__(self, id, kind, method, state):
        self.id, self.kind, self.method, self.state = int(id), kind, method, state

    def __repr__(self):
        return f"<local {self.id}: {self.kind}.{self.method}>"


class Buffers:
    """The raw bytes of one frame's arrays, in the order the head names them."""

    def __init__(self):
        self.chunks = []
        self.size = 0

    def add(self, data):
        """Append ``data``; where it starts."""
        start = self.size
        self.chunks.append(data)
        self.size += len(data)
        return start


def _npy(array, buffers):
    """An array as ``[dtype, shape, start]``, its bytes (what ``.npy`` holds) in ``buffers``;
    ``[dtype, shape, start, "F"]`` for an array in Fortran order (a transpose), which
    arrives in that order."""
    if array.ndim > 1 and array.flags.f_contiguous and not array.flags.c_contiguous:
        return [array.dtype.str, list(array.shape), buffers.add(array.tobytes(order="F")), "F"]
    return [array.dtype.str, list(array.shape), buffers.add(array.tobytes())]


def _count(n):
    return isinstance(n, int) and not isinstance(n, bool) and n >= 0


class Region:
    """The bytes of one frame after its head, handed out in order.

    An encoder lays the arrays' bytes end to end in the order the head names them,
    so each array must start where the one before it ended: a forged head can't
    name one stretch of bytes many times over and so decode to far more memory
    than the frame holds. Rows made from a column are counted against
    :data:`MAX_ROWS` for the whole frame.
    """

    def __init__(self, data):
        self.data = data
        self.cursor = 0
        self.rows = 0

    def take(self, start, nbytes):
        if start != self.cursor or start + nbytes > len(self.data):
            raise WireError("an array's data does not match its place in the frame")
        self.cursor = start + nbytes
        return self.data[start:self.cursor]

    def count_rows(self, n):
        self.rows += n
        if self.rows > MAX_ROWS:
            raise WireError("more rows than a frame can hold")


def _from_npy(body, region):
    """The array ``body`` names in ``region`` (a :class:`Region`), a copy."""
    if not (isinstance(body, list) and len(body) in (3, 4) and isinstance(body[0], str)
            and isinstance(body[1], list) and all(map(_count, body[1])) and _count(body[2])
            and body[3:] in ([], ["F"])):
        raise WireError("malformed array")
    dtype = np.dtype(body[0])
    if dtype.kind not in "biuf" or dtype.hasobject:
        raise WireError(f"an array of dtype {dtype} cannot be graded")
    shape, start = tuple(body[1]), body[2]
    data = region.take(start, dtype.itemsize * math.prod(shape))
    order = "F" if body[3:] else "C"
    return np.frombuffer(data, dtype=dtype).reshape(shape, order=order).copy(order=order)


#: A list or tuple this long whose items all have one layout of numbers (a history of
#: ``(x, f(x))`` pairs) crosses as columns: one array per position in the layout.
ROWS_FROM = 32
#: More rows than a frame could hold as one number each: not data but an attack.
MAX_ROWS = 1_000_000
_LEAVES = {"f": "<f8", "i": "<i8", "b": "|b1"}


def _layout(item):
    """The layout of one row: a leaf code, or ``[kind, [layouts]]`` for a short
    tuple or list of leaves; None if the item is anything else."""
    kind = type(item)
    if kind is np.ndarray:
        return ["a", item.dtype.str, list(item.shape)] if item.dtype.kind in "biuf" and item.ndim else None
    if kind is float:
        return "f"
    if kind is int:
        return "i" if abs(item) <= 2**53 else None
    if kind is bool:
        return "b"
    if isinstance(item, np.generic):
        return ["s", item.dtype.str] if item.dtype.kind in "biuf" else None
    if (kind is tuple or kind is list) and 0 < len(item) <= 8:
        parts = [_layout(part) for part in item]
        if all(isinstance(part, str) or (part is not None and part[0] in "as") for part in parts):
            return ["t" if kind is tuple else "l", parts]
    return None


def _rows(items, buffers):
    """``items`` as ``{"of", "layout", "n", "columns"}`` if every item has one layout."""
    layout = _layout(items[0])
    if layout is None or any(_layout(item) != layout for item in items):
        return None
    nested = isinstance(layout, list) and layout[0] in "tl"
    leaves = layout[1] if nested else [layout]
    columns = []
    for position, leaf in enumerate(leaves):
        cells = [item[position] for item in items] if nested else items
        dtype = _LEAVES[leaf] if isinstance(leaf, str) else leaf[1]
        columns.append(_npy(np.array(cells, dtype=dtype), buffers))
    return {"of": "tuple" if isinstance(items, tuple) else "list", "layout": layout,
            "n": len(items), "columns": columns}


def _leaf_dtype(leaf):
    """The column dtype and row shape of a valid leaf layout; raises otherwise."""
    if isinstance(leaf, str) and leaf in _LEAVES:
        return np.dtype(_LEAVES[leaf]), ()
    if (isinstance(leaf, list) and len(leaf) == 3 and leaf[0] == "a" and isinstance(leaf[1], str)
            and isinstance(leaf[2], list) and 0 < len(leaf[2]) <= 8
            and all(map(_count, leaf[2]))):
        return np.dtype(leaf[1]), tuple(leaf[2])
    if isinstance(leaf, list) and len(leaf) == 2 and leaf[0] == "s" and isinstance(leaf[1], str):
        return np.dtype(leaf[1]), ()
    raise WireError("malformed rows")


def _from_rows(body, region):
    layout, n, columns = body.get("layout"), body.get("n"), body.get("columns")
    if not (_count(n) and n <= MAX_ROWS
            and isinstance(columns, list)
            and body.get("of") in ("list", "tuple")):
        raise WireError("malformed rows")
    nested = isinstance(layout, list) and len(layout) == 2 and layout[0] in ("t", "l")
    leaves = layout[1] if nested else [layout]
    if not isinstance(leaves, list) or not 0 < len(leaves) <= 8 or len(columns) != len(leaves):
        raise WireError("malformed rows")
    cells = []
    for leaf, column in zip(leaves, columns):
        dtype, shape = _leaf_dtype(leaf)
        array = _from_npy(column, region)
        if array.dtype != dtype or array.shape != (n, *shape):
            raise WireError("rows whose columns do not match their layout")
        region.count_rows(n)
        if isinstance(leaf, str):
            cells.append(array.tolist())
        elif leaf[0] == "a":
            cells.append([row.copy() for row in array])  # each its own array, as sent
        else:
            cells.append(list(array))
    if not nested:
        rows = cells[0]
    elif layout[0] == "t":
        rows = list(zip(*cells))
    else:
        rows = [list(row) for row in zip(*cells)]
    return tuple(rows) if body["of"] == "tuple" else rows


def encode(value, buffers, callables=None):
    """``value`` as JSON-ready data, its arrays' bytes added to ``buffers`` (a
    :class:`Buffers`); callables are numbered into ``callables``.

    Raises
    ------
    WireError
        For anything but None, bool, int, float, str, list, tuple, dict with
        string keys, numpy arrays of numbers or booleans, numpy scalars, a
        :class:`Proxy`, a numpy ``Generator`` (its state crosses), or (with
    ``callables``) a callable (a test landscape's method as a :class:`Local`).
    """
    if isinstance(value, np.generic):
        if value.dtype.kind not in "biuf":
            raise WireError(f"a numpy {value.dtype} scalar cannot be graded")
        return {"scalar": _npy(np.asarray(value), buffers)}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return {"int": str(value)} if abs(value) > 2**53 else value
    if isinstance(value, float):
        return float(value) if np.isfinite(value) else {"float": repr(float(value))}
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "biuf":
            raise WireError(f"an array of dtype {value.dtype} cannot be graded")
        return {"ndarray": _npy(value, buffers)}
    if isinstance(value, (list, tuple)):
        if len(value) >= ROWS_FROM:
            rows = _rows(value, buffers)
            if rows is not None:
                return {"rows": rows}
        items = [encode(item, buffers, callables) for item in value]
        return items if isinstance(value, list) else {"tuple": items}
    if isinstance(value, dict):
        if not all(isinstance(key, str) for key in value):
            raise WireError("a dict with keys that are not strings cannot be graded")
        return {"dict": {key: encode(item, buffers, callables) for key, item in value.items()}}
    if isinstance(value, Proxy):
        return {"home" if value.home else "proxy": value.id}
    if isinstance(value, np.random.Generator):
        bits = value.bit_generator
        if type(bits).__name__ not in GENERATORS:
            raise WireError(f"a {type(bits).__name__} generator cannot be graded")
        return {"rng": {"kind": type(bits).__name__, "state": encode(bits.state, buffers)}}
    if callables is not None and callable(value):
        number = next((n for n, known in enumerate(callables) if known is value), None)
        if number is None:
            callables.append(value)
            number = len(callables) - 1
        crossing = getattr(getattr(value, "__self__", None), "crossing", None)
        crossed = crossing() if callable(crossing) else None
        if crossed is not None:
            kind, state = crossed
            return {"local": {"id": number, "kind": kind, "method": value.__name__,
                              "state": encode(state, buffers)}}
        return {"proxy": number}
    raise WireError(f"a value of type {type(value).__name__} cannot be graded")


def decode(data, region):
    """The inverse of :func:`encode`, reading arrays from ``region`` (the bytes of
    the buffers, or a :class:`Region` of them); proxies come back as :class:`Proxy`,
    landscapes as :class:`Local`."""
    if not isinstance(region, Region):
        region = Region(region)
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [decode(item, region) for item in data]
    if isinstance(data, dict) and len(data) == 1:
        (tag, body), = data.items()
        if tag == "tuple" and isinstance(body, list):
            return tuple(decode(item, region) for item in body)
        if tag == "dict" and isinstance(body, dict):
            return {str(key): decode(item, region) for key, item in body.items()}
        if tag == "ndarray":
            return _from_npy(body, region)
        if tag == "scalar":
            return _from_npy(body, region)[()]
        if tag == "int" and isinstance(body, str):
            return int(body)
        if tag == "float" and body in ("nan", "inf", "-inf"):
            return float(body)
        if tag in ("proxy", "home") and isinstance(body, int) and not isinstance(body, bool):
            return Proxy(body, home=tag == "home")
        if (tag == "local" and isinstance(body, dict) and _count(body.get("id"))
                and isinstance(body.get("kind"), str) and isinstance(body.get("method"), str)):
            return Local(body["id"], body["kind"], body["method"], decode(body.get("state"), region))
        if tag == "rows" and isinstance(body, dict):
            return _from_rows(body, region)
        if tag == "rng" and isinstance(body, dict) and body.get("kind") in GENERATORS:
            rng = np.random.Generator(getattr(np.random, body["kind"])())
            rng.bit_generator.state = decode(body["state"], region)
            return rng
    raise WireError("malformed data")


LAZY = (types.GeneratorType, map, filter, zip, enumerate)


def is_lazy(value):
    """Whether ``value`` is a generator or iterator that :func:`materialize` turns into a list
    (a grader function's generator reaches the student's code as an iterator again)."""
    return isinstance(value, LAZY)


def materialize(value, limit=100_000):
    """A generator or iterator object as a list (at most ``limit`` items)."""
    if isinstance(value, LAZY):
        items = []
        for item in value:
            if len(items) >= limit:
                raise WireError(f"the iterator yielded more than {limit} items")
            items.append(item)
        return items
    return value


def dumps(value, callables=None):
    """``value`` as one frame's bytes (without its length): the head's length, the
    head, the arrays' bytes."""
    buffers = Buffers()
    head = json.dumps(encode(value, buffers, callables), allow_nan=False).encode("utf-8")
    return b"".join([HEADER.pack(len(head)), head, *buffers.chunks])


def loads(raw):
    """One frame's bytes back to a value."""
    try:
        (size,) = HEADER.unpack_from(raw)
        if size > len(raw) - HEADER.size:
            raise WireError("a frame's head is longer than the frame")
        if size > MAX_HEAD:
            raise WireError(f"a message's structure (its JSON head, without the arrays) of {size} "
                            f"bytes is over the limit of {MAX_HEAD} bytes")
        view = memoryview(raw)
        head = json.loads(bytes(view[HEADER.size:HEADER.size + size]).decode("utf-8"))
        return decode(head, view[HEADER.size + size:])
    except (UnicodeDecodeError, ValueError, TypeError, KeyError, RecursionError,
            OSError, EOFError, struct.error) as exc:
        if isinstance(exc, WireError):
            raise
        raise WireError(f"malformed data: {exc}") from None


def send(sock, value, callables=None):
    """Write ``value`` as one length-prefixed frame."""
    body = dumps(value, callables)
    if len(body) > MAX_FRAME:
        raise WireError(f"a message of {len(body)} bytes is over the limit")
    sock.sendall(HEADER.pack(len(body)) + body)


def _read_exactly(sock, n):
    data = bytearray(n)
    view, got = memoryview(data), 0
    while got < n:
        count = sock.recv_into(view[got:], min(n - got, 1 << 20))
        if not count:
            raise EOFError("the other side closed the connection")
        got += count
    return data


def recv(sock):
    """Read one frame and decode it; ``EOFError`` when the peer has gone."""
    (size,) = HEADER.unpack(_read_exactly(sock, HEADER.size))
    if size > MAX_FRAME:
        raise WireError(f"a message of {size} bytes is over the limit")
    return loads(_read_exactly(sock, size))
