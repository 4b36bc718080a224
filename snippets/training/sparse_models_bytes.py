import io
import zlib

warnings.filterwarnings("ignore", message="Sparse CSR tensor support is in beta")


def saved_bytes(obj):
    """Size of what torch.save writes."""
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    return buffer.getvalue()


# Seed 0's network, dense and pruned to 90 % with the API (before and after prune.remove).
dense_model = unstack(dense_300, 0)
masked_model = unstack(dense_300, 0)
prune.global_unstructured(pairs(masked_model), pruning_method=prune.L1Unstructured, amount=AMOUNT)
size_dense = len(saved_bytes(dense_model.state_dict()))
size_masked = len(saved_bytes(masked_model.state_dict()))
for m, name in pairs(masked_model):
    prune.remove(m, name)
file_removed = saved_bytes(masked_model.state_dict())
size_removed, size_zlib = len(file_removed), len(zlib.compress(file_removed))
size_zlib_dense = len(zlib.compress(saved_bytes(dense_model.state_dict())))
print(f"torch.save(state_dict()): dense {size_dense} bytes; pruned, before remove {size_masked}; ", end="")
print(f"after remove {size_removed}")
print(f"  compressed with zlib: dense {size_zlib_dense}, pruned after remove {size_zlib}")
ratio = size_masked / size_dense
print(
    f"  before remove / dense = {ratio:.3f} (weight_orig + weight_mask), "
    f"margin {min(ratio - 1.9, 2.0 - ratio):.3f} inside [1.9, 2.0]"
)
assert 1.9 < ratio < 2.0, "the state dict holds weight_orig and weight_mask"
assert abs(size_removed - size_dense) < 0.01 * size_dense, "after remove: the dense size, zeros included"
print(f"  zlib: pruned file {size_zlib / size_removed:.2f} of its size, dense file {size_zlib_dense / size_dense:.2f}")
assert size_zlib < 0.3 * size_removed and size_zlib_dense > 0.8 * size_dense


# CSR with int64 indices: values nnz * 4 bytes, column indices nnz * 8, row pointers (rows + 1) * 8.
def csr_bytes(t):
    csr = t.to_sparse_csr()
    parts = (csr.values(), csr.col_indices().clone(), csr.crow_indices())  # clone: see below
    return sum(p.untyped_storage().nbytes() for p in parts), csr


layer = masked_model[0]  # 128 x 64, the first layer of the 90 % pruned network
rows_, cols_ = layer.weight.shape
break_even = (4 * rows_ * cols_ - 8 * (rows_ + 1)) / (12 * rows_ * cols_)
break_even_coo = 4 / (4 + 2 * 8)  # 4 bytes of value and two int64 indices per non-zero, against 4 per entry
print(f"break-even density for {rows_} x {cols_}: CSR {break_even:.4f}, coordinate format {break_even_coo:.1f}")
w = dense_model[0].weight.detach()
for density in (0.1, 0.2, 0.3, 0.32, 0.33, 0.4, 0.5):
    keep = torch.topk(w.abs().flatten(), round(density * w.numel())).indices
    t = torch.zeros(w.numel()).index_copy_(0, keep, w.flatten()[keep]).view_as(w)
    nnz = int((t != 0).sum())
    b_csr, _ = csr_bytes(t)
    b_coo = sum(p.untyped_storage().nbytes() for p in (t.to_sparse().indices(), t.to_sparse().values()))
    print(f"  density {nnz / t.numel():.4f}: dense {t.nbytes}, CSR {b_csr}, coordinate {b_coo} bytes")
    assert b_csr == nnz * (4 + 8) + (rows_ + 1) * 8 and b_coo == nnz * (4 + 2 * 8)
    assert (b_csr < t.nbytes) == (nnz / t.numel() < break_even), "CSR is smaller exactly below d*"
    assert (b_coo < t.nbytes) == (nnz / t.numel() < break_even_coo), "coordinate format: below 0.2"

# What to_sparse_csr() returns here: col_indices is a view into a buffer of 2 * nnz int64 (it also holds the
# row indices of the coordinate-format tensor it was made from), and torch.save writes that whole buffer.
_, csr = csr_bytes(layer.weight.detach())
nnz = csr.values().numel()
col = csr.col_indices()
density = nnz / layer.weight.numel()
print(f"first layer of the pruned network, density {density:.3f}, nnz {nnz}: ", end="")
print(f"col_indices holds {col.untyped_storage().nbytes()} bytes = 2 * nnz * 8")
assert col.untyped_storage().nbytes() == 2 * nnz * 8 and col.clone().untyped_storage().nbytes() == nnz * 8
buffer = torch.empty(0, dtype=torch.int64).set_(col.untyped_storage(), 0, (2 * nnz,))  # the whole buffer
assert col.storage_offset() == nnz and torch.equal(buffer[:nnz], layer.weight.detach().nonzero()[:, 0]), "row indices"
print(
    f"  torch.save: dense {len(saved_bytes(layer.weight.detach()))}, to_sparse_csr() "
    f"{len(saved_bytes(csr))}, after .clone() {len(saved_bytes(csr.clone()))} bytes"
)
assert len(saved_bytes(csr.clone())) < len(saved_bytes(csr)) < len(saved_bytes(layer.weight.detach()))
