import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(256, 5)  # a fixed data set of 256 inputs
y = torch.relu(X @ torch.randn(5)).unsqueeze(1)  # targets from a "teacher" ReLU unit
SEEDS = [1, 2, 3, 4, 5]  # one network per seed (its initial weights); the data use seed 0
STEPS, LR = 600, 0.1


def make(activation, seed=SEEDS[0]):
    """A network whose one hidden unit is dead: z = w.x + b < 0 for every input of the data set,
    as after a big update that pushed its bias far down."""
    torch.manual_seed(seed)
    net = nn.Sequential(nn.Linear(5, 1), activation, nn.Linear(1, 1))
    with torch.no_grad():
        net[0].bias[0] = -(X @ net[0].weight[0]).max() - 0.25
    return net


def train(activation):
    """Full-batch SGD on the networks of all seeds at once. Column s of every tensor below is the
    network of seed s; the loss is the sum of their losses, so each seed's gradient is its own."""
    nets = [make(activation, seed) for seed in SEEDS]
    w = torch.cat([n[0].weight for n in nets]).detach().requires_grad_()  # (seeds, 5): hidden unit weights
    b = torch.cat([n[0].bias for n in nets]).detach().requires_grad_()  # hidden unit biases
    v = torch.cat([n[2].weight[0] for n in nets]).detach().requires_grad_()  # output weights
    c = torch.cat([n[2].bias for n in nets]).detach().requires_grad_()  # output biases
    w0, b0 = w.detach().clone(), b.detach().clone()
    opt = torch.optim.SGD([w, b, v, c], lr=LR)
    smallest_grad = torch.full((len(SEEDS),), float("inf"))
    first_active = torch.zeros(len(SEEDS), dtype=torch.long)  # 0: not active yet
    for step in range(1, STEPS + 1):
        opt.zero_grad()
        loss = ((activation(X @ w.T + b) * v + c - y) ** 2).mean(0)  # the MSE of every seed's network
        loss.sum().backward()
        smallest_grad = torch.minimum(smallest_grad, w.grad.abs().sum(1) + b.grad.abs())
        opt.step()
        with torch.no_grad():
            z = X @ w.T + b  # (inputs, seeds)
        first_active[(first_active == 0) & (z > 0).any(0)] = step
    with torch.no_grad():
        loss = ((activation(X @ w.T + b) * v + c - y) ** 2).mean(0)
    return dict(
        unchanged=[torch.equal(w[s], w0[s]) and torch.equal(b[s], b0[s]) for s in range(len(SEEDS))],
        smallest_grad=smallest_grad.tolist(),
        first_active=[int(step) or None for step in first_active],
        largest_z=z.max().item(),
        active=(z > 0).float().mean(0).tolist(),
        loss=loss.tolist(),
    )


relu, leaky = train(nn.ReLU()), train(nn.LeakyReLU())  # LeakyReLU's default slope is 0.01
best_constant = y.var(unbiased=False).item()  # the loss of predicting the mean of y
print(
    f"{len(SEEDS)} networks (seeds {SEEDS[0]} to {SEEDS[-1]}), {STEPS} full-batch SGD steps, lr {LR}; "
    f"loss of the best constant prediction: {best_constant:.3f}"
)
for name, r in [("ReLU", relu), ("leaky ReLU", leaky)]:
    print(f"{name}:")
    print(f"  w, b unchanged:       {r['unchanged']}")
    print(f"  smallest |grad|:      {', '.join(f'{g:.1e}' for g in r['smallest_grad'])}")
    print(f"  first active at step: {r['first_active']}")
    print(f"  active on (end):      {', '.join(f'{a:.0%}' for a in r['active'])} of the inputs")
    print(f"  loss / constant's:    {', '.join(f'{v / best_constant:.3f}' for v in r['loss'])}")

# ReLU, every seed: the gradient is exactly zero at every step, the unit never changes and stays dead,
# so the network is stuck at a constant output
assert all(g == 0.0 for g in relu["smallest_grad"]) and all(relu["unchanged"])
assert relu["first_active"] == [None] * len(SEEDS) and relu["largest_z"] < 0
assert all(v >= best_constant - 1e-6 for v in relu["loss"])
print(
    f"ReLU: dead on every seed; largest z over all inputs and seeds {relu['largest_z']:.2f}, "
    f"margin {-relu['largest_z']:.2f}"
)
# leaky ReLU, every seed: the same unit gets a nonzero gradient at every step, and it moves
assert all(g > 0 for g in leaky["smallest_grad"]) and not any(leaky["unchanged"])
print("leaky ReLU: nonzero gradient at every step on every seed (slope 0.01 for z < 0), w and b move on every seed")
# ...but whether it comes back to life within 600 steps depends on the seed
ratio = [v / best_constant for v in leaky["loss"]]
recovered = sum(r < 0.5 for r in ratio)
print(
    f"leaky ReLU: loss below half the constant's on {recovered} of {len(SEEDS)} seeds; "
    f"closest seed to the threshold 0.5: margin {min(abs(r - 0.5) for r in ratio):.3f}"
)
assert 0 < recovered < len(SEEDS)  # some seeds recover and some do not
