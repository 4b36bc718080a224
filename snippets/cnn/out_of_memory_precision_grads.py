def gradient(model, x, y, dtype=None, scaler=None):
    """Parameter gradient of the mean loss; with dtype under autocast, with a scaler through loss scaling."""
    model.zero_grad()
    with torch.autocast("cpu", dtype=dtype or torch.bfloat16, enabled=dtype is not None):
        loss = F.cross_entropy(model(x), y)
    if scaler is None:
        loss.backward()
    else:
        scaler.scale(loss).backward()
        scaler.unscale_(torch.optim.SGD(model.parameters()))  # divide by the scale, as before a step
    return torch.cat([p.grad.flatten() for p in model.parameters()])


errors = {"bfloat16": [], "float16": [], "float16 + GradScaler": []}
for seed in range(5):  # five seeds, fixed in advance; the arms share the weights and the batch
    torch.manual_seed(seed)
    model = make_cnn()
    x, y = batch(8, seed)
    g32 = gradient(model, x, y)
    arms = {"bfloat16": gradient(model, x, y, torch.bfloat16)}
    arms["float16"] = gradient(model, x, y, torch.float16)
    arms["float16 + GradScaler"] = gradient(model, x, y, torch.float16, torch.amp.GradScaler("cpu"))
    for name, g in arms.items():
        errors[name].append(((g - g32).norm() / g32.norm()).item())
for name, e in errors.items():
    print(
        f"{name:<21} relative gradient error against float32:",
        ", ".join(f"{v:.4f}" for v in e),
        f"| largest {max(e):.4f}, claim below 0.05, margin {0.05 - max(e):.4f}",
    )
assert all(max(e) < 0.05 for e in errors.values())
same = max(abs(a - b) for a, b in zip(errors["float16"], errors["float16 + GradScaler"], strict=True))
print(
    f"float16 with and without loss scaling: errors differ by at most {same:.1e} "
    f"(claim: below 5e-4, margin {5e-4 - same:.1e})"
)
assert same < 5e-4
