import math

import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=3, hidden_size=4, batch_first=True).double()
x = torch.randn(2, 1, 3, dtype=torch.float64)  # batch of 2, one time step
h0 = torch.randn(1, 2, 4, dtype=torch.float64)
c0 = torch.randn(1, 2, 4, dtype=torch.float64)
_, (h1, c1) = lstm(x, (h0, c0))


def lstm_step(gate):
    """One LSTM step written out; PyTorch stacks the gates in the order input, forget, cell, output."""
    pre = x[:, 0] @ lstm.weight_ih_l0.T + lstm.bias_ih_l0 + h0[0] @ lstm.weight_hh_l0.T + lstm.bias_hh_l0
    i, f, g, o = pre.chunk(4, dim=1)
    c = gate(f) * c0[0] + gate(i) * torch.tanh(g)  # gates multiply; tanh makes the candidate
    return gate(o) * torch.tanh(c), c


h_sig, c_sig = lstm_step(torch.sigmoid)
h_tanh, c_tanh = lstm_step(torch.tanh)
print(f"max |nn.LSTM - hand-written step with logistic gates| = {(h1[0] - h_sig).abs().max():.1e}")
print(f"max |nn.LSTM - hand-written step with tanh gates|     = {(h1[0] - h_tanh).abs().max():.1e}")
assert torch.allclose(h1[0], h_sig, atol=1e-12) and torch.allclose(c1[0], c_sig, atol=1e-12)
assert not torch.allclose(h1[0], h_tanh, atol=1e-3)
# nn.GRU: reset and update gates r, u logistic; candidate n tanh
gru = nn.GRU(input_size=3, hidden_size=4, batch_first=True).double()
_, h1_gru = gru(x, h0)
gi = x[:, 0] @ gru.weight_ih_l0.T + gru.bias_ih_l0
gh = h0[0] @ gru.weight_hh_l0.T + gru.bias_hh_l0
(i_r, i_u, i_n), (h_r, h_u, h_n) = gi.chunk(3, dim=1), gh.chunk(3, dim=1)
r, u = torch.sigmoid(i_r + h_r), torch.sigmoid(i_u + h_u)
n = torch.tanh(i_n + r * h_n)
h_gru = (1 - u) * n + u * h0[0]
print(f"max |nn.GRU - hand-written step with logistic gates|  = {(h1_gru[0] - h_gru).abs().max():.1e}")
assert torch.allclose(h1_gru[0], h_gru, atol=1e-12)

# a tanh "gate" can be negative: it would flip the sign of the memory instead of keeping a fraction of it
pre_f = torch.tensor([-2.0, 0.0, 2.0])
print("pre-activation of the forget gate:", pre_f.tolist())
print("logistic gate:", [round(v, 3) for v in torch.sigmoid(pre_f).tolist()], " (a fraction of c kept, in (0, 1))")
print("tanh 'gate':   ", [round(v, 3) for v in torch.tanh(pre_f).tolist()], " (negative: flips the sign of c)")
assert (torch.sigmoid(pre_f) > 0).all() and (torch.tanh(pre_f) < 0).any()

# nn.RNN's default is tanh, and a plain tanh RNN's gradient through time is multiplied at every step by
# diag(tanh') and the recurrent weights W_hh: it can vanish or explode. One random RNN per seed, its W_hh
# as initialised by PyTorch, then the same W_hh rescaled to spectral radius 1.5, 2, 3 and 4.
RADII = [None, 1.5, 2.0, 3.0, 4.0]  # None: PyTorch's initialisation
reach = {r: {1: [], 10: [], 50: []} for r in RADII}  # |d h_T / d x_1|: how much the first input moves the last state
default_radius = []
for seed in range(5):
    torch.manual_seed(seed)
    rnn = torch.nn.RNN(8, 32, dtype=torch.float64)
    w_hh = rnn.weight_hh_l0.detach().clone()
    radius = torch.linalg.eigvals(w_hh).abs().max().item()
    default_radius.append(radius)
    seqs = {T: torch.randn(T, 1, 8, dtype=torch.float64) for T in (1, 10, 50)}
    for r in RADII:
        with torch.no_grad():
            rnn.weight_hh_l0.copy_(w_hh if r is None else w_hh * (r / radius))
        for T, seq in seqs.items():
            seq = seq.clone().requires_grad_(True)
            (g,) = torch.autograd.grad(rnn(seq)[0][-1].sum(), seq)
            reach[r][T].append(g[0].norm().item())
grow = {r: {T: [a / b for a, b in zip(reach[r][T], reach[r][1], strict=True)] for T in (10, 50)} for r in RADII}
print(
    f"nn.RNN (nonlinearity={rnn.nonlinearity!r}), seeds 0 to 4: spectral radius of W_hh as initialised "
    f"{min(default_radius):.2f} to {max(default_radius):.2f}"
)
print("|d h_50 / d x_1| relative to T = 1, per seed:")
for r in RADII:
    name = "as initialised" if r is None else f"radius {r}"
    print(f"  {name:15}" + ", ".join(f"{v:.1e}" for v in grow[r][50]))
after10, after50 = max(grow[None][10]), max(grow[None][50])  # PyTorch's initialisation: vanishes
print(
    f"as initialised: at most {after10:.1e} for T = 10 and {after50:.1e} for T = 50; bounds 1e-2 and 1e-10, "
    f"margin {min(math.log10(1e-2 / after10), math.log10(1e-10 / after50)):.2f} decades"
)
assert rnn.nonlinearity == "tanh" and max(default_radius) < 1 and after10 < 1e-2 and after50 < 1e-10
exploded = min(v for r in (3.0, 4.0) for v in grow[r][50])  # radius 3 and 4: explodes on every seed
print(
    f"radius 3 and 4: grows more than 100-fold over 50 steps on every seed, margin "
    f"{math.log10(exploded / 100):.2f} decades"
)
assert exploded > 100
# a radius above 1 is necessary for exploding, not sufficient: tanh saturates, which caps the growth
kept = grow[1.5][50]
print(
    f"radius 1.5: within a factor 10 of T = 1 on every seed (neither vanishes nor explodes), margin "
    f"{math.log10(10 / max(max(kept), 1 / min(kept))):.2f} decades; radius 2: grows on "
    f"{sum(v > 1 for v in grow[2.0][50])} of 5 seeds"
)
assert all(0.1 < v < 10 for v in kept)
