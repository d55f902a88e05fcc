"""The wire format: long lists of one layout cross as columns, exactly."""

import numpy as np
import pytest

from autograder.sandbox import wire


def same(a, b):
    """Equal values of identical types, all the way down."""
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return repr(a) == repr(b)


def history(n=100):
    x = np.array([-1.0, 1.0])
    steps = []
    for t in range(n):
        steps.append((x.copy(), float(x @ x)))
        x = x * 0.9 + 0.01 * t
    return steps


@pytest.mark.parametrize("value", [
    history(),
    tuple(history()),
    [[p, np.float64(f)] for p, f in history()],
    [np.float32(t) for t in range(40)],
    [float("nan"), float("inf"), -0.0, 1e-320] * 10,
    [True, False] * 20,
    list(range(-20, 20)),
    [np.arange(6, dtype=np.int16).reshape(2, 3) + t for t in range(40)],
    [(np.arange(2.0), 1.0, 3, True)] * 40,
    [np.arange(2.0, dtype=">f8")] * 40,
], ids=["pairs", "tuple", "lists", "f32-scalars", "specials", "bools", "ints", "int16-grids",
        "quads", "big-endian"])
def test_long_lists_of_one_layout_round_trip_exactly(value):
    raw = wire.dumps(value)
    assert b'"rows"' in raw
    assert same(wire.loads(raw), value)


@pytest.mark.parametrize("value", [
    [np.zeros(2), np.zeros(3)] * 20,           # two shapes
    [1, 2.0] * 20,                               # an int among floats
    [np.array(1.0)] * 40,                        # 0-d arrays stay arrays
    [2**60] * 40,                                # beyond float precision
    [[]] * 40,
    [(1.0, "a")] * 40,
    [history(1)[0]] * 31,                        # too short to be worth it
])
def test_anything_else_crosses_item_by_item(value):
    raw = wire.dumps(value)
    assert b'"rows"' not in raw
    assert same(wire.loads(raw), value)


def frame(head, buffers=None):
    """A frame of this JSON head and these arrays' bytes, as a sender could forge it."""
    import json
    head = json.dumps(head).encode()
    return wire.HEADER.pack(len(head)) + head + b"".join(buffers.chunks if buffers else [])


def rows(layout, n, *columns, of="list"):
    buffers = wire.Buffers()
    head = {"rows": {"of": of, "layout": layout, "n": n,
                     "columns": [wire._npy(c, buffers) for c in columns]}}
    return frame(head, buffers)


@pytest.mark.parametrize("data", [
    rows("f", 3, np.zeros(2)),                                   # wrong length
    rows("i", 2, np.zeros(2)),                                   # wrong dtype
    rows(["a", "<f8", [2]], 2, np.zeros((2, 3))),                # wrong row shape
    rows(["a", "|O", [2]], 1, np.zeros((1, 2))),                 # objects
    rows("f", 2, np.zeros(2), of="set"),
    rows(["t", ["f", ["t", ["f"]]]], 2, np.zeros(2), np.zeros(2)),  # nested deeper
    rows(["t", []], 0),
    rows(["t", ["f"] * 9], 1, *[np.zeros(1)] * 9),
    frame({"rows": {"of": "list", "layout": "f", "n": True, "columns": []}}),
    rows(["a", "<f8", [0]], 10**9, np.zeros((10**9, 0))),      # a billion empty rows
])
def test_malformed_rows_are_refused(data):
    with pytest.raises(wire.WireError):
        wire.loads(data)


def test_arrays_from_rows_own_their_data():
    back = wire.loads(wire.dumps(history()))
    back[0][0][0] = 99.0
    assert back[0][0].flags.owndata and back[1][0][0] != 99.0


def test_arrays_cross_as_their_bytes_not_as_text():
    array = np.arange(10_000, dtype=np.float64)
    raw = wire.dumps({"x": array})
    assert len(raw) < array.nbytes + 200
    assert same(wire.loads(raw)["x"], array)


def test_an_array_in_fortran_order_arrives_in_fortran_order():
    a = np.arange(6.0).reshape(2, 3)
    back, again, rows = wire.loads(wire.dumps([a.T, a, a[:, ::2]]))
    assert same(back, a.T) and back.flags.f_contiguous and not back.flags.c_contiguous
    assert same(again, a) and again.flags.c_contiguous
    assert same(rows, a[:, ::2]) and rows.flags.c_contiguous


def test_a_frame_decodes_to_no_more_arrays_than_it_holds():
    # A forged head naming one stretch of bytes many times would decode to many copies.
    many = frame([{"ndarray": ["|u1", [1000], 0]}] * 3) + bytes(1000)
    with pytest.raises(wire.WireError):
        wire.loads(many)
    out_of_order = frame([{"ndarray": ["<f8", [1], 8]}, {"ndarray": ["<f8", [1], 0]}]) + bytes(16)
    with pytest.raises(wire.WireError):
        wire.loads(out_of_order)
    # Rows of empty arrays take no bytes: they are counted for the whole frame.
    empty_rows = rows(["a", "<f8", [0]], 600_000, np.zeros((600_000, 0)))
    assert len(wire.loads(empty_rows)) == 600_000
    with pytest.raises(wire.WireError):
        wire.loads(frame([json_head(empty_rows)] * 2))


def test_a_head_larger_than_plain_data_needs_is_refused():
    # Its structure decodes to objects many times its size; arrays travel as bytes.
    keys = {str(n): 0 for n in range(100_000)}
    assert wire.loads(wire.dumps(keys)) == keys
    huge = frame({str(n): 0 for n in range(wire.MAX_HEAD // 10)})
    with pytest.raises(wire.WireError, match="over the limit"):
        wire.loads(huge)


def json_head(raw):
    import json
    (size,) = wire.HEADER.unpack_from(raw)
    return json.loads(raw[wire.HEADER.size:wire.HEADER.size + size])


def test_arrays_do_not_share_memory_with_their_frame():
    raw = bytearray(wire.dumps([np.ones(3)] * 2))
    first, second = wire.loads(raw)
    raw[-8:] = bytes(8)
    first[0] = 5.0
    assert second.tolist() == [1.0, 1.0, 1.0] and first.flags.owndata


@pytest.mark.parametrize("raw", [
    frame({"ndarray": ["<f8", [3], 0]}, None),                   # no bytes for it
    frame({"ndarray": ["<f8", [2], 8]}, None) + bytes(16),       # runs past the end
    frame({"ndarray": ["<f8", [2], -8]}) + bytes(16),            # starts before the bytes
    frame({"ndarray": ["<f8", [2], True]}) + bytes(16),
    frame({"ndarray": ["<f8", [-2], 0]}) + bytes(16),
    frame({"ndarray": ["<f8", [2], "0"]}) + bytes(16),
    frame({"ndarray": ["|O", [1], 0]}) + bytes(8),
    frame({"ndarray": ["<f8", [1, 2], 0, "X"]}) + bytes(16),     # an order that isn't C or F
    frame({"ndarray": ["<f8", [1, 2], 0, "F", "F"]}) + bytes(16),
    frame({"scalar": ["<c16", [], 0]}) + bytes(16),
    wire.HEADER.pack(100) + b"{}",                               # head longer than the frame
    b"\x00\x00",                                                 # no head length
    wire.HEADER.pack(2) + b"\xff\xfe",                           # not UTF-8
])
def test_malformed_frames_are_refused(raw):
    with pytest.raises(wire.WireError):
        wire.loads(raw)


def test_a_landscape_crosses_as_its_numbers_and_a_proxy_as_its_number():
    from autograder.sandbox.landscapes import Bowl
    bowl = Bowl(np.eye(2), [1.0, 2.0], 0.5)
    callables = []
    sent = wire.loads(wire.dumps([bowl.grad, len, bowl.grad], callables))
    assert callables[1] is len and len(callables) == 3   # each bound method its own number
    local, proxy, _ = sent
    assert isinstance(proxy, wire.Proxy) and proxy.id == 1
    assert isinstance(local, wire.Local) and (local.id, local.kind, local.method) == (0, "Bowl", "grad")
    assert local.state["centre"].tolist() == [1.0, 2.0] and local.state["floor"] == 0.5


def test_only_known_landscapes_and_methods_are_made_again():
    from autograder.sandbox import landscapes
    state = {"a": np.eye(1), "centre": np.zeros(1), "floor": 0.0}
    assert landscapes.function("Bowl", "f", state)(np.ones(1)) == 0.5
    for kind, method in (("Bowl", "__init__"), ("Bowl", "values"), ("os", "f")):
        with pytest.raises(ValueError):
            landscapes.function(kind, method, state)


def test_the_grader_refuses_a_landscape_or_a_home_proxy_it_never_sent():
    from autograder.failures import NotPlainData
    from autograder.student import Student
    student = Student()
    for forged in (wire.Local(0, "Bowl", "f", {}), wire.Proxy(0, home=True), wire.Proxy(-1, home=True)):
        with pytest.raises(NotPlainData):
            student._adopt([forged], None, "f", [])
    assert student._adopt(wire.Proxy(0, home=True), None, "f", [len]) is len


def test_a_landscape_whose_class_changes_f_stays_a_proxy():
    from autograder.sandbox.landscapes import Bowl

    class Counted(Bowl):
        def f(self, x):
            return super().f(x)

    class Named(Bowl):
        def __str__(self):
            return "a bowl"
    sent = wire.loads(wire.dumps([Counted(np.eye(1), [0.0]).f, Named(np.eye(1), [0.0]).f], []))
    assert isinstance(sent[0], wire.Proxy) and isinstance(sent[1], wire.Local)
