import itertools

import torch

p, n_in = 0.5, 10
w = torch.tensor([1.0, -1.0] * 5, dtype=torch.float64)  # w . x = 0 for x = ones
x = torch.ones(n_in, dtype=torch.float64)
masks = torch.tensor(list(itertools.product([0.0, 1.0], repeat=n_in)), dtype=torch.float64)
prob = (1 - p) ** masks.sum(1) * p ** (n_in - masks.sum(1))
z = (masks * x) @ w / (1 - p)  # inverted dropout on the inputs of one unit

# Linear unit: the weight-scaled (here: plain eval) network gives the exact ensemble mean.
print(f"linear: E[z] = {(prob @ z).item():.6f}, eval-mode z = {(w @ x).item():.6f}")
assert abs((prob @ z).item() - (w @ x).item()) < 1e-12

# ReLU unit: the ensemble mean E[relu(z)] is not relu(E[z]).
ensemble = (prob @ torch.relu(z)).item()
scaled = torch.relu(w @ x).item()
print(
    f"ReLU:   E[relu(z)] = {ensemble:.6f}, eval-mode relu(w.x) = {scaled:.6f}; "
    f"bound 0.5 on the difference, margin {ensemble - scaled - 0.5:.3f}"
)
assert ensemble - scaled > 0.5, "weight scaling is only an approximation through a nonlinearity"

# Softmax of one linear layer: weight scaling is exact for the renormalised geometric mean
# of the ensemble (Goodfellow et al., 2016, section 7.12), but not for the arithmetic mean.
# Weights and input drawn at random, for seeds 0 to 4.
gaps = []
for seed in range(5):
    torch.manual_seed(seed)
    W = torch.randn(4, n_in, dtype=torch.float64)
    x = torch.randn(n_in, dtype=torch.float64)
    logp = torch.log_softmax((masks * x) @ W.T / (1 - p), dim=1)
    geometric = torch.softmax(prob @ logp, dim=0)  # renormalised weighted geometric mean
    arithmetic = prob @ logp.exp()
    eval_mode = torch.softmax(W @ x, dim=0)
    if seed == 0:
        print(
            "softmax, seed 0: geometric mean",
            geometric.numpy().round(4),
            " eval mode",
            eval_mode.numpy().round(4),
            " arithmetic mean",
            arithmetic.numpy().round(4),
        )
    assert torch.allclose(geometric, eval_mode, atol=1e-12)
    gaps.append((arithmetic - eval_mode).abs().max().item())
print(
    "seeds 0 to 4: geometric mean = eval mode to 1e-12; max |arithmetic mean - eval mode| =",
    ", ".join(f"{g:.3f}" for g in gaps),
    f"| bound 0.01, margin {min(gaps) - 0.01:.3f}",
)
assert min(gaps) > 0.01
