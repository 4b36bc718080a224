import math

import torch

# Constant gradient g = 1 (loss = w): each step of torch.optim.SGD moves w by -lr * v_t.
# One parameter per beta, in one optimizer with a parameter group per beta.
lr, steps = 0.01, 500
betas = (0.5, 0.9, 0.99, 0.999, 0.99999)
ws = [torch.zeros(1, dtype=torch.float64, requires_grad=True) for _ in betas]
opt = torch.optim.SGD([{"params": [w], "momentum": b} for w, b in zip(ws, betas, strict=True)], lr=lr)
for t in range(1, steps + 1):
    before = torch.cat([w.detach() for w in ws])
    opt.zero_grad()
    sum(w.sum() for w in ws).backward()
    opt.step()
    v = (before - torch.cat([w.detach() for w in ws])) / lr  # the velocity v_t of each run
    for beta, v_t in zip(betas, v.tolist(), strict=True):
        formula = (1 - beta**t) / (1 - beta)
        assert abs(v_t - formula) < 1e-9 * formula, (beta, t)
print(f"{'beta':8s} {'1/(1-beta)':>10s} {'v_500 (torch)':>15s} {'(1-beta^t)/(1-beta)':>20s}")
for beta, v_t in zip(betas, v.tolist(), strict=True):
    print(f"{beta:<8} {1 / (1 - beta):10.0f} {v_t:15.2f} {(1 - beta**steps) / (1 - beta):20.2f}")

# Nesterov (nesterov=True) steps along g + beta v_t, which on a constant slope also tends to g / (1 - beta).
w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
nag = torch.optim.SGD([w], lr=lr, momentum=0.99, nesterov=True)
for t in range(1, steps + 1):
    before = w.item()
    nag.zero_grad()
    w.sum().backward()
    nag.step()
    step, formula = (before - w.item()) / lr, 1 + 0.99 * (1 - 0.99**t) / (1 - 0.99)
    assert abs(step - formula) < 1e-9 * formula, t
print(
    f"nesterov, beta = 0.99: step / lr after {steps} steps = {step:.2f} = 1 + beta (1 - beta^t)/(1 - beta), "
    f"limit 1/(1 - beta) = {1 / (1 - 0.99):.0f}"
)

# How long until the velocity reaches 1 - 1/e (63 %) of its terminal value? About 1/(1 - beta) steps.
for beta in (0.9, 0.99, 0.999, 0.99999):
    v, t = 0.0, 0
    while v < (1 - math.exp(-1)) / (1 - beta):
        v = beta * v + 1.0
        t += 1
    print(f"beta = {beta}: v reaches 63 % of 1/(1-beta) after {t} steps (1/(1-beta) = {1 / (1 - beta):.0f})")
    assert abs(t * (1 - beta) - 1) < 0.06
