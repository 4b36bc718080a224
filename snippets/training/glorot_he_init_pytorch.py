import inspect
import math

import torch
from torch import nn

# What the installed PyTorch calls: the same line in nn.Linear and in every convolution (_ConvNd).
call = "kaiming_uniform_(self.weight, a=math.sqrt(5))"
for cls in (nn.Linear, nn.modules.conv._ConvNd):
    assert call in inspect.getsource(cls.reset_parameters), cls
comment = " ".join(inspect.getsource(nn.Linear.reset_parameters).replace("#", " ").split())
assert "a=sqrt(5) in kaiming_uniform is the same as initializing with uniform(-1/sqrt(in_features)," in comment
print(f"nn.Linear and nn.Conv2d reset_parameters: init.{call}")
# a is read as a leaky-ReLU slope: gain^2 = 2 / (1 + 5) = 1/3, bound = sqrt(3) gain / sqrt(n_in) = 1 / sqrt(n_in)
gain = nn.init.calculate_gain("leaky_relu", math.sqrt(5))
print(f"gain for slope sqrt(5): {gain:.4f}, gain^2 = {gain**2:.4f}: Var(w) = gain^2 / n_in = 1 / (3 n_in)")
assert math.isclose(gain**2, 1 / 3, rel_tol=1e-12)

torch.manual_seed(0)
worst = 0.0
for layer in (nn.Linear(512, 256), nn.Conv2d(64, 128, 3)):
    w = layer.weight.detach()
    n_in = w[0].numel()  # fan-in: 512 inputs, or C_in K^2 = 64 * 9 = 576
    var = w.var().item()
    bound = w.abs().max().item() * math.sqrt(n_in)  # largest |w| in units of 1 / sqrt(n_in)
    print(
        f"{type(layer).__name__:6s} n_in {n_in}: Var(w) * n_in = {var * n_in:.4f} (1/3 = {1 / 3:.4f}; "
        f"He would be 2, LeCun 1); largest |w| = {bound:.4f} / sqrt(n_in)"
    )
    worst = max(worst, abs(var * 3 * n_in - 1))
    assert 0.999 < bound <= 1, "uniform on [-1/sqrt(n_in), 1/sqrt(n_in)]"
print(f"Var(w) within 2% of 1 / (3 n_in) for both: margin {0.02 - worst:.4f}")
assert worst < 0.02, "PyTorch's default weight variance is 1 / (3 n_in): a third of LeCun's, a sixth of He's"
