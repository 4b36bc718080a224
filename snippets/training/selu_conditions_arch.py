skip = stack(torch.selu, LECUN, x, residual=True, backward=False)  # h <- h + selu(W h)
print(f"SELU with skip connections h + selu(Wh): variance at layer 10 = {skip['var'][9]:.3g}, "
      f"at layer 50 = {skip['var'][-1]:.3g}; mean at layer 50 = {skip['mean'][-1]:.3g}")
assert skip["var"][-1] > 1e6  # the sum is not a SELU layer: no fixed point at (0, 1)

for k in (0.75, 1.0, math.sqrt(2), 2.0):  # weight std = k / sqrt(n_in)
    r = stack(torch.selu, k, x, backward=False)
    print(f"SELU, weight std {k:.3f}/sqrt(n_in): layer 50 mean {r['mean'][-1]:9.3g}, variance {r['var'][-1]:9.3g}")
    if k == 1.0:
        assert abs(r["var"][-1] - 1) < 0.1
    else:
        assert abs(r["var"][-1] - 1) > 0.5  # any other scale: another (or no) fixed point
