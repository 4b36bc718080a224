import torch
from torch import nn

torch.manual_seed(0)
worst = 0.0
for n_out, n_in in ((1024, 256), (256, 1024), (512, 512)):
    w = torch.empty(n_out, n_in)
    he = nn.init.kaiming_normal_(w, nonlinearity="relu").var().item()  # 2 / n_in
    glorot = nn.init.xavier_normal_(w).var().item()  # 2 / (n_in + n_out)
    predicted = (n_in + n_out) / n_in
    worst = max(worst, abs(he / glorot / predicted - 1))
    print(
        f"n_in {n_in:4d}, n_out {n_out:4d}: Var(He) / Var(Glorot) = {he / glorot:.3f} "
        f"((n_in + n_out) / n_in = {predicted:.3f})"
    )
print(f"within 3% of (n_in + n_out) / n_in: margin {0.03 - worst:.3f}; it is 2 only for the square layer")
assert worst < 0.03
