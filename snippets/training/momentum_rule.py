import inspect

import torch

# Defaults of torch.optim.SGD in the installed version.
defaults = {
    k: v.default
    for k, v in inspect.signature(torch.optim.SGD.__init__).parameters.items()
    if k in ("lr", "momentum", "dampening", "nesterov")
}
print("torch.optim.SGD defaults:", defaults)
assert defaults["momentum"] == 0 and defaults["dampening"] == 0 and defaults["nesterov"] is False
assert defaults["lr"] == 0.001

# A random convex quadratic f(w) = 1/2 w.A.w - c.w in 5 dimensions, float64 for exact comparison.
torch.manual_seed(0)
Q = torch.randn(5, 5, dtype=torch.float64)
A = Q @ Q.T / 5 + 0.1 * torch.eye(5, dtype=torch.float64)
c = torch.randn(5, dtype=torch.float64)
w0 = torch.randn(5, dtype=torch.float64)
lr, beta, steps = 0.05, 0.9, 60


def grad(w):
    return A @ w - c


def pytorch_sgd(nesterov):
    w = w0.clone().requires_grad_(True)
    opt = torch.optim.SGD([w], lr=lr, momentum=beta, nesterov=nesterov)
    path = []
    for _ in range(steps):
        opt.zero_grad()
        (0.5 * w @ A @ w - c @ w).backward()
        opt.step()
        path.append(w.detach().clone())
    return torch.stack(path)


def by_hand(rule):
    w, v = w0.clone(), torch.zeros(5, dtype=torch.float64)
    path = []
    for _ in range(steps):
        g = grad(w)
        if rule == "pytorch":  # v <- beta v + g ; w <- w - lr v
            v = beta * v + g
            w = w - lr * v
        elif rule == "classical":  # v <- beta v - lr g ; w <- w + v   (Polyak, Sutskever, Keras)
            v = beta * v - lr * g
            w = w + v
        elif rule == "average":  # v <- beta v + (1 - beta) g ; w <- w - lr/(1 - beta) v
            v = beta * v + (1 - beta) * g
            w = w - lr / (1 - beta) * v
        elif rule == "average, same lr":  # the same without the 1/(1 - beta): a different path
            v = beta * v + (1 - beta) * g
            w = w - lr * v
        elif rule == "nesterov":  # PyTorch's documented nesterov=True: step along g + beta v
            v = beta * v + g
            w = w - lr * (g + beta * v)
        path.append(w)
    return torch.stack(path)


def sutskever_nesterov():
    """Nesterov's accelerated gradient as Sutskever et al. (2013) write it: the gradient is taken at
    the look-ahead point w + beta u. PyTorch's parameter is that look-ahead point."""
    w, u = w0.clone(), torch.zeros(5, dtype=torch.float64)
    path = []
    for _ in range(steps):
        u = beta * u - lr * grad(w + beta * u)
        w = w + u
        path.append(w + beta * u)
    return torch.stack(path)


torch_path = pytorch_sgd(nesterov=False)
for rule in ("pytorch", "classical", "average"):
    gap = (by_hand(rule) - torch_path).abs().max().item()
    print(f"{rule:9s} rule vs torch.optim.SGD(momentum={beta}), {steps} steps: max gap {gap:.1e}")
    assert gap < 1e-12
nesterov_path = pytorch_sgd(nesterov=True)
for name, path in (("g + beta v ", by_hand("nesterov")), ("look-ahead ", sutskever_nesterov())):
    gap = (path - nesterov_path).abs().max().item()
    print(f"nesterov, {name} vs torch.optim.SGD(nesterov=True), {steps} steps: max gap {gap:.1e}")
    assert gap < 1e-12
gap = (nesterov_path - torch_path).abs().max().item()
print(f"nesterov=True vs nesterov=False: max gap {gap:.2f} (a different path)")
assert gap > 0.01
gap = (by_hand("average, same lr") - torch_path).abs().max().item()
print(f"average rule without the 1/(1 - beta): max gap {gap:.2f} (a different method)")
assert gap > 0.1
