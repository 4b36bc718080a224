rng = np.random.default_rng(2)
x = torch.from_numpy(np.maximum(rng.normal(0.0, 60.0, size=(8, 12, 5, 5)), 0.0))  # 8 images, 12 maps
lrn = nn.LocalResponseNorm(N_MAPS, alpha=N_MAPS * ALPHA, beta=BETA, k=K)
bn = nn.BatchNorm2d(12, dtype=torch.float64)
n_lrn, n_bn = sum(p.numel() for p in lrn.parameters()), sum(p.numel() for p in bn.parameters())
print(f"learnable parameters: LRN {n_lrn}, BN {n_bn}; buffers: LRN {[n for n, _ in lrn.named_buffers()]}, ", end="")
print(f"BN {[n for n, _ in bn.named_buffers()]}")
assert n_lrn == 0 and n_bn == 24 and list(lrn.buffers()) == []

# image 0's output, with the other 7 images as they are and with them replaced
others = torch.cat([x[:1], 3.0 * x[1:].flip(0)])
lrn_gap = (lrn(x)[0] - lrn(others)[0]).abs().max().item()
bn_gap = (bn(x)[0] - bn(others)[0]).abs().max().item()  # training mode: batch statistics
print(f"image 0's output when the rest of the batch changes: LRN moves {lrn_gap:.1e}, BN (training) {bn_gap:.2f}")
assert lrn_gap < 1e-12 and bn_gap > 0.1
alone = (lrn(x[:1])[0] - lrn(x)[0]).abs().max().item()
assert alone < 1e-12  # a batch of one gives the same output

lrn.train()
y_train = lrn(x)
lrn.eval()
assert torch.equal(lrn(x), y_train)  # no running statistics: training and evaluation modes agree
y = y_train
per_map = bn(x).mean(dim=(0, 2, 3))
print(
    f"LRN output: mean {y.mean().item():.2f}, std {y.std().item():.2f}; BN output per map: means within "
    f"{per_map.abs().max().item():.0e} of 0"
)
assert ((y > 0) == (x > 0)).all() and y.mean() > 1.0  # b = a times a positive factor: no centring
