import math

import torch
from torch import nn

torch.manual_seed(0)
n = 100_000
x = torch.randn(n, 16)

# Binary output, 1% positives (the prior used by Lin et al., 2017).
y = (torch.rand(n) < 0.01).float()
p = y.mean().item()
head = nn.Linear(16, 1)
nn.init.normal_(head.weight, std=0.01)  # small final-layer weights: logit ~ bias at the start
entropy = -(p * math.log(p) + (1 - p) * math.log(1 - p))
losses = {}
for name, b in (("0", 0.0), ("log(p/(1-p))", math.log(p / (1 - p)))):
    with torch.no_grad():
        head.bias.fill_(b)
        losses[name] = nn.functional.binary_cross_entropy_with_logits(head(x).squeeze(1), y).item()
    print(f"binary, p = {p:.4f}, bias {name:13s}= {b:+.3f}: initial loss {losses[name]:.4f}")
print(f"log 2 = {math.log(2):.4f}, entropy of the prior H(p) = {entropy:.4f}")
# Within 1 %: the small weights add a term of order Var(w.x) = 16 * 0.01^2 to the loss.
off = max(abs(losses["0"] / math.log(2) - 1), abs(losses["log(p/(1-p))"] / entropy - 1))
ratio = losses["0"] / losses["log(p/(1-p))"]
print(f"largest relative distance from log 2 and H(p): {off:.4f}, margin {0.01 - off:.4f}; "
      f"loss ratio {ratio:.1f}, margin {ratio - 10:.1f} over 10")
assert abs(losses["0"] / math.log(2) - 1) < 0.01
assert abs(losses["log(p/(1-p))"] / entropy - 1) < 0.01
assert losses["log(p/(1-p))"] < losses["0"] / 10

# Softmax output: bias_k = log(prior_k) gives the entropy of the class prior.
prior = torch.tensor([0.7, 0.2, 0.1])
labels = torch.multinomial(prior, n, replacement=True)
freq = torch.bincount(labels, minlength=3).float() / n
head3 = nn.Linear(16, 3)
nn.init.normal_(head3.weight, std=0.01)
with torch.no_grad():
    head3.bias.zero_()
    ce_zero = nn.functional.cross_entropy(head3(x), labels).item()
    head3.bias.copy_(freq.log())
    ce_prior = nn.functional.cross_entropy(head3(x), labels).item()
H3 = -(freq * freq.log()).sum().item()
print(
    f"3 classes: initial loss {ce_zero:.4f} with bias 0 (log 3 = {math.log(3):.4f}), "
    f"{ce_prior:.4f} with bias log(prior) (entropy {H3:.4f})"
)
off = max(abs(ce_zero / math.log(3) - 1), abs(ce_prior / H3 - 1))
print(f"largest relative distance from log 3 and the entropy: {off:.4f}, margin {0.01 - off:.4f}")
assert abs(ce_zero / math.log(3) - 1) < 0.01 and abs(ce_prior / H3 - 1) < 0.01

# Regression output: bias = mean of the targets gives MSE = variance of the targets.
t = 50 + 2 * torch.randn(n)
reg = nn.Linear(16, 1)
nn.init.normal_(reg.weight, std=0.01)
with torch.no_grad():
    reg.bias.zero_()
    mse_zero = nn.functional.mse_loss(reg(x).squeeze(1), t).item()
    reg.bias.fill_(t.mean())
    mse_mean = nn.functional.mse_loss(reg(x).squeeze(1), t).item()
var = t.var(unbiased=False).item()
print(
    f"regression, targets mean {t.mean().item():.2f}: initial MSE {mse_zero:.1f} with bias 0, "
    f"{mse_mean:.3f} with bias = mean (variance {var:.3f})"
)
print(f"margins: {0.01 - abs(mse_mean - var):.4f} (|MSE - variance| < 0.01), "
      f"{mse_zero / mse_mean - 500:.0f} (ratio over 500)")
assert abs(mse_mean - var) < 0.01 and mse_zero > 500 * mse_mean
