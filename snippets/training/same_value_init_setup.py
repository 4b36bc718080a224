import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(256, 8)  # a small regression task: 256 samples, 8 features
y = torch.sin(X[:, :1]) + 0.5 * X[:, 1:2] * X[:, 2:3]


def make_mlp(init, p_drop=0.0, zero_bias=True):
    """8 -> 16 -> 16 -> 1 ReLU network; `init` fills every weight; biases start at 0
    (or keep PyTorch's default, drawn independently from U(-1/sqrt(n_in), 1/sqrt(n_in)))."""
    layers = [
        nn.Linear(8, 16),
        nn.ReLU(),
        nn.Dropout(p_drop),
        nn.Linear(16, 16),
        nn.ReLU(),
        nn.Dropout(p_drop),
        nn.Linear(16, 1),
    ]
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


def orthogonal(weight):
    """Orthogonal rows (or columns), scaled by the ReLU gain sqrt(2): the entries are NOT independent."""
    nn.init.orthogonal_(weight, gain=nn.init.calculate_gain("relu"))


RTOL = 1e-5  # two units are "the same" if their weights and bias agree within RTOL x the layer's largest entry


def units(weight, bias):
    """One row per unit: its incoming weights and its bias."""
    return torch.cat([weight.detach(), bias.detach()[:, None]], dim=1)


def unit_distances(weight, bias):
    """Largest, smallest and median distance between two units of a layer, relative to its largest |entry|."""
    rows = units(weight, bias)
    d = (rows[:, None] - rows[None]).abs().amax(-1) / rows.abs().max()
    off_diagonal = d[~torch.eye(len(rows), dtype=torch.bool)]
    return off_diagonal.max().item(), off_diagonal.min().item(), off_diagonal.median().item()


def distinct_rows(weight, bias):
    """How many different units a layer holds (units equal within RTOL count once)."""
    rows, kept = units(weight, bias), []
    tol = RTOL * rows.abs().max()
    for row in rows:
        if not any((row - r).abs().max() <= tol for r in kept):
            kept.append(row)
    return len(kept)
