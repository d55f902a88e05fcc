# cell: ReduceLROnPlateau
# breaks: test_ReduceLROnPlateau

# %% correct: best starts as None, the count compared with == patience, early return on improvement
class ReduceLROnPlateau:
    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = lr
        self.factor, self.patience, self.min_lr = factor, patience, min_lr
        self.best_loss = None
        self.wait = 0

    def step(self, loss):
        if self.best_loss is None or loss < self.best_loss:
            self.best_loss, self.wait = loss, 0
            return self.lr
        self.wait += 1
        if self.wait == self.patience:
            self.lr, self.wait = max(self.lr * self.factor, self.min_lr), 0
        return self.lr

# %% correct: a dataclass that keeps every loss and counts the reports since the last improvement or cut
import dataclasses


@dataclasses.dataclass
class ReduceLROnPlateau:
    lr: float
    factor: float = 0.5
    patience: int = 5
    min_lr: float = 1e-7
    history: list = dataclasses.field(default_factory=list)
    since: int = 0

    def step(self, loss):
        best = min(self.history) if self.history else float("inf")
        self.history.append(loss)
        if loss < best:
            self.since = len(self.history)
        elif len(self.history) - self.since >= self.patience:
            self.lr = self.lr * self.factor
            if self.lr < self.min_lr:
                self.lr = self.min_lr
            self.since = len(self.history)
        return self.lr

# %% correct: private attributes, the rate as np.float64, the count wrapped with %
class ReduceLROnPlateau:
    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self._lr = np.float64(lr)
        self._factor = factor
        self._patience = patience
        self._min_lr = min_lr
        self._best = np.inf
        self._bad = 0

    def step(self, loss):
        if loss < self._best:
            self._best, self._bad = loss, 0
        else:
            self._bad = (self._bad + 1) % self._patience
            if self._bad == 0:
                self._lr = np.maximum(self._lr * self._factor, self._min_lr)
        return self._lr

# %% bug: never resets the count when the loss improves
class ReduceLROnPlateau:
    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr, self.factor, self.patience, self.min_lr = lr, factor, patience, min_lr
        self.best = np.inf
        self.bad = 0

    def step(self, loss):
        if loss < self.best:
            self.best = loss
        else:
            self.bad += 1
            if self.bad >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.bad = 0
        return self.lr

# %% bug: does not restart the count after a cut, so it cuts at every report once the plateau is long enough
class ReduceLROnPlateau:
    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr, self.factor, self.patience, self.min_lr = lr, factor, patience, min_lr
        self.best = np.inf
        self.bad = 0

    def step(self, loss):
        if loss < self.best:
            self.best, self.bad = loss, 0
        else:
            self.bad += 1
            if self.bad >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
        return self.lr

# %% bug: cuts one report late (count > patience)
class ReduceLROnPlateau:
    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr, self.factor, self.patience, self.min_lr = lr, factor, patience, min_lr
        self.best = np.inf
        self.bad = 0

    def step(self, loss):
        if loss < self.best:
            self.best, self.bad = loss, 0
        else:
            self.bad += 1
            if self.bad > self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.bad = 0
        return self.lr

# %% bug: ignores min_lr
class ReduceLROnPlateau:
    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr, self.factor, self.patience, self.min_lr = lr, factor, patience, min_lr
        self.best = np.inf
        self.bad = 0

    def step(self, loss):
        if loss < self.best:
            self.best, self.bad = loss, 0
        else:
            self.bad += 1
            if self.bad >= self.patience:
                self.lr *= self.factor
                self.bad = 0
        return self.lr

# %% bug: compares with the previous loss instead of the best so far
class ReduceLROnPlateau:
    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr, self.factor, self.patience, self.min_lr = lr, factor, patience, min_lr
        self.last = np.inf
        self.bad = 0

    def step(self, loss):
        if loss < self.last:
            self.bad = 0
        else:
            self.bad += 1
            if self.bad >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.bad = 0
        self.last = loss
        return self.lr

# %% bug: a loss equal to the best counts as an improvement (<=)
class ReduceLROnPlateau:
    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr, self.factor, self.patience, self.min_lr = lr, factor, patience, min_lr
        self.best = np.inf
        self.bad = 0

    def step(self, loss):
        if loss <= self.best:
            self.best, self.bad = loss, 0
        else:
            self.bad += 1
            if self.bad >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.bad = 0
        return self.lr

# %% bug: PyTorch-style relative threshold: only a loss below best * (1 - 1e-4) counts as an improvement
# breaks: test_ReduceLROnPlateau
class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = float(lr)
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.threshold = 1e-4
        self.best = np.inf
        self.num_bad = 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        if loss < self.best * (1 - self.threshold):
            self.best = loss
            self.num_bad = 0
        else:
            self.num_bad += 1
            if self.num_bad >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.num_bad = 0
        return self.lr

# %% correct: best starts at np.inf, a counter of bad reports, cut and reset at patience
class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = float(lr)
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.best = np.inf
        self.num_bad = 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        if loss < self.best:
            self.best = loss
            self.num_bad = 0
        else:
            self.num_bad += 1
            if self.num_bad >= self.patience:
                self.lr = float(max(self.lr * self.factor, self.min_lr))
                self.num_bad = 0
        return self.lr

# %% bug: tests "loss >= best" for a bad report, so a nan loss counts as an improvement (and becomes the best, after which nothing is bad)
# breaks: test_ReduceLROnPlateau
import numpy as np


class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = float(lr)
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.best = np.inf
        self.count = 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        if loss >= self.best:
            self.count += 1
            if self.count >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.count = 0
        else:
            self.best = loss
            self.count = 0
        return self.lr

# %% bug: after each cut the best loss is reset to the current loss, so a later loss below it counts as an improvement
# breaks: test_ReduceLROnPlateau
import numpy as np


class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = float(lr)
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.best = np.inf
        self.count = 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        if loss < self.best:
            self.best = loss
            self.count = 0
        else:
            self.count += 1
            if self.count >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.count = 0
                self.best = loss          # start afresh at the new rate
        return self.lr

# %% bug: the best loss starts at 1e10, not np.inf, so a huge first loss counts as bad
# breaks: test_ReduceLROnPlateau
class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = lr
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.best = 1e10
        self.count = 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        if loss < self.best:
            self.best = loss
            self.count = 0
        else:
            self.count += 1
            if self.count >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.count = 0
        return self.lr

# %% bug: copies PyTorch's eps rule: a cut smaller than 1e-8 is skipped, so tiny rates (or an lr below min_lr) never change
# breaks: test_ReduceLROnPlateau
class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    eps = 1e-8

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = lr
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.best = np.inf
        self.count = 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        if loss < self.best:
            self.best = loss
            self.count = 0
        else:
            self.count += 1
            if self.count >= self.patience:
                new_lr = max(self.lr * self.factor, self.min_lr)
                if self.lr - new_lr > self.eps:
                    self.lr = new_lr
                self.count = 0
        return self.lr

# %% bug: (f) generalises with a mode="min"/"max" keyword and takes the floor default from another library, min_lr=1e-6 instead of 1e-7, so long runs with the default stop cutting at 1e-6
# breaks: test_ReduceLROnPlateau
class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-6, mode="min"):
        if mode not in ("min", "max"):
            raise ValueError("mode must be 'min' or 'max'")
        self.lr = lr
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.sign = 1.0 if mode == "min" else -1.0
        self.best = np.inf
        self.count = 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        score = self.sign * loss
        if score < self.best:
            self.best = score
            self.count = 0
        else:
            self.count += 1
            if self.count >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.count = 0
        return self.lr

# %% bug: (d) the count is a module-level global shared by every scheduler, so a new scheduler inherits the count another one left behind (and two schedulers interleave)
# breaks: test_ReduceLROnPlateau
_plateau_count = 0


class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = lr
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.best = np.inf

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        global _plateau_count
        if loss < self.best:
            self.best = loss
            _plateau_count = 0
        else:
            _plateau_count += 1
            if _plateau_count >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                _plateau_count = 0
        return self.lr

# %% bug: best-so-far taken from np.minimum.accumulate over the history, which propagates nan: after one nan loss the best is nan, no later loss is "below" it, and the rate keeps being cut however much the loss improves
# breaks: test_ReduceLROnPlateau
class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = lr
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.losses = []
        self.count = 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        self.losses.append(loss)
        running_best = np.minimum.accumulate(np.array(self.losses, dtype=float))
        best_before = running_best[-2] if len(self.losses) > 1 else np.inf
        if loss < best_before:
            self.count = 0
        else:
            self.count += 1
            if self.count >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.count = 0
        return self.lr

# %% bug: the rate is kept in a one-element buffer allocated with the dtype of the lr passed in, so ReduceLROnPlateau(1, ...) with an integer rate stores the first cut 1 * 0.5 as 0 (and returns np.int64)
# breaks: test_ReduceLROnPlateau
class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self._lr = np.empty(1, dtype=np.asarray(lr).dtype)
        self._lr[0] = lr
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.best = np.inf
        self.count = 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        if loss < self.best:
            self.best = loss
            self.count = 0
        else:
            self.count = self.count + 1
            if self.count >= self.patience:
                self._lr[0] = max(self._lr[0] * self.factor, self.min_lr)
                self.count = 0
        return self._lr[0]

# %% bug: uses -1 as the "no loss yet" sentinel, assuming losses are never negative, so with negative losses (a log-likelihood objective) every report counts as an improvement and the rate is never cut
# breaks: test_ReduceLROnPlateau
class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = lr
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.best = -1.0                    # no loss seen yet (losses are >= 0)
        self.count = 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        if self.best < 0 or loss < self.best:
            self.best = loss
            self.count = 0
        else:
            self.count += 1
            if self.count >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.count = 0
        return self.lr

# %% bug: "no best yet" is tested with `not self.best`, which is also true when the best loss is exactly 0.0, so after a loss of 0 every following loss counts as an improvement and the rate is never cut
class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = float(lr)
        self.factor, self.patience, self.min_lr = factor, patience, min_lr
        self.best = None
        self.count = 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        if not self.best or loss < self.best:
            self.best = loss
            self.count = 0
        else:
            self.count += 1
            if self.count >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.count = 0
        return self.lr

# %% correct: object-oriented student: the scheduler is a dict subclass whose keys hold its state (lr, best, count), with attribute-style read access for the rate
class ReduceLROnPlateau(dict):
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        super().__init__(lr=lr, factor=factor, patience=patience, min_lr=min_lr, best=np.inf, count=0)

    @property
    def lr(self):
        return self["lr"]

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        if loss < self["best"]:
            self.update(best=loss, count=0)
        else:
            self["count"] += 1
            if self["count"] >= self["patience"]:
                self.update(lr=max(self["lr"] * self["factor"], self["min_lr"]), count=0)
        return self["lr"]

# %% bug: exception swallower: improvement is tested as a relative gain (best - loss) / abs(best) > 0; when the best is exactly 0 the ZeroDivisionError is swallowed as "no improvement", so a negative loss after a best of 0 counts towards the plateau
class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr = lr
        self.factor = factor
        self.patience = patience
        self.min_lr = min_lr
        self.best = None
        self.count = 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        if self.best is None:
            improved = True                 # the first report always improves on nothing
        else:
            try:
                improved = (self.best - loss) / abs(self.best) > 0
            except ZeroDivisionError:
                improved = False
        if improved:
            self.best = loss
            self.count = 0
        else:
            self.count += 1
            if self.count >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.count = 0
        return self.lr

# %% bug: an improvement must beat the best by 1e-8 ("ignore float noise"), so genuinely lower losses that improve by less than 1e-8 (any loss curve on the 1e-9 scale) count towards a cut, breaking "a loss below the best so far resets the count"
class ReduceLROnPlateau:
    """Cut the learning rate by factor when the loss has not improved for patience reports."""

    def __init__(self, lr, factor=0.5, patience=5, min_lr=1e-7):
        self.lr, self.factor, self.patience, self.min_lr = lr, factor, patience, min_lr
        self.best, self.count = np.inf, 0

    def step(self, loss):
        """Report a loss; returns the learning rate to use next."""
        if loss < self.best - 1e-8:
            self.best, self.count = loss, 0
        else:
            self.count += 1
            if self.count >= self.patience:
                self.lr = max(self.lr * self.factor, self.min_lr)
                self.count = 0
        return self.lr
