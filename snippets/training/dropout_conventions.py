import itertools

import torch

torch.manual_seed(0)
p, n_in, n_out = 0.3, 10, 3
W = torch.randn(n_out, n_in, dtype=torch.float64)
x = torch.randn(n_in, dtype=torch.float64)

# Every one of the 2**10 masks m (1 = kept) with its probability (1-p)^kept * p^dropped.
masks = torch.tensor(list(itertools.product([0.0, 1.0], repeat=n_in)), dtype=torch.float64)
prob = (1 - p) ** masks.sum(1) * p ** (n_in - masks.sum(1))
assert abs(prob.sum().item() - 1) < 1e-12

z_original = (masks * x) @ W.T  # original dropout, training: no scaling
z_inverted = (masks * x) @ W.T / (1 - p)  # inverted dropout, training: survivors scaled by 1/(1-p)

# Exact expectations over masks against each convention's test-time rule.
E_original = prob @ z_original
E_inverted = prob @ z_inverted
test_original = ((1 - p) * W) @ x  # original rule: weights times (1-p) at test time
test_inverted = W @ x  # inverted rule: nothing at test time
print("E[z] original  :", E_original.numpy().round(6), " test rule (1-p)Wx:", test_original.numpy().round(6))
print("E[z] inverted  :", E_inverted.numpy().round(6), " test rule Wx     :", test_inverted.numpy().round(6))
assert torch.allclose(E_original, test_original, atol=1e-12)
assert torch.allclose(E_inverted, test_inverted, atol=1e-12)

# For every mask the two conventions differ by the constant factor 1/(1-p), so a network
# trained with inverted dropout and weights (1-p)W is the same function as the original one.
gap = (z_inverted - z_original / (1 - p)).abs().max().item()
print(f"max |z_inverted - z_original/(1-p)| over all {len(masks)} masks: {gap:.1e}")
assert gap < 1e-12
same = (masks * x) @ ((1 - p) * W).T / (1 - p)  # inverted dropout with weights (1-p)W
print(
    "inverted dropout with weights (1-p)W reproduces the original network for every mask:",
    torch.allclose(same, z_original, atol=1e-12),
)
assert torch.allclose(same, z_original, atol=1e-12)

# As functions they are equal; as parameters they are not: for the same mask, the gradient with
# respect to the inverted network's weights is 1/(1-p) times the original network's.
W_orig = W.clone().requires_grad_()
W_inv = ((1 - p) * W).requires_grad_()
m = masks[123]
((m * x) @ W_orig.T).sum().backward()
((m * x) @ W_inv.T / (1 - p)).sum().backward()
assert torch.allclose(W_inv.grad, W_orig.grad / (1 - p), atol=1e-12)
