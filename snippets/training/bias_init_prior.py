import math

import torch
from torch import nn

torch.manual_seed(0)
n = 100_000
x = torch.randn(n, 16)

# Binary output, 1% positives (the prior used by Lin et al., 2017). First the formulas at pi = 0.01:
pi = 0.01
print(
    f"pi = 0.01: bias log(pi/(1-pi)) = {math.log(pi / (1 - pi)):.3f}, "
    f"H(pi) = {-(pi * math.log(pi) + (1 - pi) * math.log(1 - pi)):.3f}; with that bias a negative starts at "
    f"-log(1-pi) = {-math.log(1 - pi):.3f}, a positive at -log pi = {-math.log(pi):.3f} (log 2 = {math.log(2):.3f})"
)
y = (torch.rand(n) < 0.01).float()
p = y.mean().item()
head = nn.Linear(16, 1)
nn.init.normal_(head.weight, std=0.01)  # small final-layer weights: logit ~ bias at the start
entropy = -(p * math.log(p) + (1 - p) * math.log(1 - p))
losses, by_class = {}, {}
for name, b in (("0", 0.0), ("log(p/(1-p))", math.log(p / (1 - p)))):
    with torch.no_grad():
        head.bias.fill_(b)
        per_example = nn.functional.binary_cross_entropy_with_logits(head(x).squeeze(1), y, reduction="none")
    losses[name] = per_example.mean().item()
    # mean loss of a negative (the frequent class) and of a positive (the rare class), and the
    # negatives' share of the total loss
    neg, pos = per_example[y == 0].mean().item(), per_example[y == 1].mean().item()
    share = per_example[y == 0].sum().item() / per_example.sum().item()
    by_class[name] = neg, pos, share
    print(
        f"binary, p = {p:.4f}, bias {name:13s}= {b:+.3f}: initial loss {losses[name]:.4f} "
        f"(a negative {neg:.4f}, a positive {pos:.3f}; negatives' share of the total {share:.1%})"
    )
print(
    f"log 2 = {math.log(2):.4f}, entropy of the prior H(p) = {entropy:.4f}, "
    f"-log(1-p) = {-math.log(1 - p):.4f}, -log p = {-math.log(p):.3f}"
)
# Within 1 %: the small weights add a term of order Var(w.x) = 16 * 0.01^2 to the loss.
off = max(abs(losses["0"] / math.log(2) - 1), abs(losses["log(p/(1-p))"] / entropy - 1))
ratio = losses["0"] / losses["log(p/(1-p))"]
print(
    f"largest relative distance from log 2 and H(p): {off:.4f}, margin {0.01 - off:.4f}; "
    f"loss ratio {ratio:.1f}, margin {ratio - 10:.1f} over 10"
)
assert abs(losses["0"] / math.log(2) - 1) < 0.01
assert abs(losses["log(p/(1-p))"] / entropy - 1) < 0.01
assert losses["log(p/(1-p))"] < losses["0"] / 10
# What falls and what rises (Lin et al., 2017, section 4.1): with bias 0 the many negatives make
# almost all of the loss; the prior bias cuts a negative's loss from log 2 to -log(1 - p), while
# each rare positive starts worse, at -log p instead of log 2.
(neg0, pos0, share0), (negp, posp, sharep) = by_class["0"], by_class["log(p/(1-p))"]
off = max(
    abs(neg0 / math.log(2) - 1),
    abs(pos0 / math.log(2) - 1),
    abs(negp / -math.log(1 - p) - 1),
    abs(posp / -math.log(p) - 1),
)
print(
    f"per-class losses within {off:.4f} (relative) of log 2, -log(1-p) and -log p, margin {0.01 - off:.4f}; "
    f"negatives' share with bias 0: {share0:.3f}, margin {share0 - 0.95:.3f} over 0.95"
)
assert off < 0.01, "a negative's loss falls to -log(1-p), a positive's rises to -log p"
assert negp < neg0 / 10 and posp > 5 * pos0, "the frequent class's loss falls, the rare class's rises"
assert share0 > 0.95, "with bias 0 the frequent class makes almost all of the initial loss"

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
print(
    f"margins: {0.01 - abs(mse_mean - var):.4f} (|MSE - variance| < 0.01), "
    f"{mse_zero / mse_mean - 500:.0f} (ratio over 500)"
)
assert abs(mse_mean - var) < 0.01 and mse_zero > 500 * mse_mean
