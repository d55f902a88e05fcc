"""Student code, isolated: the sandboxed worker and the grader's client for it.

Only ``wire``, ``calls``, ``shell`` and ``worker`` are visible inside the
sandbox; they hold no answers and no tests.
"""
