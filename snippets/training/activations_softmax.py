import torch

torch.manual_seed(0)
logits = 3 * torch.randn(1000, 5, dtype=torch.float64)  # 1000 examples, 5 classes
p = torch.softmax(logits, dim=1)
print(f"min probability {p.min():.2e}; row sums in [{p.sum(1).min():.15f}, {p.sum(1).max():.15f}]")
assert (p > 0).all() and torch.allclose(p.sum(1), torch.ones(1000, dtype=torch.float64), atol=1e-12)

# shift invariance: adding the same constant c to every logit of a row changes nothing
c = 100 * torch.randn(1000, 1, dtype=torch.float64)
gap = (torch.softmax(logits + c, dim=1) - p).abs().max().item()
print(f"max |softmax(z + c) - softmax(z)| = {gap:.1e}")
assert gap < 1e-12

# ... which is why implementations subtract max(z) first: exp(1000) overflows
z = torch.tensor([1000.0, 1001.0], dtype=torch.float64)
naive = torch.exp(z) / torch.exp(z).sum()
print(f"naive exp(z)/sum exp(z) = {naive.tolist()};  torch.softmax = {torch.softmax(z, 0).tolist()}")
expected = torch.sigmoid(torch.tensor([-1.0, 1.0], dtype=torch.float64))  # same as softmax of (0, 1)
assert torch.isnan(naive).all() and torch.allclose(torch.softmax(z, 0), expected)

# two classes: softmax(z1, z2)_1 = 1 / (1 + exp(z2 - z1)) = σ(z1 - z2)
two = logits[:, :2]
gap2 = (torch.softmax(two, dim=1)[:, 0] - torch.sigmoid(two[:, 0] - two[:, 1])).abs().max().item()
print(f"max |softmax(z1, z2)_1 - σ(z1 - z2)| = {gap2:.1e}")
assert gap2 < 1e-12
