def alexnet(widths=(96, 256, 384, 384, 256), groups=(1, 2, 1, 2, 2), lrn=True, pad1=0, pool=None):
    """AlexNet's five convolutions and three dense layers; groups=2 is the paper's split across two GPUs."""
    c1, c2, c3, c4, c5 = widths
    pool = pool if pool is not None else nn.Identity()
    norm = (lambda: nn.LocalResponseNorm(5, alpha=5 * 1e-4, beta=0.75, k=2)) if lrn else nn.Identity
    features = nn.Sequential(
        nn.Conv2d(3, c1, 11, stride=4, padding=pad1, groups=groups[0]), nn.ReLU(), norm(), nn.MaxPool2d(3, 2),
        nn.Conv2d(c1, c2, 5, padding=2, groups=groups[1]), nn.ReLU(), norm(), nn.MaxPool2d(3, 2),
        nn.Conv2d(c2, c3, 3, padding=1, groups=groups[2]), nn.ReLU(),
        nn.Conv2d(c3, c4, 3, padding=1, groups=groups[3]), nn.ReLU(),
        nn.Conv2d(c4, c5, 3, padding=1, groups=groups[4]), nn.ReLU(), nn.MaxPool2d(3, 2), pool,
    )  # fmt: skip
    with torch.device("meta"):  # the 58.6 M dense weights: sizes only, no memory and no initialisation
        dense = nn.Sequential(
            nn.Dropout(0.5), nn.Linear(c5 * 6 * 6, 4096), nn.ReLU(),
            nn.Dropout(0.5), nn.Linear(4096, 4096), nn.ReLU(),
            nn.Linear(4096, 1000),
        )  # fmt: skip
    return nn.Sequential(features, nn.Flatten(), dense)


torch.manual_seed(0)
paper = alexnet()
one_tower = alexnet(groups=(1,) * 5)
# torchvision's alexnet (the one-GPU variant of Krizhevsky, 2014): other widths, padding 2, no LRN, 224x224 input
tv = alexnet((64, 192, 384, 256, 256), (1,) * 5, lrn=False, pad1=2, pool=nn.AdaptiveAvgPool2d(6))

shapes = []  # conv and pooling outputs, recorded during the one forward pass that counts the multiply-adds
record = [m for m in paper[0] if isinstance(m, (nn.Conv2d, nn.MaxPool2d))]
hooks = [m.register_forward_hook(lambda m, i, out: shapes.append(tuple(out.shape[1:]))) for m in record]
conv_macs_227, x = count_macs(paper[0], torch.randn(1, 3, 227, 227))
for h in hooks:
    h.remove()
with torch.no_grad():
    first_224 = paper[0][0](torch.randn(1, 3, 224, 224)).shape[-1]
linears = [m for m in paper[2] if isinstance(m, nn.Linear)]
macs = conv_macs_227 + sum(m.in_features * m.out_features for m in linears)
dense = sum(n_params(m) for m in linears)

print("conv and pooling outputs (227x227 input):", shapes)
print(f"conv1 on the 224x224 input the paper states: {first_224}x{first_224}")
counts = {"paper (two GPUs)": n_params(paper), "one tower": n_params(one_tower), "torchvision variant": n_params(tv)}
for name, n in counts.items():
    print(f"{name}: {n:,} parameters ({n / 1e6:.1f} M)")
print(f"dense layers hold {dense / n_params(paper):.1%}; {n_params(paper) / n_params(lenet):,.0f} times LeNet-5")
lenet_macs = count_macs(lenet, torch.randn(1, 1, 32, 32))[0]
print(f"{macs / 1e6:.0f} M multiply-adds per image, {macs / lenet_macs:,.0f} times LeNet-5's {lenet_macs:,}")
assert shapes == [(96, 55, 55), (96, 27, 27), (256, 27, 27), (256, 13, 13), (384, 13, 13), (384, 13, 13)] + [
    (256, 13, 13),
    (256, 6, 6),
]
assert linears[0].in_features == 256 * 6 * 6 == x[0].numel() and first_224 == 54
assert list(counts.values()) == [60_965_224, 62_378_344, 61_100_840]
assert 0.95 < dense / n_params(paper) < 0.97 and macs / lenet_macs > 2000
