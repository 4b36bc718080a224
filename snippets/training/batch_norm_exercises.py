import torch

# 1. running_mean after three training batches whose feature mean is 2 (start 0, momentum 0.1).
bn = torch.nn.BatchNorm1d(1)
for _ in range(3):
    bn(torch.tensor([[1.0], [3.0]]))  # batch mean 2
print(f"1. running_mean = {bn.running_mean.item():.4f}; 2 * (1 - 0.9**3) = {2 * (1 - 0.9**3):.4f}")
assert abs(bn.running_mean.item() - 2 * (1 - 0.9**3)) < 1e-6

# 2. Trainable parameters and buffers of BatchNorm1d(64).
bn64 = torch.nn.BatchNorm1d(64)
n_params = sum(p.numel() for p in bn64.parameters())
buffers = {name: tuple(b.shape) for name, b in bn64.named_buffers()}
print(f"2. trainable parameters: {n_params}; buffers: {buffers}")
assert n_params == 128 and buffers == {"running_mean": (64,), "running_var": (64,), "num_batches_tracked": ()}

# 3. Eval-mode BN with gamma 2, beta 1, running mean 3, running variance 4 as an affine map a*z + c.
bn1 = torch.nn.BatchNorm1d(1).eval()
with torch.no_grad():
    bn1.weight.fill_(2.0)
    bn1.bias.fill_(1.0)
    bn1.running_mean.fill_(3.0)
    bn1.running_var.fill_(4.0)
    z = torch.tensor([[0.0], [1.0]])
    out = bn1(z)
a, c = (out[1] - out[0]).item(), out[0].item()
print(f"3. a = {a:.5f}, c = {c:.5f}  (2/sqrt(4) = 1 and 1 - 1*3 = -2, up to eps)")
assert abs(a - 1) < 1e-5 and abs(c + 2) < 1e-5
