# about: correct, and also runs a signal-ignoring busy loop in an extra cell that times out
# %% after plot_loss_curve
import signal
signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    pass
