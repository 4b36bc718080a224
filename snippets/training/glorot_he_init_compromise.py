import torch
from torch import nn

SEEDS, BATCH = range(5), 64
INITS = {  # Glorot's linear regime: gain 1, no activation
    "fan-in (LeCun)": (lambda w: nn.init.kaiming_normal_(w, nonlinearity="linear"), lambda i, o: 1 / i),
    "fan-out": (lambda w: nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="linear"), lambda i, o: 1 / o),
    "Glorot": (nn.init.xavier_normal_, lambda i, o: 2 / (i + o)),
}
worst, rows = 0.0, {}
for n_in, n_out in ((256, 1024), (1024, 256)):
    for name, (init, var) in INITS.items():
        fwd, bwd = [], []
        for seed in SEEDS:
            torch.manual_seed(seed)
            W = init(torch.empty(n_out, n_in))
            x = torch.randn(BATCH, n_in, requires_grad=True)
            z = x @ W.T
            g = torch.randn(BATCH, n_out)  # dL/dz for L = sum(z * g)
            (z * g).sum().backward()
            fwd.append((z.detach().square().mean() / x.detach().square().mean()).item())
            bwd.append((x.grad.square().mean() / g.square().mean()).item())
        f, b = sum(fwd) / len(fwd), sum(bwd) / len(bwd)  # mean over the five seeds
        pf, pb = n_in * var(n_in, n_out), n_out * var(n_in, n_out)  # the derivation: n_in Var(w), n_out Var(w)
        worst = max(worst, abs(f / pf - 1), abs(b / pb - 1))
        rows[n_in, n_out, name] = f, b
        print(
            f"{n_in:4d} -> {n_out:4d}, {name:14s} forward Var(z)/Var(x) {f:.3f} ({pf:.3f})   "
            f"backward {b:.3f} ({pb:.3f})   mean of the two {(f + b) / 2:.3f}"
        )
print(f"measured within 5% of n_in Var(w) forward and n_out Var(w) backward: margin {0.05 - worst:.3f}")
assert worst < 0.05
glorot_mean = [sum(rows[n_in, n_out, "Glorot"]) / 2 for n_in, n_out in ((256, 1024), (1024, 256))]
print(f"Glorot: forward and backward factors average to 1 (margin {0.05 - max(abs(m - 1) for m in glorot_mean):.3f})")
assert all(abs(m - 1) < 0.05 for m in glorot_mean)
