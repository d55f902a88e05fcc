# about: rel_error without the 1e-8 floor: nan where both entries are zero
# breaks: test_rel_error
# %% rel_error
def rel_error(a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b))))
