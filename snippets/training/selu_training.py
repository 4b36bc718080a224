import math

import torch
from sklearn.datasets import load_digits

X, y = load_digits(return_X_y=True)
X = torch.tensor((X - X.mean(0)) / (X.std(0) + 1e-8), dtype=torch.float64)  # standardised; float64
# keeps the result the same whatever the number of CPU threads
y = torch.tensor(y)


DEPTH, LR, STEPS = 20, 0.05, 60


def mlp(act, weight_gain, depth=DEPTH, width=64):
    """depth hidden layers, W ~ N(0, gain^2 / n_in), zero bias; PyTorch's default output layer."""
    torch.manual_seed(0)
    layers, n = [], X.shape[1]
    for _ in range(depth):
        linear = torch.nn.Linear(n, width)
        torch.nn.init.normal_(linear.weight, 0.0, weight_gain / math.sqrt(n))
        torch.nn.init.zeros_(linear.bias)
        layers += [linear, act()]
        n = width
    return torch.nn.Sequential(*layers, torch.nn.Linear(n, 10)).double()


def train(model, lr=LR, steps=STEPS):
    sgd_losses(model, X, y, lr, steps)
    with torch.no_grad():
        return torch.nn.functional.cross_entropy(model(X), y).item()  # loss on all 1797 digits


loss = {"SELU, LeCun init": train(mlp(torch.nn.SELU, 1.0)),
        "SELU, He init": train(mlp(torch.nn.SELU, math.sqrt(2))),
        "ReLU, He init": train(mlp(torch.nn.ReLU, math.sqrt(2)))}
for name, value in loss.items():
    print(f"{DEPTH} hidden layers, SGD lr {LR}, {STEPS} steps of 64 samples: {name:17} loss {value:.3f}")
print(f"(chance level: ln 10 = {math.log(10):.3f})")
assert loss["SELU, LeCun init"] < 1.0                         # SELU in its conditions: trains well
assert not math.isfinite(loss["SELU, He init"]) or loss["SELU, He init"] > 2.2  # diverged or stuck
assert loss["ReLU, He init"] < 2.2                            # ReLU, same settings: below chance, learning
assert loss["SELU, LeCun init"] < loss["ReLU, He init"]       # here, in its conditions, SELU does better

too_fast = train(mlp(torch.nn.SELU, 1.0), lr=4 * LR)            # SELU in its conditions, learning rate x4
print(f"SELU, LeCun init, lr {4 * LR}: loss {too_fast:.3f}")
assert not math.isfinite(too_fast) or too_fast > 2.2          # diverged: its conditions include the step size
