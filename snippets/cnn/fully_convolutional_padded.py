# The same architecture with zero padding (padding=1, as in VGG): 48x48 inputs, a 16x6x6 last map
torch.manual_seed(1)
padded_features = copy.deepcopy(features)
for m in padded_features:
    if isinstance(m, nn.Conv2d):
        m.padding = (1, 1)
P_SIZE = 48
side = map_size(padded_features, P_SIZE)
padded_cnn = nn.Sequential(
    padded_features, nn.Sequential(nn.Flatten(), nn.Linear(C * side * side, 32), nn.ReLU(), nn.Linear(32, 10))
).eval()
padded_fcn = convert(padded_cnn, P_SIZE)
small_in, big_in = torch.randn(20, 3, P_SIZE, P_SIZE), torch.randn(1, 3, 96, 96)
with torch.no_grad():
    same_size_gap = (padded_fcn(small_in).flatten(1) - padded_cnn(small_in)).abs().max().item()
    padded_grid = padded_fcn(big_in)[0]
    n = padded_grid.shape[-1]
    padded_crops = torch.stack(
        [big_in[0, :, 8 * i : 8 * i + P_SIZE, 8 * j : 8 * j + P_SIZE] for i in range(n) for j in range(n)]
    )
    padded_by_crop = padded_cnn(padded_crops).reshape(n, n, 10).permute(2, 0, 1)
crop_gaps = (padded_grid - padded_by_crop).abs().amax(dim=0)  # per position, over the 10 outputs
print(f"padding=1: conversion on 48x48, largest gap {same_size_gap:.1e}; on 96x96, map {n}x{n}")
print(f"map vs crops: smallest gap over the {n * n} positions {crop_gaps.min():.3f}, largest {crop_gaps.max():.3f}")
print(f"smallest gap above 100 times the tolerance by a margin {crop_gaps.min() - 100 * tol:.4f}")
assert same_size_gap < tol and crop_gaps.min() > 100 * tol
