z = torch.tensor([-10.0, -5.0, 0.5], requires_grad=True)
(d,) = torch.autograd.grad(torch.selu(z).sum(), z)
print("selu'(z) at z = -10, -5, 0.5:", [f"{v:.2e}" for v in d.tolist()])
assert d[0] < 1e-4 and abs(d[2] - 1.0507) < 1e-4  # saturates on the left; slope lambda > 1 on the right
relu_he, selu_lecun = runs["ReLU, He init"]["grad"], runs["SELU, LeCun init"]["grad"]
print(f"|dL/dz| layer 1 / layer 50: ReLU + He {relu_he[0] / relu_he[-1]:.2f}, "
      f"SELU + LeCun {selu_lecun[0] / selu_lecun[-1]:.2f}")
assert relu_he[0] / relu_he[-1] > 0.5 and selu_lecun[0] / selu_lecun[-1] > relu_he[0] / relu_he[-1]
