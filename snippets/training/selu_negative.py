import torch

z = torch.tensor([-20.0, -5.0, -2.0, -1.0, -0.1], dtype=torch.float64, requires_grad=True)
selu_out = torch.selu(z)
(selu_grad,) = torch.autograd.grad(selu_out.sum(), z)
relu_out = torch.relu(z)
(relu_grad,) = torch.autograd.grad(relu_out.sum(), z)

lam = torch.selu(torch.tensor(1.0, dtype=torch.float64)).item()
alpha = -torch.selu(torch.tensor(-800.0, dtype=torch.float64)).item() / lam
print("z          ", z.tolist())
print("selu(z)    ", [round(v, 4) for v in selu_out.tolist()])
print("selu'(z)   ", [f"{v:.2e}" for v in selu_grad.tolist()])
print("relu(z), relu'(z)", relu_out.tolist(), relu_grad.tolist())
assert torch.all(selu_out < 0) and torch.all(selu_grad > 0)  # non-zero output and gradient
assert torch.allclose(selu_grad, lam * alpha * torch.exp(z.detach()))  # derivative lambda * alpha * e^z
assert torch.all(relu_out == 0) and torch.all(relu_grad == 0)  # ReLU: nothing flows back
print(f"floor of SELU: -lambda * alpha = {-lam * alpha:.4f}; selu(-20) = {selu_out[0].item():.4f}")
assert round(-lam * alpha, 4) == -1.7581 and abs(selu_out[0].item() + lam * alpha) < 1e-8

# A unit whose pre-activation is negative for every input: ReLU gives its weights zero
# gradient, so gradient descent can never revive it; SELU still moves them.
torch.manual_seed(0)
x = torch.rand(64, 10)  # non-negative inputs, as after a ReLU layer
w = torch.full((10,), 0.1, requires_grad=True)
b = torch.tensor(-3.0, requires_grad=True)  # pushes z = w.x + b below 0 for all samples
for name, act in [("ReLU", torch.relu), ("SELU", torch.selu)]:
    z_unit = x @ w + b
    (g_w,) = torch.autograd.grad(act(z_unit).mean(), w)
    print(f"{name}: max z = {z_unit.max().item():.2f}, |dL/dw| = {g_w.norm().item():.3e}")
    if name == "ReLU":
        assert z_unit.max() < 0 and g_w.norm() == 0
    else:
        assert g_w.norm() > 1e-3

# "Never zero" holds in exact arithmetic. In float32, e^z underflows below z of about -104:
# there SELU's (and ELU's) slope is exactly 0, as ReLU's is for every negative z.
for f in (torch.selu, torch.nn.functional.elu):
    z32 = torch.tensor([-100.0, -104.0], requires_grad=True)
    (g32,) = torch.autograd.grad(f(z32).sum(), z32)
    print(f"{f.__name__}: float32 slope at z = -100 and -104: {g32.tolist()}")
    assert g32[0] > 0 and g32[1] == 0
