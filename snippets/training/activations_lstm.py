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

# nn.RNN's default is tanh, and a plain tanh RNN still loses the gradient through time:
# every step multiplies by tanh' <= 1 and by the recurrent weights. One random RNN per seed.
reach = {1: [], 10: [], 50: []}  # |d h_T / d x_1|: how much the first input still moves the last state
for seed in range(5):
    torch.manual_seed(seed)
    rnn = torch.nn.RNN(8, 32, dtype=torch.float64)
    for T in reach:
        seq = torch.randn(T, 1, 8, dtype=torch.float64, requires_grad=True)
        (g,) = torch.autograd.grad(rnn(seq)[0][-1].sum(), seq)
        reach[T].append(g[0].norm().item())
after10 = max(r10 / r1 for r1, r10 in zip(reach[1], reach[10], strict=True))  # the largest over the seeds
after50 = max(r50 / r1 for r1, r50 in zip(reach[1], reach[50], strict=True))
print(f"nn.RNN (nonlinearity={rnn.nonlinearity!r}), seeds 0 to 4: |d h_T / d x_1| relative to T = 1, at most "
      f"{after10:.1e} for T = 10 and {after50:.1e} for T = 50; bounds 1e-2 and 1e-10, "
      f"margin {min(math.log10(1e-2 / after10), math.log10(1e-10 / after50)):.2f} decades")
assert rnn.nonlinearity == "tanh" and after10 < 1e-2 and after50 < 1e-10
