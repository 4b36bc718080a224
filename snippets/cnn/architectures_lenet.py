torch.manual_seed(0)


class Squash(nn.Module):
    """LeNet-5's sigmoid: f(a) = A tanh(S a) with A = 1.7159, S = 2/3 (LeCun et al., 1998, appendix A)."""

    def forward(self, a):
        return 1.7159 * torch.tanh(2 / 3 * a)


class Subsample(nn.Module):
    """S2 and S4: the sum of each 2x2 window, times one trainable coefficient per map, plus one bias per map."""

    def __init__(self, maps):
        super().__init__()
        self.scale = nn.Conv2d(maps, maps, 1, groups=maps)  # one weight and one bias per map

    def forward(self, x):
        return self.scale(4 * nn.functional.avg_pool2d(x, 2))


# C3's connection table (LeCun et al., 1998, Table I): which S2 maps each of the 16 C3 maps reads
TABLE = [[i % 6, (i + 1) % 6, (i + 2) % 6] for i in range(6)]
TABLE += [[i % 6, (i + 1) % 6, (i + 2) % 6, (i + 3) % 6] for i in range(6)]
TABLE += [[0, 1, 3, 4], [1, 2, 4, 5], [0, 2, 3, 5], [0, 1, 2, 3, 4, 5]]


class SparseC3(nn.Module):
    """C3: 16 maps of 5x5 filters, each over its own subset of the 6 S2 maps."""

    def __init__(self):
        super().__init__()
        self.convs = nn.ModuleList(nn.Conv2d(len(inputs), 1, 5) for inputs in TABLE)

    def forward(self, x):
        return torch.cat([conv(x[:, inputs]) for conv, inputs in zip(self.convs, TABLE, strict=True)], dim=1)


class EuclideanRBF(nn.Module):
    """Output: y_i = sum_j (x_j - w_ij)^2. The paper's +-1 vectors were drawn by hand and kept fixed; random here."""

    def __init__(self):
        super().__init__()
        self.register_buffer("w", torch.randint(0, 2, (10, 84)).float() * 2 - 1)

    def forward(self, x):
        return ((x[:, None, :] - self.w) ** 2).sum(-1)


lenet = nn.Sequential(
    nn.Conv2d(1, 6, 5), Squash(), Subsample(6), Squash(),  # C1, S2
    SparseC3(), Squash(), Subsample(16), Squash(),  # C3, S4
    nn.Conv2d(16, 120, 5), Squash(), nn.Flatten(),  # C5
    nn.Linear(120, 84), Squash(), EuclideanRBF(),  # F6, output
)  # fmt: skip
layers = {"C1": lenet[0], "S2": lenet[2], "C3": lenet[4], "S4": lenet[6], "C5": lenet[8], "F6": lenet[11]}
# the paper's count per layer, by formula: weights per unit (+1 bias) times units, or 2 per map for S2 and S4
formula = {
    "C1": (5 * 5 * 1 + 1) * 6,
    "S2": 2 * 6,
    "C3": 5 * 5 * sum(len(t) for t in TABLE) + 16,
    "S4": 2 * 16,
    "C5": (5 * 5 * 16 + 1) * 120,
    "F6": (120 + 1) * 84,
}

# connections: every output value, times its inputs (+1 for the bias), read from the output shapes
sizes, x = {}, torch.randn(1, 1, 32, 32)
for layer in lenet:
    x = layer(x)
    sizes[layer] = x[0].numel()


def inputs_per_value(m):
    """Inputs of one output value, +1 for the bias."""
    if isinstance(m, Subsample):
        return 2 * 2 + 1  # the 2x2 window and the bias
    return (m.weight[0].numel() if isinstance(m, nn.Conv2d) else m.in_features) + 1


connections = {name: sizes[m] * inputs_per_value(m) for name, m in layers.items() if name != "C3"}
connections["C3"] = sum(sizes[layers["C3"]] // 16 * inputs_per_value(conv) for conv in layers["C3"].convs)
connections["output"] = 10 * 84

for name, m in layers.items():
    print(f"{name}: {n_params(m):>6,} trainable parameters, {connections[name]:>7,} connections")
print(f"output: {n_params(lenet[-1])} trainable ({lenet[-1].w.numel()} fixed), {connections['output']} connections")
total = n_params(lenet)
print(f"LeNet-5: {total:,} trainable parameters, {sum(connections.values()):,} connections; output {tuple(x.shape)}")
assert {name: n_params(m) for name, m in layers.items()} == formula
assert list(formula.values()) == [156, 12, 1_516, 32, 48_120, 10_164]
assert total == 60_000 and sum(connections.values()) == 340_908 and x.shape == (1, 10)
