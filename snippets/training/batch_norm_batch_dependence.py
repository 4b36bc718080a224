import torch

torch.manual_seed(0)
bn = torch.nn.BatchNorm1d(3)
sample = torch.randn(1, 3)
batch_a = torch.cat([sample, torch.randn(7, 3)])  # the same first sample...
batch_b = torch.cat([sample, torch.randn(7, 3) * 3 + 2])  # ...with other companions

out_a, out_b = bn(batch_a)[0], bn(batch_b)[0]  # training mode (the default)
print("train mode, sample 0 in batch A:", out_a.detach().numpy().round(3))
print("train mode, sample 0 in batch B:", out_b.detach().numpy().round(3))
assert (out_a - out_b).abs().max() > 0.1  # depends on the other samples of the batch

bn.eval()
with torch.no_grad():
    eval_a, eval_b, alone = bn(batch_a)[0], bn(batch_b)[0], bn(sample)[0]
print(
    "eval mode, in batch A, in batch B, alone:",
    eval_a.numpy().round(3),
    eval_b.numpy().round(3),
    alone.numpy().round(3),
)
assert torch.equal(eval_a, eval_b) and torch.allclose(eval_a, alone)  # depends on this sample only

# With m_B = 2 each feature is normalised to -1 or +1 (up to eps), whatever the two inputs are.
bn.train()
pair = torch.tensor([[0.3, -7.0, 100.0], [2.0, 5.0, 101.0]])
print("train mode, a batch of two:", bn(pair).detach().numpy().round(4).tolist())
assert torch.allclose(bn(pair).abs(), torch.ones(2, 3), atol=1e-3)
