def saved_by_autograd(model, batch, device="cpu"):
    """Tensors autograd saves for the backward pass of one forward on a batch: shape and bytes, per storage."""
    with SavedTensors() as rec:
        _out = model(torch.randn(batch, 3, 200, 300, device=device))  # keeps the graph alive until we return
    return rec.saved


def activations(saved, model):
    """Floats saved that are not the model's own parameters."""
    params = {StorageWeakRef(p.untyped_storage()).cdata for p in model.parameters()}
    return sum(n for ptr, (_, n) in saved.items() if ptr not in params) // 4


model, meta_model = make_cnn(), make_cnn().to("meta")
saved = {b: saved_by_autograd(model, b) for b in (1, 2)}
param_ptrs = {StorageWeakRef(p.untyped_storage()).cdata for p in model.parameters()}
for ptr, (shape, nbytes) in saved[2].items():
    kind = "parameter" if ptr in param_ptrs else "activation"
    print(f"batch 2 saves {kind:<10} {str(shape):<20} {nbytes // 4:>10,} floats")

act = {b: activations(s, model) for b, s in saved.items()}
weights_saved = sum(n for p, (_, n) in saved[2].items() if p in param_ptrs) // 4
per_image = act[1]
print(f"activations saved on the CPU: batch 1 {act[1]:,} floats, batch 2 {act[2]:,} floats")
assert act[2] == 2 * act[1]  # linear in the batch size
assert per_image == image + sum(acts)  # input + the three ReLU outputs
assert weights_saved == sum(c.weight.numel() for c in convs) == 902_700  # the parameters themselves, no copy
assert len(saved[2]) == 7  # input, 3 weights, 3 ReLU outputs

# Batch 50 on the meta device: the same operators and autograd graph, shapes without data
meta = {b: saved_by_autograd(meta_model, b, "meta") for b in (1, 2, 50)}
for b in (1, 2):  # the meta device saves what the CPU saves
    assert sorted(meta[b].values()) == sorted(saved[b].values())
saved_50 = activations(meta[50], meta_model)
print(
    f"batch 50, measured on the meta device: {saved_50:,} floats = {saved_50 * 4 / MB:.1f} MB saved "
    f"({saved_50 * 4 / MiB:.1f} MiB); hand count of the feature maps alone: {50 * sum(acts) * 4 / MB:.1f} MB"
)
assert saved_50 == 50 * per_image and saved_50 * 4 == 562_000_000
