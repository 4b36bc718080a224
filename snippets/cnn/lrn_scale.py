rng = np.random.default_rng(3)
small = torch.from_numpy(np.maximum(rng.normal(0.0, 1.0, size=(8, 12, 5, 5)), 0.0))  # activities of order 1
ratio = lrn(10 * small)[small > 0] / lrn(small)[small > 0]
factor = lrn(small)[small > 0] / small[small > 0]
print(
    f"LRN(10 x) / LRN(x): from {ratio.min().item():.4f} to {ratio.max().item():.4f}; "
    f"LRN(x) / x: from {factor.min().item():.4f} to {factor.max().item():.4f} (k^-beta = {K**-BETA:.4f})"
)
assert (ratio > 9).all() and (ratio <= 10 + 1e-12).all()  # ten times the input: nine to ten times the output
assert ((factor / K**-BETA - 1).abs() < 1e-3).all()  # a constant factor 2^-0.75, within 0.1 %
bn_scaled = (bn(10 * small) - bn(small)).abs().max().item()
print(f"BN (training mode): max |BN(10 x) - BN(x)| = {bn_scaled:.1e}")
assert bn_scaled < 1e-3
