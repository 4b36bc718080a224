import copy

# data parallelism: 4 replicas, each with a copy of the model and a quarter of the batch
torch.manual_seed(0)
model = make_cnn()
x, y = batch(16)
model.zero_grad()
F.cross_entropy(model(x), y).backward()
full = flat_grad(model)  # the gradient of the mean loss over the 16 images, on one device
shard_grads = []
for xs, ys in zip(x.chunk(4), y.chunk(4), strict=True):
    replica = copy.deepcopy(model)  # every device holds all parameters, gradients and optimiser state
    F.cross_entropy(replica(xs), ys).backward()  # the mean loss of its own shard
    shard_grads.append(flat_grad(replica))
averaged = torch.stack(shard_grads).mean(0)  # what DistributedDataParallel's all-reduce computes
gap = ((averaged - full).abs().max() / full.abs().max()).item()
print(f"average of 4 shard gradients against the batch of 16: largest difference {gap:.1e}")
assert torch.allclose(averaged, full, rtol=1e-4, atol=1e-6 * full.abs().max().item())
per_device = saved_by_autograd(replica, *batch(4))[0]
print(
    f"saved per device: {per_device / MB:.3f} MB (batch 16 on one device: {rows[16][0] / MB:.3f} MB); "
    f"parameters + gradients + Adam state per device: {sum(rows[16][1]) / MB:.3f} MB, as on one device"
)
assert per_device == rows[4][0] == hand_count(n=4)

# model parallelism: block 1 on one device, the rest on another (the map of block 1 is sent across)
stage1, stage2 = model[:1], model[1:]
h1 = stage1(x)
saved = {}
for name, stage, inp in (("device 1", stage1, x), ("device 2", stage2, h1.detach().requires_grad_())):
    with SavedTensors() as rec:
        out = stage(inp)
    saved[name] = rec.split(stage)[0]
    n_par = sum(p.numel() for p in stage.parameters())
    print(f"{name}: {n_par:>6,} parameters, saves {saved[name]:,} bytes of activations for batch 16")
share = sum(p.numel() for p in stage2.parameters()) / n_params
print(
    f"device 2 holds {share:.0%} of the parameters; activations differ by "
    f"{abs(saved['device 1'] - saved['device 2']) / saved['device 1']:.2%}"
)
assert saved["device 1"] == 16 * 4 * (image + maps[0])  # the input and layer 1's map
assert abs(saved["device 1"] - saved["device 2"]) < 0.01 * saved["device 1"] and share > 0.95
assert saved["device 2"] == 16 * 4 * (sum(maps) + CHANNELS[-1])  # its copy of map 1, maps 2, 3, pooled features
