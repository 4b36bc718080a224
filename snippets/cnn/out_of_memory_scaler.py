import inspect

params = inspect.signature(torch.amp.GradScaler.__init__).parameters
defaults = {k: params[k].default for k in ("init_scale", "growth_factor", "backoff_factor", "growth_interval")}
print("GradScaler defaults:", defaults)
assert defaults == {"init_scale": 65536.0, "growth_factor": 2.0, "backoff_factor": 0.5, "growth_interval": 2000}

torch.manual_seed(0)
model = make_cnn()
optimiser = torch.optim.SGD(model.parameters(), lr=0.01)
x, y = batch(4)
scaler = torch.amp.GradScaler("cpu")
optimiser.zero_grad()
with torch.autocast("cpu", dtype=torch.float16):
    loss = F.cross_entropy(model(x), y)
scaler.scale(loss).backward()  # backward of loss x 65536: every gradient is 65536 times larger
scaled = [p.grad.clone() for p in model.parameters()]
scaler.unscale_(optimiser)  # divides the float32 gradients by the scale (a power of 2: exact)
assert all(torch.equal(s / scaler.get_scale(), p.grad) for s, p in zip(scaled, model.parameters(), strict=True))
scaler.step(optimiser)  # finite gradients: the step is taken
scaler.update()
assert scaler.get_scale() == 65536.0  # grows only after 2000 steps without overflow

# an overflow (a loss made 1e30 times larger on purpose): the step is skipped and the scale halved
before = [p.detach().clone() for p in model.parameters()]
optimiser.zero_grad()
with torch.autocast("cpu", dtype=torch.float16):
    loss = F.cross_entropy(model(x), y) * 1e30
scaler.scale(loss).backward()
overflowed = not all(p.grad.isfinite().all() for p in model.parameters())
scaler.step(optimiser)
scaler.update()
skipped = all(torch.equal(b, p) for b, p in zip(before, model.parameters(), strict=True))
print(f"overflow: non-finite gradients {overflowed}, step skipped {skipped}, new scale {scaler.get_scale():.0f}")
assert overflowed and skipped and scaler.get_scale() == 32768.0
