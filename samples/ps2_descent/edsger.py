# about: classify_alpha puts alpha = 0.5 on the wrong side of the boundary
# breaks: test_classify_alpha
# %% classify_alpha
def classify_alpha(alpha):
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    if alpha < 0.5:
        return "monotone"
    if alpha < 1:
        return "oscillating"
    if alpha == 1:
        return "cycling"
    return "divergent"
