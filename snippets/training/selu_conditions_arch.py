skip = stack(torch.selu, LECUN, x, residual=True, backward=False)  # h <- h + selu(W h), weights of seed 1
print(
    f"SELU with skip connections h + selu(Wh): variance at layer 10 = {skip['var'][9]:.3g}, "
    f"at layer 50 = {skip['var'][-1]:.3g}; mean at layer 50 = {skip['mean'][-1]:.3g}"
)
print(f"above 1e6: margin {math.log10(skip['var'][-1] / 1e6):.1f} decades")
assert skip["var"][-1] > 1e6  # the sum is not a SELU layer: no fixed point at (0, 1)

off = {}
for k in (0.75, 1.0, math.sqrt(2), 2.0):  # weight std = k / sqrt(n_in)
    r = stack(torch.selu, k, x, backward=False)
    off[k] = abs(r["var"][-1] - 1)
    print(f"SELU, weight std {k:.3f}/sqrt(n_in): layer 50 mean {r['mean'][-1]:9.3g}, variance {r['var'][-1]:9.3g}")
others = min(v for k, v in off.items() if k != 1.0)
print(
    f"|variance - 1| at layer 50: below 0.1 for std 1/sqrt(n_in), margin {0.1 - off[1.0]:.3f}; "
    f"above 0.5 for every other scale, margin {others - 0.5:.3f}"
)
assert off[1.0] < 0.1
assert all(v > 0.5 for k, v in off.items() if k != 1.0)  # any other scale: another (or no) fixed point
