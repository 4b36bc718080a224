def accumulated_step(model, optimiser, micro_batches, k):
    """One optimiser step from k micro-batches: each loss divided by k, the gradients summed by backward."""
    optimiser.zero_grad()
    for xs, ys in micro_batches:
        (F.cross_entropy(model(xs), ys) / k).backward()
    optimiser.step()


k_acc = 4
micro = lambda k=k_acc: (batch(16 // k, seed=j) for j in range(k))  # a data loader: one micro-batch at a time
x, y = (torch.cat(t) for t in zip(*micro(), strict=True))  # the same 16 images as one batch
torch.manual_seed(0)
model = make_cnn()
model.zero_grad()
F.cross_entropy(model(x), y).backward()
full = flat_grad(model)
model.zero_grad()
for xs, ys in micro():
    (F.cross_entropy(model(xs), ys) / k_acc).backward()
accumulated = flat_grad(model)
gap = ((accumulated - full).abs().max() / full.abs().max()).item()
print(f"batch 16 against 4 micro-batches of 4: largest difference {gap:.1e} of the largest gradient entry")
assert torch.allclose(accumulated, full, rtol=1e-4, atol=1e-6 * full.abs().max().item())

with LiveTensors() as live:  # peak of an accumulated step, everything made inside, as for step_peak
    torch.manual_seed(0)
    model = make_cnn()
    optimiser = torch.optim.Adam(model.parameters())
    accumulated_step(model, optimiser, micro(), k_acc)
    live.peak = 0
    accumulated_step(model, optimiser, micro(), k_acc)
peak_full = rows[16][2]
ratio = (peak_full - intercept) / (live.peak - intercept)
print(
    f"peak of live tensors: one batch of 16 {peak_full / MB:.3f} MB, 4 micro-batches {live.peak / MB:.3f} MB "
    f"(one batch of 4: {rows[4][2] / MB:.3f} MB); the part that grows with the batch is {ratio:.2f} times smaller"
)
assert rows[4][2] <= live.peak < rows[4][2] + 4 * n_params  # a batch of 4's peak, + at most gradients kept meanwhile
assert 3.9 < ratio <= k_acc
