z = torch.tensor([-10.0, -5.0, 0.5], requires_grad=True)
(d,) = torch.autograd.grad(torch.selu(z).sum(), z)
print("selu'(z) at z = -10, -5, 0.5:", [f"{v:.2e}" for v in d.tolist()])
assert d[0] < 1e-4 and abs(d[2] - 1.0507) < 1e-4  # saturates on the left; slope lambda > 1 on the right
relu_he, selu_lecun = grow["ReLU, He init"], grow["SELU, LeCun init"]  # the same seeds, paired
print(
    "|dL/dz| layer 1 / layer 50 per seed: ReLU + He "
    + ", ".join(f"{v:.2f}" for v in relu_he)
    + ";  SELU + LeCun "
    + ", ".join(f"{v:.2f}" for v in selu_lecun)
)
lead = min(s / r for s, r in zip(selu_lecun, relu_he, strict=True))
print(f"SELU's ratio above ReLU's on every seed: smallest factor {lead:.2f}, margin {lead - 1:.2f}")
assert min(relu_he) > 0.5 and lead > 1
