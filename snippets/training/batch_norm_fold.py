import torch

torch.manual_seed(0)
linear, bn = torch.nn.Linear(5, 3, dtype=torch.float64), torch.nn.BatchNorm1d(3, dtype=torch.float64)
with torch.no_grad():
    bn.weight.uniform_(0.5, 2.0)  # gamma
    bn.bias.uniform_(-1.0, 1.0)  # beta (the shift)
    for _ in range(20):  # training-mode passes fill the running statistics
        bn(linear(torch.randn(16, 5, dtype=torch.float64) * 3 + 1))
bn.eval()

# Eval mode: y = a * z + c with a = gamma / sqrt(running_var + eps), c = beta - a * running_mean.
a = bn.weight / torch.sqrt(bn.running_var + bn.eps)
c = bn.bias - a * bn.running_mean
# Folded into the linear layer: W' = diag(a) W, b' = a * b + c.
folded = torch.nn.Linear(5, 3, dtype=torch.float64)
with torch.no_grad():
    folded.weight.copy_(a[:, None] * linear.weight)
    folded.bias.copy_(a * linear.bias + c)

x = torch.randn(7, 5, dtype=torch.float64)
with torch.no_grad():
    z = linear(x)
    diff_affine = (bn(z) - (a * z + c)).abs().max().item()
    diff_folded = (bn(z) - folded(x)).abs().max().item()
print(f"eval-mode BN vs the affine map a*z + c: max |difference| = {diff_affine:.1e}")
print(f"Linear then eval-mode BN vs one folded Linear: max |difference| = {diff_folded:.1e}")
assert diff_affine < 1e-12 and diff_folded < 1e-12
