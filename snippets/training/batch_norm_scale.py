import torch

torch.manual_seed(0)
x = torch.randn(32, 10, dtype=torch.float64)
W = torch.randn(4, 10, dtype=torch.float64)
b = torch.randn(4, dtype=torch.float64)
target = torch.randn(32, 4, dtype=torch.float64)


def bn(z, eps=1e-5):  # training-mode BN with gamma = 1, beta = 0
    return torch.nn.functional.batch_norm(z, None, None, training=True, eps=eps)


def loss_of(weight, bias=0.0):
    return ((bn(x @ weight.T + bias) - target) ** 2).mean()


# 1. Scale invariance: BN(a W x) = BN(W x) for any a > 0, exactly as eps -> 0 (torch needs eps > 0).
for a in (0.1, 10.0, 1000.0):
    exact = (bn(x @ (a * W).T, eps=1e-30) - bn(x @ W.T, eps=1e-30)).abs().max().item()
    default = (bn(x @ (a * W).T) - bn(x @ W.T)).abs().max().item()
    print(f"weights scaled by {a:6}: max |change of BN output| = {exact:.1e} (eps = 1e-30), {default:.1e} (eps = 1e-5)")
    assert exact < 1e-12 and default < 1e-3

# 2. ...so the gradient shrinks as the weights grow: dL/d(aW) = (1/a) dL/dW.
W1 = W.clone().requires_grad_()
W10 = (10 * W).requires_grad_()
(g1,) = torch.autograd.grad(loss_of(W1), W1)
(g10,) = torch.autograd.grad(loss_of(W10), W10)
print(
    f"|dL/dW| = {g1.norm().item():.4f}; with the weights scaled by 10: {g10.norm().item():.5f} "
    f"(ratio {g1.norm().item() / g10.norm().item():.3f})"
)
assert abs(g1.norm() / g10.norm() - 10) < 1e-3

# 3. The bias of the layer before BN is redundant: the batch mean removes it.
diff = (bn(x @ W.T + b) - bn(x @ W.T)).abs().max().item()
bias = b.clone().requires_grad_()
(g_bias,) = torch.autograd.grad(loss_of(W, bias), bias)
print(f"adding a bias before BN changes its output by {diff:.1e}; dL/d(bias) = {g_bias.abs().max().item():.1e}")
assert diff < 1e-12 and g_bias.abs().max() < 1e-12
