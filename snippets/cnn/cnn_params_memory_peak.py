def training_peak(batch, device):
    """Largest total of live tensors in one forward + backward pass, as floats.

    The model and the input are created inside the measurement, so they count: the caller holds them.
    """
    with LiveTensors() as live, torch.device(device):
        torch.manual_seed(0)
        model = make_cnn()
        x = torch.randn(batch, 3, 200, 300)
        model(x).square().mean().backward()
    return live.peak // 4, model


cpu = {b: training_peak(b, "cpu") for b in (1, 2)}
meta = {b: training_peak(b, "meta")[0] for b in (1, 2, 50)}
model = cpu[1][1]  # a CPU model with the gradients of one backward pass (used below)
for b in (1, 2):
    print(f"batch {b}: peak {cpu[b][0]:,} floats on the CPU, {meta[b]:,} on the meta device")
    assert cpu[b][0] == meta[b]
per_extra = meta[2] - meta[1]  # what each further image adds
grads_so_far = sum(p.numel() for c in convs[1:] for p in c.parameters()) + 2  # layers 3 and 2, loss and its gradient
print(
    f"each image adds {per_extra:,} floats = 3 x {acts[0]:,} (layer-1 maps) + {image:,} (input); "
    f"fixed part {meta[1] - per_extra:,} = {n_params:,} parameters + {grads_so_far:,} "
    "(gradients of layers 3 and 2, the loss and its gradient)"
)
assert per_extra == 3 * acts[0] + image
assert meta[1] - per_extra == n_params + grads_so_far

peak_50 = meta[50]
print(
    f"batch 50, measured on the meta device: {peak_50:,} floats = {peak_50 * 4 / MB:.1f} MB "
    f"= {peak_50 * 4 / 1e9:.2f} GB ({peak_50 * 4 / MiB:.1f} MiB = {peak_50 * 4 / 2**30:.2f} GiB)"
)
assert peak_50 == meta[1] + 49 * per_extra  # linear in the batch size, checked at 50
# against what is saved: layers 2 and 3's maps are freed by then, two gradients of layer-1 size exist
assert peak_50 == saved_50 - 50 * (acts[1] + acts[2]) + 50 * 2 * acts[0] + n_params + grads_so_far
