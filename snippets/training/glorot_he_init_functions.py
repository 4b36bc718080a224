import inspect
import math

import torch
from torch import nn


def fans(w):
    """n_in and n_out of a weight tensor: a convolution (C_out, C_in, K, K) counts C_in K^2 and C_out K^2."""
    receptive = w[0, 0].numel()
    return w.shape[1] * receptive, w.shape[0] * receptive


torch.manual_seed(0)
dense, conv = torch.empty(256, 1024), torch.empty(256, 128, 3, 3)  # (n_out, n_in) and (C_out, C_in, K, K)
he_in, he_out = (lambda i, o: 2 / i), (lambda i, o: 2 / o)
glorot = lambda i, o: 2 / (i + o)  # noqa: E731
cases = [  # (name, tensor, initialiser, variance formula, uniform bound formula or None)
    ("kaiming_normal_, fan_in", dense, lambda w: nn.init.kaiming_normal_(w, nonlinearity="relu"), he_in, None),
    (
        "kaiming_uniform_, fan_in",
        dense,
        lambda w: nn.init.kaiming_uniform_(w, nonlinearity="relu"),
        he_in,
        lambda i, o: math.sqrt(6 / i),
    ),
    ("kaiming_normal_(w), defaults", dense, nn.init.kaiming_normal_, he_in, None),  # leaky_relu with a = 0
    (
        "kaiming_normal_, fan_out",
        dense,
        lambda w: nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu"),
        he_out,
        None,
    ),
    ("xavier_uniform_", dense, nn.init.xavier_uniform_, glorot, lambda i, o: math.sqrt(6 / (i + o))),
    ("xavier_normal_", dense, nn.init.xavier_normal_, glorot, None),
    ("kaiming_normal_, conv fan_in", conv, lambda w: nn.init.kaiming_normal_(w, nonlinearity="relu"), he_in, None),
    (
        "kaiming_normal_, conv fan_out",
        conv,
        lambda w: nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu"),
        he_out,
        None,
    ),
    ("xavier_uniform_, conv", conv, nn.init.xavier_uniform_, glorot, lambda i, o: math.sqrt(6 / (i + o))),
]
worst = 0.0
for name, w, init, var, bound in cases:
    init(w)
    ratio = w.var().item() / var(*fans(w))
    line = f"{name:30s} n_in, n_out = {str(fans(w)):12s} Var(w) / formula = {ratio:.4f}"
    worst = max(worst, abs(ratio - 1))
    if bound is not None:
        edge = w.abs().max().item() / bound(*fans(w))
        line += f"; largest |w| / bound = {edge:.5f}"
        assert 0.999 < edge <= 1
    print(line)
print(f"every variance within 2% of its formula: margin {0.02 - worst:.4f}")
assert worst < 0.02

# calculate_gain against the formulas
gains = {
    "linear": 1,
    "conv2d": 1,
    "sigmoid": 1,
    "tanh": 5 / 3,
    "relu": math.sqrt(2),
    "selu": 3 / 4,
    "leaky_relu": math.sqrt(2 / (1 + 0.01**2)),  # default slope 0.01
}
for name, value in gains.items():
    assert math.isclose(nn.init.calculate_gain(name), value, rel_tol=1e-12), name
assert math.isclose(nn.init.calculate_gain("leaky_relu", 0.2), math.sqrt(2 / (1 + 0.2**2)), rel_tol=1e-12)
for name in ("conv1d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d"):
    assert nn.init.calculate_gain(name) == 1, name  # every convolution, like linear
print("calculate_gain:", ", ".join(f"{k} {nn.init.calculate_gain(k):.4f}" for k in gains))
# What the installed docstring says about SELU, and where its 3/4 comes from (a comment in the source)
doc = " ".join(nn.init.calculate_gain.__doc__.split())
assert "you should use ``nonlinearity='linear'`` instead of ``nonlinearity='selu'``" in doc
assert "This gives the initial weights a variance of ``1 / N``" in doc
assert "the default gain for ``SELU`` sacrifices the normalization effect" in doc
assert "Value found empirically" in inspect.getsource(nn.init.calculate_gain)
print("docstring: use nonlinearity='linear' (variance 1 / N) for self-normalising networks, not 'selu'")
