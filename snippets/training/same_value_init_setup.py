import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(256, 8)  # a small regression task: 256 samples, 8 features
y = torch.sin(X[:, :1]) + 0.5 * X[:, 1:2] * X[:, 2:3]


def make_mlp(init, p_drop=0.0, zero_bias=True):
    """8 -> 16 -> 16 -> 1 ReLU network; `init` fills every weight; biases start at 0
    (or keep PyTorch's default, drawn independently from U(-1/sqrt(n_in), 1/sqrt(n_in)))."""
    layers = [nn.Linear(8, 16), nn.ReLU(), nn.Dropout(p_drop),
              nn.Linear(16, 16), nn.ReLU(), nn.Dropout(p_drop), nn.Linear(16, 1)]
    model = nn.Sequential(*layers)
    for layer in model:
        if isinstance(layer, nn.Linear):
            init(layer.weight)
            if zero_bias:
                nn.init.zeros_(layer.bias)
    return model


def same_he_value(weight):
    """The trap: draw ONE value with He initialisation and copy it to every weight."""
    value = nn.init.kaiming_normal_(torch.empty(1, weight.shape[1]), nonlinearity="relu")[0, 0]
    with torch.no_grad():
        # made positive: with a negative c and ReLU, every unit from the second layer on starts dead
        weight.fill_(abs(value.item()))


def independent_he(weight):
    nn.init.kaiming_normal_(weight, nonlinearity="relu")


def train(model, steps=1000, lr=0.001):
    optimiser = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    model.train()
    for _ in range(steps):
        optimiser.zero_grad()
        loss = nn.functional.mse_loss(model(X), y)
        loss.backward()
        optimiser.step()
    model.eval()
    return nn.functional.mse_loss(model(X), y).item()


def distinct_rows(weight, tol=1e-6):
    """How many different hidden units a weight matrix holds (rows equal within tol count once)."""
    rows = []
    for row in weight.detach():
        if not any(torch.allclose(row, r, atol=tol, rtol=0) for r in rows):
            rows.append(row)
    return len(rows)
