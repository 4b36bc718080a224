import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(64, 10)
y = torch.randn(64, 1)
TOL = 1e-5  # two units count as equal if they agree within TOL x the largest entry (room for rounding)


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
    """Smallest distance between two different rows (0 if two units are identical), relative to the largest entry."""
    d = torch.cdist(rows, rows) + torch.eye(len(rows)) * 1e9
    return d.min().item() / rows.abs().max().item()


# 1. Random weights (seeds 0-4), zero biases: every hidden unit gets its own gradient.
smallest = float("inf")
for seed in range(5):
    torch.manual_seed(seed)
    smallest = min(smallest, spread(hidden_grad(make_net("random"))))
print(
    f"random W, b = 0 (seeds 0-4): smallest distance between two units' gradients = {smallest:.2e} "
    f"of the largest entry, margin {smallest - TOL:.2e}"
)
assert smallest > TOL, "zero biases do not make units identical"

# 2. Equal weights, zero biases: the units' gradients are identical ...
g = hidden_grad(make_net("constant"))
print(f"equal W,  b = 0 : smallest distance between two units' gradients = {spread(g):.2e} of the largest entry")
assert spread(g) < TOL

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
    relative = gap / W1.abs().max().item() if gap > 0 else 0.0  # of the largest weight
    moved = (W1 - make_net(weights)[0].weight).abs().max().item()
    print(
        f"{weights:8s} W, b = 0, {act.__name__:7s} 200 SGD steps: hidden weights moved by up to {moved:.3f}, "
        f"largest difference between two units = {relative:.1e} of the largest, margin {TOL - relative:.1e}"
    )
    assert relative < TOL, "the six hidden units are still copies of one unit (up to rounding)"
    if weights == "zero" and act is nn.Tanh:
        assert moved == 0.0, "all-zero start, tanh: the hidden layer never receives a gradient"
    if act is nn.Sigmoid:
        assert moved > 1e-3, "all-zero start, logistic: the hidden layer moves, as one tied unit"
