import copy

import numpy as np
import torch
import torch.nn as nn
from torch.func import functional_call, stack_module_state, vmap
from torch.nn.modules.dropout import _DropoutNd

# A 1-D regression: 100 noisy samples of sin(x), x only in [-3, 3].
rng = np.random.default_rng(0)
x_np = rng.uniform(-3, 3, size=(100, 1))
y_np = np.sin(x_np) + 0.1 * rng.standard_normal((100, 1))
x_train, y_train = (torch.tensor(a, dtype=torch.float32) for a in (x_np, y_np))
SEEDS = [0, 1, 2, 3, 4]  # one network per seed (its initial weights), fixed in advance


def make_net(hidden_layers, width, p, seed):
    """ReLU MLP with dropout after every hidden activation."""
    torch.manual_seed(seed)
    layers, n_in = [], 1
    for _ in range(hidden_layers):
        layers += [nn.Linear(n_in, width), nn.ReLU(), nn.Dropout(p)]
        n_in = width
    return nn.Sequential(*layers, nn.Linear(n_in, 1))


def fit(hidden_layers, width, p=0.1, steps=300):
    """One network per seed, trained full-batch with Adam, all five in one pass: the parameters are
    stacked (torch.func), each network has its own loss, masks, gradients and Adam state."""
    nets = [make_net(hidden_layers, width, p, s) for s in SEEDS]
    params, _ = stack_module_state(nets)  # every parameter gets a leading dimension, one row per seed
    base = copy.deepcopy(nets[0]).to("meta").train()
    forward = vmap(lambda prm, x: functional_call(base, prm, (x,)), in_dims=(0, None), randomness="different")
    opt = torch.optim.Adam(params.values(), lr=1e-2)
    torch.manual_seed(100)  # the training masks of the five networks
    for _ in range(steps):
        loss = (forward(params, x_train) - y_train).pow(2).mean((1, 2)).sum()  # sum of the five MSEs
        opt.zero_grad()
        loss.backward()
        opt.step()
    for i, net in enumerate(nets):
        net.load_state_dict({name: value[i].detach() for name, value in params.items()})
    return nets


def dropout_on(model):
    """Evaluation mode for everything (batch norm uses its running statistics), then training mode for every
    dropout module: _DropoutNd is the base class of nn.Dropout, Dropout1d/2d/3d, AlphaDropout and
    FeatureAlphaDropout (isinstance(m, nn.Dropout) would miss all but the first)."""
    model.eval()
    for m in model.modules():
        if isinstance(m, _DropoutNd):
            m.train()
    return model


def mc_dropout(model, x, T=200):
    """T stochastic passes in ONE forward call: the batch is stacked T times."""
    dropout_on(model)
    with torch.no_grad():
        out = model(x.repeat(T, 1)).reshape(T, len(x), -1)
    model.eval()
    return out.mean(0).squeeze(1), out.std(0).squeeze(1)


x_grid = torch.linspace(-8, 8, 161).unsqueeze(1)
truth = torch.sin(x_grid.squeeze(1))
inside = x_grid.squeeze(1).abs() <= 3
far = x_grid.squeeze(1).abs() >= 6


def summary(net):
    """MC mean and std on the grid; fit inside, growth of the spread, coverage of sin(x) far out."""
    torch.manual_seed(1)  # the MC masks
    mean, std = mc_dropout(net, x_grid)
    covered = ((truth - mean).abs() <= 2 * std).float()
    return {
        "mean": mean,
        "std": std,
        "rmse": (mean[inside] - truth[inside]).pow(2).mean().sqrt().item(),
        "ratio": (std[far].mean() / std[inside].mean()).item(),
        "covered inside": covered[inside].mean().item(),
        "covered far": covered[far].mean().item(),
    }


def table(name, runs):
    print(
        f"{name}: seed, RMSE to sin(x) on [-3, 3], mean std inside, at |x| >= 6, ratio, "
        f"fraction of grid points with sin(x) within mean ± 2 std inside and at |x| >= 6"
    )
    for s, r in zip(SEEDS, runs, strict=True):
        print(
            f"  {s}  {r['rmse']:.3f}  {r['std'][inside].mean():.3f}  {r['std'][far].mean():.3f}  "
            f"{r['ratio']:>4.1f}  {r['covered inside']:.2f}  {r['covered far']:.2f}"
        )


shallow_nets = fit(hidden_layers=1, width=128)
shallow = shallow_nets[0]  # the network of the figure and of the cost blocks below
one = [summary(net) for net in shallow_nets]
table("1 hidden layer of 128, p=0.1", one)
mean_1, std_1, ratio_1 = one[0]["mean"], one[0]["std"], one[0]["ratio"]

worst_rmse = max(r["rmse"] for r in one)
print(f"the MC mean fits the data: largest RMSE {worst_rmse:.3f}, bound 0.15, margin {0.15 - worst_rmse:.3f}")
assert worst_rmse < 0.15

# The predictive spread grows away from the training data, on every seed.
least_growth = min(r["ratio"] for r in one)
print(f"spread at |x| >= 6 / inside: smallest {least_growth:.1f}, bound 4, margin {least_growth - 4:.1f}")
assert least_growth > 4

# Wider is not the same as calibrated: far from the data the band misses the true function.
most_covered = max(r["covered far"] for r in one)
print(
    f"sin(x) inside the band at |x| >= 6: at most {most_covered:.2f} of the points, bound 0.5, "
    f"margin {0.5 - most_covered:.2f}"
)
assert most_covered < 0.5
