import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(256, 5)  # a fixed data set of 256 inputs
y = torch.relu(X @ torch.randn(5)).unsqueeze(1)  # targets from a "teacher" ReLU unit


def make(activation):
    """A network whose one hidden unit is dead: z = w.x + b < 0 for every input of the data set,
    as after a big update that pushed its bias far down."""
    torch.manual_seed(1)
    net = nn.Sequential(nn.Linear(5, 1), activation, nn.Linear(1, 1))
    with torch.no_grad():
        net[0].bias[0] = -(X @ net[0].weight[0]).max() - 0.25
    return net


def train(activation, steps=600, lr=0.1):
    net = make(activation)
    layer = net[0]
    w0, b0 = layer.weight.detach().clone(), layer.bias.detach().clone()
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    smallest_grad, first_active = float("inf"), None
    for step in range(1, steps + 1):
        opt.zero_grad()
        loss = nn.functional.mse_loss(net(X), y)
        loss.backward()
        grad = layer.weight.grad.abs().sum() + layer.bias.grad.abs().sum()
        smallest_grad = min(smallest_grad, grad.item())
        opt.step()
        z = X @ layer.weight[0] + layer.bias[0]
        if first_active is None and (z > 0).any():
            first_active = step
    unchanged = torch.equal(layer.weight, w0) and torch.equal(layer.bias, b0)
    active = (z > 0).float().mean().item()
    return dict(
        unchanged=unchanged, smallest_grad=smallest_grad, first_active=first_active, active=active, loss=loss.item()
    )


relu, leaky = train(nn.ReLU()), train(nn.LeakyReLU())  # LeakyReLU's default slope is 0.01
best_constant = y.var(unbiased=False).item()  # the loss of predicting the mean of y
for name, r in [("ReLU", relu), ("leaky ReLU", leaky)]:
    print(
        f"{name:10}: w, b unchanged after 600 SGD steps: {r['unchanged']}; smallest |grad| {r['smallest_grad']:.1e}; "
        f"first active at step {r['first_active']}; active on {r['active']:.0%} of inputs; loss {r['loss']:.3f}"
    )
print(f"loss of the best constant prediction: {best_constant:.3f}")

# ReLU: the gradient is exactly zero at every step, the unit never changes and stays dead,
# so the network is stuck at a constant output
assert relu["smallest_grad"] == 0.0 and relu["unchanged"] and relu["first_active"] is None
assert relu["loss"] >= best_constant - 1e-6
# leaky ReLU: the same unit gets a nonzero gradient at every step, moves, and comes back to life
assert leaky["smallest_grad"] > 0 and not leaky["unchanged"]
assert leaky["first_active"] is not None and leaky["active"] > 0.5
assert leaky["loss"] < 0.5 * best_constant
