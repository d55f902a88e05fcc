# cell: step_decay

# %% correct: step_decay with //, exponential_decay with math.pow, cosine_annealing with math.cos (Python floats)
import math


def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * drop ** (epoch // epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * math.pow(decay_rate, step / decay_steps)


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + 0.5 * (lr_max - lr_min) * (1 + math.cos(math.pi * step / t_max))

# %% correct: step_decay by repeated multiplication, exponential_decay through exp and log, cosine_annealing as lr_max minus a rising half-cosine
import math


def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    lr = initial_lr
    for _ in range(math.floor(epoch / epochs_drop)):
        lr *= drop
    return lr


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * math.exp(step / decay_steps * math.log(decay_rate))


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_max - (lr_max - lr_min) * (1 - math.cos(math.pi * step / t_max)) / 2

# %% correct: step_decay with int() truncation and np.power, exponential_decay and cosine_annealing return np.float64
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * np.power(drop, int(epoch / epochs_drop))


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return np.float64(initial_lr) * np.power(decay_rate, step / decay_steps)


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + (lr_max - lr_min) * np.cos(np.pi * step / (2 * t_max)) ** 2

# %% bug: step_decay rounds epoch / epochs_drop instead of flooring it
# breaks: test_step_decay
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * drop ** round(epoch / epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * decay_rate ** (step / decay_steps)


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * step / t_max)) / 2

# %% bug: step_decay drops one epoch early (counts epochs from 1)
# breaks: test_step_decay
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * drop ** ((epoch + 1) // epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * decay_rate ** (step / decay_steps)


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * step / t_max)) / 2

# %% bug: step_decay forgets the floor, so it decays smoothly instead of in steps
# breaks: test_step_decay
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * drop ** (epoch / epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * decay_rate ** (step / decay_steps)


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * step / t_max)) / 2

# %% bug: exponential_decay uses integer division, step // decay_steps (a staircase)
# breaks: test_exponential_decay
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * drop ** np.floor(epoch / epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * decay_rate ** (step // decay_steps)


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * step / t_max)) / 2

# %% bug: exponential_decay misses the parentheses, decay_rate ** step / decay_steps
# breaks: test_exponential_decay
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * drop ** np.floor(epoch / epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * decay_rate ** step / decay_steps


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * step / t_max)) / 2

# %% bug: exponential_decay as exp(-decay_rate * step / decay_steps)
# breaks: test_exponential_decay
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * drop ** np.floor(epoch / epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * np.exp(-decay_rate * step / decay_steps)


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * step / t_max)) / 2

# %% bug: cosine_annealing is off by one, dividing by t_max - 1
# breaks: test_cosine_annealing
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * drop ** np.floor(epoch / epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * decay_rate ** (step / decay_steps)


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * step / (t_max - 1))) / 2

# %% bug: cosine_annealing adds lr_min on top of lr_max's half-cosine (passes the visible tests, wrong whenever lr_min > 0)
# breaks: test_cosine_annealing
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * drop ** np.floor(epoch / epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * decay_rate ** (step / decay_steps)


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + lr_max * (1 + np.cos(np.pi * step / t_max)) / 2

# %% bug: cosine_annealing forgets pi, cos(step / t_max)
# breaks: test_cosine_annealing
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * drop ** np.floor(epoch / epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * decay_rate ** (step / decay_steps)


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    return lr_min + (lr_max - lr_min) * (1 + np.cos(step / t_max)) / 2

# %% bug: cosine_annealing caches its rates keyed on (step, lr_max, t_max), forgetting lr_min (right the first time a step is asked for, stale after)
# breaks: test_cosine_annealing
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    return initial_lr * drop ** np.floor(epoch / epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    return initial_lr * decay_rate ** (step / decay_steps)


_rates = {}


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    key = (step, lr_max, t_max)
    if key not in _rates:
        _rates[key] = lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * step / t_max)) / 2
    return _rates[key]

# %% bug: exponential_decay declares decay_rate before decay_steps, so positional calls swap the two
# breaks: test_exponential_decay
import numpy as np


def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    """initial_lr * drop ** floor(epoch / epochs_drop)."""
    return float(initial_lr * drop ** np.floor(epoch / epochs_drop))


def exponential_decay(step, initial_lr=0.1, decay_rate=0.96, decay_steps=10000):
    """initial_lr * decay_rate ** (step / decay_steps)."""
    return float(initial_lr * decay_rate ** (step / decay_steps))


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    """lr_min + (lr_max - lr_min) * (1 + cos(pi * step / t_max)) / 2."""
    return float(lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * step / t_max)) / 2)

# %% bug: step_decay casts epoch and epochs_drop to int, wrong for a fractional epochs_drop
# breaks: test_step_decay
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    """initial_lr * drop ** floor(epoch / epochs_drop)."""
    return float(initial_lr * drop ** (int(epoch) // int(epochs_drop)))


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    """initial_lr * decay_rate ** (step / decay_steps)."""
    return float(initial_lr * decay_rate ** (step / decay_steps))


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    """lr_min + (lr_max - lr_min) * (1 + cos(pi * step / t_max)) / 2."""
    return float(lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * step / t_max)) / 2)

# %% bug: (b) boilerplate validation insists on a Python int epoch/step and raises TypeError for numpy integers (np.arange) and for float epochs
# breaks: test_step_decay test_exponential_decay test_cosine_annealing
import math


def _check_count(value, name):
    """Validate an epoch or step counter."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must be non-negative, got {value}")


def step_decay(epoch: int, initial_lr: float = 0.1, drop: float = 0.5, epochs_drop: int = 10) -> float:
    """Staircase schedule: initial_lr * drop ** floor(epoch / epochs_drop)."""
    _check_count(epoch, "epoch")
    return float(initial_lr * drop ** (epoch // epochs_drop))


def exponential_decay(step: int, initial_lr: float = 0.1, decay_steps: int = 10000,
                      decay_rate: float = 0.96) -> float:
    """Smooth decay: initial_lr * decay_rate ** (step / decay_steps)."""
    _check_count(step, "step")
    return float(initial_lr * decay_rate ** (step / decay_steps))


def cosine_annealing(step: int, lr_max: float, t_max: int, lr_min: float = 0.0) -> float:
    """Half a cosine from lr_max at step 0 to lr_min at step t_max."""
    _check_count(step, "step")
    return float(lr_min + (lr_max - lr_min) * (1 + math.cos(math.pi * step / t_max)) / 2)

# %% bug: (f) generalises cosine annealing to SGDR-style warm restarts with step % t_max once step passes t_max, so beyond t_max the rate jumps back up to lr_max instead of following the formula
# breaks: test_cosine_annealing
import math


def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    """initial_lr * drop ** floor(epoch / epochs_drop)."""
    return float(initial_lr * drop ** math.floor(epoch / epochs_drop))


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    """initial_lr * decay_rate ** (step / decay_steps)."""
    return float(initial_lr * decay_rate ** (step / decay_steps))


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    """lr_min + (lr_max - lr_min) * (1 + cos(pi * step / t_max)) / 2."""
    if step > t_max:                        # warm restart: start a new cycle
        step = step % t_max
    return float(lr_min + (lr_max - lr_min) * (1 + math.cos(math.pi * step / t_max)) / 2)

# %% bug: numerically ambitious "exact" exponent with fractions.Fraction(step, decay_steps): raises TypeError for a float step such as 2500.5
# breaks: test_exponential_decay
from fractions import Fraction
import math


def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    """initial_lr * drop ** floor(epoch / epochs_drop)."""
    return float(initial_lr * drop ** (Fraction(epoch) // Fraction(epochs_drop)))


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    """initial_lr * decay_rate ** (step / decay_steps)."""
    exponent = Fraction(step, decay_steps)
    return float(initial_lr * decay_rate ** float(exponent))


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    """lr_min + (lr_max - lr_min) * (1 + cos(pi * step / t_max)) / 2."""
    return float(lr_min + (lr_max - lr_min) * (1 + math.cos(math.pi * step / t_max)) / 2)

# %% bug: after round() failed the visible tests the student floors with int(round(x - 0.49)), which rounds up when the fractional part of epoch / epochs_drop is about 0.99 or more (step_decay(199, epochs_drop=100) gives 0.025, not 0.05; step_decay(1995, epochs_drop=1000) likewise)
# breaks: test_step_decay
import math


def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    """initial_lr * drop ** floor(epoch / epochs_drop)."""
    stairs = int(round(epoch / epochs_drop - 0.49))   # round down
    return float(initial_lr * drop ** stairs)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    """initial_lr * decay_rate ** (step / decay_steps)."""
    return float(initial_lr * decay_rate ** (step / decay_steps))


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    """lr_min + (lr_max - lr_min) * (1 + cos(pi * step / t_max)) / 2."""
    return float(lr_min + (lr_max - lr_min) * (1 + math.cos(math.pi * step / t_max)) / 2)

# %% correct: Keras CosineDecay habit: the step is clamped to t_max, so past t_max the rate stays at lr_min (the notebook's schedule runs from step 0 to step t_max)
import math


def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    """initial_lr * drop ** floor(epoch / epochs_drop)."""
    return float(initial_lr * drop ** (epoch // epochs_drop))


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    """initial_lr * decay_rate ** (step / decay_steps)."""
    return float(initial_lr * decay_rate ** (step / decay_steps))


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    """lr_min + (lr_max - lr_min) * (1 + cos(pi * step / t_max)) / 2."""
    global_step = min(step, t_max)            # as in tf.keras.optimizers.schedules.CosineDecay
    cosine_decayed = 0.5 * (1 + math.cos(math.pi * global_step / t_max))
    return float(lr_min + (lr_max - lr_min) * cosine_decayed)

# %% bug: recursive, cached staircase that subtracts epochs_drop until the epoch is below it: a negative epoch returns initial_lr, and epochs beyond about 1000 * epochs_drop raise RecursionError
# breaks: test_step_decay
import functools
import math


@functools.cache
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    """initial_lr * drop ** floor(epoch / epochs_drop)."""
    if epoch < epochs_drop:
        return float(initial_lr)
    return drop * step_decay(epoch - epochs_drop, initial_lr, drop, epochs_drop)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    """initial_lr * decay_rate ** (step / decay_steps)."""
    return float(initial_lr * decay_rate ** (step / decay_steps))


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    """lr_min + (lr_max - lr_min) * (1 + cos(pi * step / t_max)) / 2."""
    return float(lr_min + (lr_max - lr_min) * (1 + math.cos(math.pi * step / t_max)) / 2)

# %% bug: step_decay floors the rate at 1e-6 "so it never vanishes", so late epochs (step_decay(200) = 0.1 * 0.5**20, about 9.5e-8) come back as 1e-6
# breaks: test_step_decay
def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    """initial_lr * drop ** floor(epoch / epochs_drop)."""
    return max(initial_lr * drop ** (epoch // epochs_drop), 1e-6)


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    """initial_lr * decay_rate ** (step / decay_steps)."""
    return initial_lr * decay_rate ** (step / decay_steps)


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    """lr_min + (lr_max - lr_min) * (1 + cos(pi * step / t_max)) / 2."""
    return lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * step / t_max)) / 2

# %% bug: exponential_decay caches decay_rate ** (step / decay_steps) in a module-level dict keyed on (step, decay_steps) only, so a later call with another decay_rate but the same step and decay_steps gets the stale factor (exponential_decay(10000, decay_rate=0.5) returns 0.096 after the visible test ran)
# breaks: test_exponential_decay
_decay_factors = {}


def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    """initial_lr * drop ** floor(epoch / epochs_drop)."""
    return float(initial_lr * drop ** np.floor(epoch / epochs_drop))


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    """initial_lr * decay_rate ** (step / decay_steps)."""
    key = (step, decay_steps)
    if key not in _decay_factors:
        _decay_factors[key] = decay_rate ** (step / decay_steps)
    return float(initial_lr * _decay_factors[key])


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    """lr_min + (lr_max - lr_min) * (1 + cos(pi * step / t_max)) / 2."""
    return float(lr_min + (lr_max - lr_min) * (1 + np.cos(np.pi * step / t_max)) / 2)

# %% bug: numerically naive: step_decay multiplies the epoch by a precomputed reciprocal 1 / epochs_drop before flooring, and e.g. 49 * (1 / 49) = 0.9999999999999999 floors to 0, so step_decay(49, 1.0, 0.5, 49) is 1.0 instead of 0.5
# breaks: test_step_decay
import math


def step_decay(epoch, initial_lr=0.1, drop=0.5, epochs_drop=10):
    """initial_lr * drop ** floor(epoch / epochs_drop)."""
    per_epoch = 1.0 / epochs_drop          # fraction of a drop per epoch
    return float(initial_lr * drop ** math.floor(epoch * per_epoch))


def exponential_decay(step, initial_lr=0.1, decay_steps=10000, decay_rate=0.96):
    """initial_lr * decay_rate ** (step / decay_steps)."""
    return float(initial_lr * decay_rate ** (step / decay_steps))


def cosine_annealing(step, lr_max, t_max, lr_min=0.0):
    """lr_min + (lr_max - lr_min) * (1 + math.cos(math.pi * step / t_max)) / 2."""
    return float(lr_min + (lr_max - lr_min) * (1 + math.cos(math.pi * step / t_max)) / 2)
