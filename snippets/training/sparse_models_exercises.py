# 1. CSR with int32 indices: values nnz * 4 bytes, column indices nnz * 4, row pointers (rows + 1) * 4.
w = masked_model[0].weight.detach()  # 128 x 64, pruned
csr = w.to_sparse_csr()
csr32 = torch.sparse_csr_tensor(
    csr.crow_indices().int(), csr.col_indices().int(), csr.values(), w.shape, check_invariants=True
)
nnz = csr32.values().numel()
b32 = sum(t.untyped_storage().nbytes() for t in (csr32.crow_indices(), csr32.col_indices(), csr32.values()))
break_even_32 = (4 * rows_ * cols_ - 4 * (rows_ + 1)) / (8 * rows_ * cols_)
print(f"1. int32 CSR of the pruned layer: {b32} bytes = nnz * 8 + (rows + 1) * 4; break-even {break_even_32:.4f}")
assert csr32.col_indices().dtype == torch.int32 and b32 == nnz * 8 + (rows_ + 1) * 4
assert torch.equal(csr32.to_dense(), w) and abs(break_even_32 - 0.4921) < 1e-4

# 2. One proximal step, eta = 0.1, lambda = 0.01: the threshold is eta * lambda = 0.001.
u = torch.tensor([0.0004, -0.0009, 0.003, -0.0025])
after = soft_threshold(u, 0.001)
print("2. soft-threshold at 0.001:", [f"{v:+.4f}" for v in u.tolist()], "->", [f"{v:+.4f}" for v in after.tolist()])
assert torch.allclose(after, torch.tensor([0.0, 0.0, 0.002, -0.0015]))
assert (after[:2] == 0).all(), "exactly zero, not nearly"

# 3. Multiply-adds per image in the two weight layers.
macs_dense = sum(m.weight.numel() for m in (dense_model[0], dense_model[2]))
macs_csr = sum(int((m.weight != 0).sum()) for m in (masked_model[0], masked_model[2]))
macs_small = sum(m.weight.numel() for m in (small[0], small[2]))
print(f"3. multiply-adds per image: dense kernel {macs_dense} (zeros or not), CSR {macs_csr}, ", end="")
print(f"half the units {macs_small}")
assert macs_dense == 9472 and macs_csr == 9472 - 8525 and macs_small == 9472 // 2
