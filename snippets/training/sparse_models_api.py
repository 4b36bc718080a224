import copy

from torch.nn.utils import prune

layer = unstack(dense_300, 0)[0]  # the trained first layer of seed 0: nn.Linear(64, 128)
param, w0 = layer.weight, layer.weight.detach().clone()
prune.l1_unstructured(layer, "weight", amount=0.9)

# What the call did to the module.
print("parameters:", [n for n, _ in layer.named_parameters()], "| buffers:", [n for n, _ in layer.named_buffers()])
hooks = [type(h).__name__ for h in layer._forward_pre_hooks.values()]
print("state_dict:", list(layer.state_dict()), "| forward pre-hooks:", hooks)
assert [n for n, _ in layer.named_parameters()] == ["bias", "weight_orig"]
assert [n for n, _ in layer.named_buffers()] == ["weight_mask"] and hooks == ["L1Unstructured"]
assert "weight" not in layer._parameters and not isinstance(layer.weight, nn.Parameter)  # a plain tensor attribute
assert layer.weight_orig is param and torch.equal(layer.weight_orig, w0), "the same Parameter, values untouched"
hook = next(iter(layer._forward_pre_hooks.values()))
assert isinstance(hook, prune.L1Unstructured) and len(layer._forward_pre_hooks) == 1

# The mask: 0/1 in the weight's dtype, zeros on the 90 % smallest |w| (L1Unstructured = magnitude, no penalty).
mask = layer.weight_mask
n_zero = int((mask == 0).sum())
print(f"mask {tuple(mask.shape)} {mask.dtype}: {n_zero} zeros = round(0.9 * {mask.numel()})")
assert mask.dtype == torch.float32 and set(mask.unique().tolist()) == {0.0, 1.0} and n_zero == round(0.9 * 8192)
assert w0[mask == 0].abs().max() <= w0[mask == 1].abs().min(), "the removed weights are the smallest in magnitude"

# The forward pass uses weight = weight_orig * weight_mask, recomputed by the hook before every call.
x = X_te
assert torch.equal(layer.weight, layer.weight_orig * layer.weight_mask) and (layer.weight[mask == 0] == 0).all()
assert torch.allclose(layer(x), x @ (w0 * mask).T + layer.bias, atol=1e-5)
probe = prune.l1_unstructured(unstack(dense_300, 0)[0], "weight", amount=0.9)  # a second copy, to edit
with torch.no_grad():
    probe.weight_orig.add_(1.0)  # change the original weights in place
stale = torch.equal(probe.weight, probe.weight_orig * probe.weight_mask)
probe(x)  # the pre-hook runs and recomputes weight
assert not stale and torch.equal(probe.weight, probe.weight_orig * probe.weight_mask)
assert (probe.weight[mask == 0] == 0).all(), "masked entries stay exactly zero whatever weight_orig holds"
print(f"forward: weight recomputed by the hook (stale before the call: {not stale}); masked entries exactly 0")

# Gradients: d weight / d weight_orig = mask, so the masked entries of weight_orig get exactly zero gradient.
loss = F.cross_entropy(torch.relu(layer(x)) @ dense_300[2][0] + dense_300[3][0], y_te)  # the rest of the network
loss.backward()
g = layer.weight_orig.grad
print(f"gradient of weight_orig: {int((g[mask == 0] == 0).sum())} of {n_zero} masked entries exactly 0")
assert (g[mask == 0] == 0).all() and (g[mask == 1] != 0).sum() > 0.5 * (mask == 1).sum()
layer.weight_orig.grad = None

# Memory: three full-size tensors where the dense layer had one.
tensors = [layer.weight_orig, layer.weight_mask, layer.weight]
nbytes = [t.untyped_storage().nbytes() for t in tensors]
print(f"bytes: weight_orig {nbytes[0]}, weight_mask {nbytes[1]}, weight {nbytes[2]}; dense weight {w0.nbytes}")
assert nbytes == [w0.nbytes] * 3 and len({t.data_ptr() for t in tensors}) == 3

# Pruning again: `amount` is a fraction of the weights still unpruned; the hook becomes a PruningContainer.
prune.l1_unstructured(layer, "weight", amount=0.5)
n_zero2 = int((layer.weight_mask == 0).sum())
print(f"second l1_unstructured(amount=0.5): {n_zero2} zeros = {n_zero} + round(0.5 * {8192 - n_zero})")
assert n_zero2 == n_zero + round(0.5 * (8192 - n_zero))
assert isinstance(next(iter(layer._forward_pre_hooks.values())), prune.PruningContainer)

# copy.deepcopy refuses a pruned module: its `weight` is computed (not a leaf tensor) until remove.
try:
    copy.deepcopy(layer)
    copied = True
except RuntimeError:
    copied = False
print(f"copy.deepcopy of the pruned module: {'works' if copied else 'RuntimeError'}")
assert not copied and not layer.weight.is_leaf

# remove: permanent. One Parameter `weight` again (the original object), zeros included; no mask, no hook.
prune.remove(layer, "weight")
print("after remove: parameters", [n for n, _ in layer.named_parameters()], "buffers", list(layer.buffers()))
assert [n for n, _ in layer.named_parameters()] == ["bias", "weight"] and not list(layer.buffers())
assert layer.weight is param and not layer._forward_pre_hooks and int((layer.weight == 0).sum()) == n_zero2
assert not prune.is_pruned(layer) and isinstance(copy.deepcopy(layer), nn.Linear)
