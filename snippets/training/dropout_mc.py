import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# A 1-D regression: 100 noisy samples of sin(x), x only in [-3, 3].
rng = np.random.default_rng(0)
x_np = rng.uniform(-3, 3, size=(100, 1))
y_np = np.sin(x_np) + 0.1 * rng.standard_normal((100, 1))
x_train, y_train = (torch.tensor(a, dtype=torch.float32) for a in (x_np, y_np))


def fit(hidden_layers, width, p=0.1, steps=300, seed=0):
    """ReLU MLP with dropout after every hidden activation, trained full-batch with Adam."""
    torch.manual_seed(seed)
    layers, n_in = [], 1
    for _ in range(hidden_layers):
        layers += [nn.Linear(n_in, width), nn.ReLU(), nn.Dropout(p)]
        n_in = width
    net = nn.Sequential(*layers, nn.Linear(n_in, 1))
    opt = torch.optim.Adam(net.parameters(), lr=1e-2)
    net.train()
    for _ in range(steps):
        loss = F.mse_loss(net(x_train), y_train)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return net


def mc_dropout(model, x, T=200):
    """T stochastic passes in ONE forward call: the batch is stacked T times."""
    model.eval()
    for m in model.modules():        # dropout on; anything else (e.g. batch norm) stays in eval mode
        if isinstance(m, nn.Dropout):
            m.train()
    with torch.no_grad():
        out = model(x.repeat(T, 1)).reshape(T, len(x), -1)
    model.eval()
    return out.mean(0).squeeze(1), out.std(0).squeeze(1)


x_grid = torch.linspace(-8, 8, 161).unsqueeze(1)
inside = x_grid.squeeze(1).abs() <= 3
far = x_grid.squeeze(1).abs() >= 6


def summary(name, net):
    torch.manual_seed(1)
    mean, std = mc_dropout(net, x_grid)
    rmse = (mean[inside] - torch.sin(x_grid.squeeze(1)[inside])).pow(2).mean().sqrt().item()
    ratio = (std[far].mean() / std[inside].mean()).item()
    print(f"{name}: RMSE to sin(x) on [-3, 3] = {rmse:.3f}; mean std inside {std[inside].mean():.3f}, "
          f"at |x| >= 6 {std[far].mean():.3f}, ratio {ratio:.1f}")
    assert rmse < 0.15, "the MC mean fits the data"
    return mean, std, ratio


shallow = fit(hidden_layers=1, width=128)
mean_1, std_1, ratio_1 = summary("1 hidden layer of 128, p=0.1", shallow)
assert ratio_1 > 4, "the predictive spread grows away from the training data"

# Wider is not the same as calibrated: far from the data the band misses the true function.
truth = torch.sin(x_grid.squeeze(1))
covered = ((truth - mean_1).abs() <= 2 * std_1).float()
print(f"fraction of grid points where sin(x) lies within mean ± 2 std: inside {covered[inside].mean():.2f}, "
      f"|x| >= 6 {covered[far].mean():.2f}")
assert covered[far].mean() < 0.5
