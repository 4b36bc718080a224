import math
import statistics

import torch
from sklearn.datasets import load_digits
from torch import nn

digits = load_digits()  # 1797 images of 8 × 8 pixels, 10 classes
X = torch.tensor(digits.data, dtype=torch.float32)
X = (X - X.mean(0)) / (X.std(0) + 1e-6)
y = torch.tensor(digits.target)
perm = torch.randperm(len(X), generator=torch.Generator().manual_seed(0))
train, test = perm[:1000], perm[1000:]  # 797 test images: one image is 0.125 percentage points

claimed = ["logistic", "tanh", "ReLU", "leaky ReLU", "ELU"]  # the write-up's order, worst to best
activations = {"logistic": nn.Sigmoid, "tanh": nn.Tanh, "ReLU": nn.ReLU, "leaky ReLU": nn.LeakyReLU, "ELU": nn.ELU}
seeds = [0, 1, 2, 3, 4]
STEPS, LR = 60, 0.02
threads = torch.get_num_threads()
torch.set_num_threads(1)  # tiny matrices: one thread is faster
accuracy = {name: [] for name in activations}
steps_to = {name: [] for name in activations}  # when the training loss first falls below 0.2, per seed
for seed in seeds:
    for name, act in activations.items():
        torch.manual_seed(seed)  # the same initial weights for every activation
        net = nn.Sequential(nn.Linear(64, 32), act(), nn.Linear(32, 32), act(), nn.Linear(32, 10))
        opt = torch.optim.Adam(net.parameters(), lr=LR)
        losses = []
        for _ in range(STEPS):  # full-batch training on the 1000 training images
            opt.zero_grad()
            loss = nn.functional.cross_entropy(net(X[train]), y[train])
            loss.backward()
            opt.step()
            losses.append(loss.item())
        i = next(i for i, value in enumerate(losses) if value < 0.2)  # first step below 0.2 ...
        # ... and the fractional step where log(loss) crosses log(0.2), between steps i - 1 and i
        steps_to[name].append(i - 1 + math.log(losses[i - 1] / 0.2) / math.log(losses[i - 1] / losses[i]))
        with torch.no_grad():
            accuracy[name].append((net(X[test]).argmax(1) == y[test]).float().mean().item())
torch.set_num_threads(threads)

mean = {name: statistics.mean(a) for name, a in accuracy.items()}
print(f"{len(seeds)} seeds, {STEPS} full-batch Adam steps (lr {LR}), test accuracy on 797 images:")
for name in claimed:
    print(f"{name:10}: " + ", ".join(f"{a:.3f}" for a in accuracy[name]) + f";  mean {mean[name]:.3f}")
print("order of the means, worst to best:", " < ".join(sorted(mean, key=mean.get)))
pairs = list(zip(claimed[:-1], claimed[1:], strict=True))  # (logistic, tanh), (tanh, ReLU), ...
holds = sum(all(accuracy[a][i] < accuracy[b][i] for a, b in pairs) for i in range(len(seeds)))
print(f"the claimed order holds strictly on {holds} of {len(seeds)} seeds")

lowest = min(min(a) for a in accuracy.values())
print(f"every activation, every seed: test accuracy above 0.94, lowest {lowest:.3f}, margin {lowest - 0.94:.3f}")
assert lowest > 0.94  # all five learn the ten classes
spread = max(max(a) - min(a) for a in accuracy.values())  # the largest seed-to-seed spread of one activation
gap = max(mean.values()) - min(mean.values())  # the range of the five means
print(
    f"range of the five means {gap:.3f}, below 0.01 (8 test images): margin {0.01 - gap:.3f}; "
    f"below the largest seed-to-seed spread of one activation, {spread:.3f}: margin {spread - gap:.3f}"
)
assert gap < 0.01 and gap < spread  # the differences in the means are within the noise of the seed
