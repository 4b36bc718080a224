import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(32, 8)
lin = nn.Linear(8, 4)
bn = nn.BatchNorm1d(4)  # training mode: normalises with the batch mean
out_default = bn(lin(x))
with torch.no_grad():
    lin.bias.fill_(5.0)
out_shifted = bn(lin(x))
diff = (out_default - out_shifted).abs().max().item()
# Equal up to float32 rounding: near 5, float32 numbers are 4.8e-7 apart.
print(f"bias changed from U(-a, a) to 5: largest change of the BN output = {diff:.1e}, margin {1e-4 - diff:.1e}")
assert diff < 1e-4, "a bias just before batch norm is removed by the mean subtraction"
