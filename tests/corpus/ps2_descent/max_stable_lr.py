# cell: max_stable_lr
# breaks: test_max_stable_lr

# %% correct: exact symmetry check, eigvalsh, np.all on the eigenvalues, np.float64 result
def max_stable_lr(hessian):
    h = np.asarray(hessian, dtype=float)
    if not (h == h.T).all():
        raise ValueError("not symmetric")
    lam = np.linalg.eigvalsh(h)
    if not np.all(lam > 0):
        raise ValueError("not positive definite")
    return 2 / lam.max()

# %% correct: Cholesky decides positive definiteness, np.linalg.eig for lambda_max
def max_stable_lr(hessian):
    h = np.array(hessian, dtype=float)
    if h.shape[0] != h.shape[1] or not np.allclose(h, h.T):
        raise ValueError("the Hessian must be symmetric")
    try:
        np.linalg.cholesky(h)
    except np.linalg.LinAlgError:
        raise ValueError("the Hessian is not positive definite") from None
    return float(2.0 / np.max(np.linalg.eig(h)[0].real))

# %% correct: the spectral norm is lambda_max once every eigenvalue is positive
def max_stable_lr(hessian):
    h = np.asarray(hessian, dtype=float)
    if np.abs(h - h.T).max() > 1e-12:
        raise ValueError("the Hessian must be symmetric")
    if np.linalg.eigvalsh(h)[0] <= 0:
        raise ValueError("the Hessian must be positive definite")
    return 2.0 / np.linalg.norm(h, 2)

# %% bug: lambda_min instead of lambda_max
def max_stable_lr(hessian):
    h = np.asarray(hessian, dtype=float)
    if not np.allclose(h, h.T):
        raise ValueError("not symmetric")
    lam = np.linalg.eigvalsh(h)
    if lam[0] <= 0:
        raise ValueError("not positive definite")
    return 2.0 / lam[0]

# %% bug: 1 / lambda_max instead of 2 / lambda_max
def max_stable_lr(hessian):
    h = np.asarray(hessian, dtype=float)
    if not np.allclose(h, h.T):
        raise ValueError("not symmetric")
    lam = np.linalg.eigvalsh(h)
    if lam[0] <= 0:
        raise ValueError("not positive definite")
    return 1.0 / lam[-1]

# %% bug: never checks symmetry (eigvalsh silently reads one triangle)
def max_stable_lr(hessian):
    lam = np.linalg.eigvalsh(np.asarray(hessian, dtype=float))
    if lam[0] <= 0:
        raise ValueError("not positive definite")
    return 2.0 / lam[-1]

# %% bug: an eigenvalue of exactly 0 passes (lam < 0 instead of lam <= 0)
def max_stable_lr(hessian):
    h = np.asarray(hessian, dtype=float)
    if not np.allclose(h, h.T):
        raise ValueError("not symmetric")
    lam = np.linalg.eigvalsh(h)
    if lam[0] < 0:
        raise ValueError("not positive definite")
    return 2.0 / lam[-1]

# %% bug: asserts instead of raising ValueError
def max_stable_lr(hessian):
    h = np.asarray(hessian, dtype=float)
    assert np.allclose(h, h.T), "not symmetric"
    lam = np.linalg.eigvalsh(h)
    assert lam[0] > 0, "not positive definite"
    return 2.0 / lam[-1]

# %% bug: the largest diagonal entry instead of lambda_max
def max_stable_lr(hessian):
    h = np.asarray(hessian, dtype=float)
    if not np.allclose(h, h.T):
        raise ValueError("not symmetric")
    if np.linalg.eigvalsh(h)[0] <= 0:
        raise ValueError("not positive definite")
    return 2.0 / np.max(np.diag(h))

# %% bug: positive definite tested by det > 0 and trace > 0 (right only for 2x2)
# breaks: test_max_stable_lr
def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    h = np.asarray(hessian, dtype=float)
    if not np.allclose(h, h.T):
        raise ValueError("not symmetric")
    if np.linalg.det(h) <= 0 or np.trace(h) <= 0:
        raise ValueError("not positive definite")
    return float(2 / np.linalg.eigvalsh(h)[-1])

# %% bug: sklearn-style ridge jitter added to the diagonal in place for "numerical stability", which writes into the caller's float Hessian
# breaks: test_max_stable_lr
_jitter = 1e-12


def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    H = np.asarray(hessian, dtype=float)
    if not np.allclose(H, H.T):
        raise ValueError("not symmetric")
    H[np.diag_indices_from(H)] += _jitter
    lam = np.linalg.eigvalsh(H)
    if lam[0] <= _jitter:
        raise ValueError("not positive definite")
    return float(2.0 / lam[-1])

# %% bug: float32 "for speed": eigenvalues and the result are float32 (np.float32 is not a Python float; ~7 digits; entries above 3.4e38 overflow)
# breaks: test_max_stable_lr
def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    H = np.asarray(hessian, dtype=np.float32)
    if not np.allclose(H, H.T):
        raise ValueError("not symmetric")
    lam = np.linalg.eigvalsh(H)
    if lam[0] <= 0:
        raise ValueError("not positive definite")
    return np.float32(2) / lam[-1]

# %% correct: Boyd's remark that for a symmetric positive definite matrix lambda_max equals the spectral norm ||H||_2, after the PD test with eigvalsh
def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    H = np.array(hessian, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or not np.allclose(H, H.T):
        raise ValueError("expected a symmetric matrix")
    if np.linalg.eigvalsh(H).min() <= 0:
        raise ValueError("expected a positive definite matrix: some eigenvalue is <= 0")
    L = np.linalg.norm(H, 2)        # largest singular value = lambda_max for SPD
    return 2.0 / float(L)

# %% bug: (solved for the 2x2 twisted bowl) the symmetry test compares only H[0, 1] with H[1, 0], so larger non-symmetric matrices pass and a 1x1 matrix raises IndexError
# breaks: test_max_stable_lr
def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    H = np.asarray(hessian, dtype=float)
    if H[0, 1] != H[1, 0]:
        raise ValueError("the Hessian is not symmetric")
    eigenvalues = np.linalg.eigvalsh(H)
    if eigenvalues[0] <= 0:
        raise ValueError("the Hessian is not positive definite")
    return float(2.0 / eigenvalues[-1])

# %% bug: lambda_max by power iteration from the all-ones vector, which is exactly the smallest eigenvector of [[1, -c], [-c, 1]] (and converges slowly for close eigenvalues), so c < 0 gets 2 / (1 - |c|)
# breaks: test_max_stable_lr
def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    H = np.asarray(hessian, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or not np.allclose(H, H.T):
        raise ValueError("the Hessian must be a symmetric square matrix")
    if np.linalg.eigvalsh(H)[0] <= 0:
        raise ValueError("not positive definite")
    v = np.ones(H.shape[0])
    lam = 0.0
    for _ in range(500):
        previous = lam
        w = H @ v
        lam = float(v @ w / (v @ v))
        v = w / np.linalg.norm(w)
        if abs(lam - previous) <= 1e-12 * abs(lam):
            break
    return 2.0 / lam

# %% bug: treats an eigenvalue np.isclose to 0 (within 1e-8) as zero, so a positive definite but badly conditioned matrix like diag(1e-9, 1) raises
# breaks: test_max_stable_lr
def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    H = np.asarray(hessian, dtype=float)
    if not np.allclose(H, H.T):
        raise ValueError("not symmetric")
    w = np.linalg.eigvalsh(H)
    if w[0] < 0 or np.isclose(w[0], 0.0):
        raise ValueError("not positive definite")
    return float(2.0 / w[-1])

# %% bug: a 1x1 "Hessian" takes a shortcut branch 2 / h[0, 0] that skips the checks, so [[-1.0]] returns -2.0
# breaks: test_max_stable_lr
def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    h = np.atleast_2d(np.asarray(hessian, dtype=float))
    if h.shape == (1, 1):
        return float(2.0 / h[0, 0])
    if not np.allclose(h, h.T):
        raise ValueError("the Hessian is not symmetric")
    eigenvalues = np.linalg.eigvalsh(h)
    if eigenvalues[0] <= 0:
        raise ValueError("the Hessian is not positive definite")
    return float(2.0 / eigenvalues[-1])

# %% bug: C-style symmetry check that compares only the first row with the first column (index loop from the 2x2 case), so a 3x3 matrix asymmetric in its (1, 2) entries slips through and eigvalsh answers from the lower triangle
# breaks: test_max_stable_lr
def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    H = np.asarray(hessian, dtype=float)
    n = H.shape[0]
    for j in range(1, n):
        if abs(H[0, j] - H[j, 0]) > 1e-12:
            raise ValueError("the Hessian must be symmetric")
    eigenvalues = np.linalg.eigvalsh(H)
    if eigenvalues[0] <= 0:
        raise ValueError("the Hessian is not positive definite")
    return float(2 / eigenvalues[-1])

# %% bug: rounds the bound to 6 decimal places for readability, so for Rosenbrock's Hessian [[802, -400], [-400, 200]] it returns 0.001997 instead of 0.0019968038 (and tiny bounds such as 2e-7 become 0.0)
def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    H = np.asarray(hessian, dtype=float)
    if not np.allclose(H, H.T):
        raise ValueError("not symmetric")
    lam = np.linalg.eigvalsh(H)
    if lam[0] <= 0:
        raise ValueError("not positive definite")
    return round(float(2 / lam[-1]), 6)

# %% bug: over-defensive conditioning check raises ValueError("ill-conditioned") when lambda_max / lambda_min > 1e12, so a valid but badly conditioned positive definite Hessian such as diag(1e-9, 1e5) gets no bound
def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    H = np.asarray(hessian, dtype=float)
    if not np.allclose(H, H.T):
        raise ValueError("not symmetric")
    lam = np.linalg.eigvalsh(H)
    if lam[0] <= 0:
        raise ValueError("not positive definite")
    if lam[-1] / lam[0] > 1e12:
        raise ValueError("the Hessian is too ill-conditioned for a meaningful bound")
    return float(2 / lam[-1])

# %% bug: numerically naive student: gets the eigenvalues as the roots of the characteristic polynomial, np.roots(np.poly(H)); repeated or clustered eigenvalues come out with errors near eps**(1/k) (about 1e-4 for a 4-fold eigenvalue) and spurious imaginary parts, so the bound is off for e.g. 0.3 * I_5
def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    H = np.asarray(hessian, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or not np.allclose(H, H.T):
        raise ValueError("not symmetric")
    eigenvalues = np.roots(np.poly(H)).real
    if eigenvalues.min() <= 0:
        raise ValueError("not positive definite")
    return float(2 / eigenvalues.max())

# %% bug: returns 2 / (lambda_max + 1e-12) "to avoid dividing by zero", which is far off when lambda_max is tiny (diag(1e-12, 2e-12) gives 6.7e11 instead of 1e12); the spec asks for 2 / lambda_max
def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    h = np.asarray(hessian, dtype=float)
    if h.ndim != 2 or h.shape[0] != h.shape[1] or not np.allclose(h, h.T):
        raise ValueError("not symmetric")
    lam = np.linalg.eigvalsh(h)
    if lam[0] <= 0:
        raise ValueError("not positive definite")
    return float(2.0 / (lam[-1] + 1e-12))

# %% bug: treats eigenvalues up to 1e-10 as zero ("numerically singular") and raises ValueError for positive definite matrices such as diag(1e-12, 1), whose bound 2.0 the spec asks for
def max_stable_lr(hessian):
    """The largest stable constant learning rate 2 / lambda_max of a quadratic."""
    h = np.asarray(hessian, dtype=float)
    if h.ndim != 2 or h.shape[0] != h.shape[1] or not np.allclose(h, h.T):
        raise ValueError("not symmetric")
    lam = np.linalg.eigvalsh(h)
    if lam[0] <= 1e-10:
        raise ValueError("not positive definite")
    return float(2.0 / lam[-1])
