import torch

torch.manual_seed(0)
x = torch.randn(4, 3, dtype=torch.float64) * 2 + 1  # a batch of m_B = 4 samples, 3 features
x[:, 2] = 5.0  # the third feature is constant in this batch
bn = torch.nn.BatchNorm1d(3, dtype=torch.float64)  # running_var starts at 1, momentum 0.1
y = bn(x).detach()
biased, unbiased = x.var(0, unbiased=False), x.var(0, unbiased=True)

# The output is normalised with the biased batch variance, eps inside the square root:
assert torch.allclose(y, (x - x.mean(0)) / torch.sqrt(biased + bn.eps))
std_out = y.std(0, unbiased=False)
print("per-feature std of the output:", std_out.numpy().round(6), "(eps keeps it below 1; 0 for the constant feature)")
assert torch.all(std_out[:2] < 1) and torch.all(std_out[:2] > 0.9999) and torch.all(y[:, 2] == 0)

# The running variance is updated with the unbiased batch variance:
print("running_var after one step:   ", bn.running_var.numpy().round(4))
print("0.9 + 0.1 * unbiased variance:", (0.9 + 0.1 * unbiased).numpy().round(4))
print("0.9 + 0.1 * biased variance:  ", (0.9 + 0.1 * biased).numpy().round(4))
assert torch.allclose(bn.running_var, 0.9 + 0.1 * unbiased)
assert not torch.allclose(bn.running_var[:2], 0.9 + 0.1 * biased[:2], atol=1e-3)
