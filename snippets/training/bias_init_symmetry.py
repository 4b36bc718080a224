import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(64, 10)
y = torch.randn(64, 1)


def make_net(weights, act=nn.Tanh):
    """10 -> 6 tanh units (or `act`) -> 1, all biases zero; weights 'random', 'constant' or 'zero'."""
    net = nn.Sequential(nn.Linear(10, 6), act(), nn.Linear(6, 1))
    with torch.no_grad():
        for layer in (net[0], net[2]):
            layer.bias.zero_()
            if weights == "constant":
                layer.weight.fill_(0.3)
            elif weights == "zero":
                layer.weight.zero_()
    return net


def hidden_grad(net):
    """Gradient of the loss for the hidden layer's weights: one row per hidden unit."""
    net.zero_grad()
    nn.functional.mse_loss(net(X), y).backward()
    return net[0].weight.grad.clone()


def spread(rows):
    """Smallest distance between two different rows (0 if two units are identical)."""
    d = torch.cdist(rows, rows) + torch.eye(len(rows)) * 1e9
    return d.min().item()


# 1. Random weights, zero biases: every hidden unit gets its own gradient.
g = hidden_grad(make_net("random"))
print(f"random W, b = 0 : smallest distance between two units' gradients = {spread(g):.2e}")
assert spread(g) > 1e-4, "zero biases do not make units identical"

# 2. Equal weights, zero biases: the units' gradients are identical ...
g = hidden_grad(make_net("constant"))
print(f"equal W,  b = 0 : smallest distance between two units' gradients = {spread(g):.2e}")
assert spread(g) < 1e-6

# ... and they stay identical however long we train: updates do not break symmetry.
# (tanh(0) = 0 keeps an all-zero hidden layer still; the logistic's 1/2 lets it move, still tied.)
for weights, act in (("constant", nn.Tanh), ("zero", nn.Tanh), ("zero", nn.Sigmoid)):
    net = make_net(weights, act)
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    for _ in range(200):
        opt.zero_grad()
        nn.functional.mse_loss(net(X), y).backward()
        opt.step()
    W1 = net[0].weight.detach()
    gap = (W1 - W1[0]).abs().max().item()  # largest difference between unit 0 and any other unit
    moved = (W1 - make_net(weights)[0].weight).abs().max().item()
    print(
        f"{weights:8s} W, b = 0, {act.__name__:7s} 200 SGD steps: hidden weights moved by up to {moved:.3f}, "
        f"largest difference between two units = {gap:.1e}"
    )
    assert gap < 1e-6, "the six hidden units are still copies of one unit (up to rounding)"
    if weights == "zero" and act is nn.Tanh:
        assert moved == 0.0, "all-zero start, tanh: the hidden layer never receives a gradient"
    if act is nn.Sigmoid:
        assert moved > 1e-3, "all-zero start, logistic: the hidden layer moves, as one tied unit"
