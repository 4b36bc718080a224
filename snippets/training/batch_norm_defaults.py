import torch

bn = torch.nn.BatchNorm1d(8)
print(
    f"eps={bn.eps}, momentum={bn.momentum}, affine={bn.affine}, track_running_stats={bn.track_running_stats}, "
    f"training={bn.training}"
)
assert (bn.eps, bn.momentum, bn.affine, bn.track_running_stats, bn.training) == (1e-5, 0.1, True, True, True)
assert torch.equal(bn.weight.data, torch.ones(8)) and torch.equal(bn.bias.data, torch.zeros(8))  # gamma, beta
assert torch.equal(bn.running_mean, torch.zeros(8)) and torch.equal(bn.running_var, torch.ones(8))

try:  # a batch of one sample, one value per channel, in training mode
    bn(torch.randn(1, 8))
    raised = None
except ValueError as err:
    raised = str(err)
print("BatchNorm1d, batch of 1, train mode ->", raised)
assert raised is not None and "more than 1 value per channel" in raised

bn.eval()
print("BatchNorm1d, batch of 1, eval mode -> output shape", tuple(bn(torch.randn(1, 8)).shape))
out2d = torch.nn.BatchNorm2d(3)(torch.randn(1, 3, 4, 4))  # 16 values per channel: allowed
out1d = torch.nn.BatchNorm1d(3)(torch.randn(1, 3, 5))  # one sample of length 5: 5 values per channel, allowed
print("BatchNorm2d, batch of 1 image of 4x4, train mode -> output shape", tuple(out2d.shape))
assert torch.allclose(out1d.mean(dim=(0, 2)), torch.zeros(3), atol=1e-5)  # normalised over the 5 positions
# BatchNorm2d: one mean and variance per channel, over the batch and all positions.
assert torch.allclose(out2d.mean(dim=(0, 2, 3)), torch.zeros(3), atol=1e-5)
assert torch.allclose(out2d.var(dim=(0, 2, 3), unbiased=False), torch.ones(3), atol=1e-3)
