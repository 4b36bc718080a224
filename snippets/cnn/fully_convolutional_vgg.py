# Géron's example at full scale: VGG16's layers (without its dropout: no arithmetic, and off at prediction).
# Built on PyTorch's meta device (parameters with shapes, no data) and counted with the formula, not run
def vgg16(device="meta"):
    layers, c_in = [], 3
    for c_out, n_convs in [(64, 2), (128, 2), (256, 3), (512, 3), (512, 3)]:
        for _ in range(n_convs):
            layers += [nn.Conv2d(c_in, c_out, 3, padding=1, device=device), nn.ReLU()]
            c_in = c_out
        layers.append(nn.MaxPool2d(2))
    dense = [nn.Linear(512 * 7 * 7, 4096, device=device), nn.Linear(4096, 4096, device=device)]
    dense.append(nn.Linear(4096, 1000, device=device))
    head = nn.Sequential(nn.Flatten(), dense[0], nn.ReLU(), dense[1], nn.ReLU(), dense[2])
    return nn.Sequential(nn.Sequential(*layers), head)


vgg = vgg16()
vgg_fcn = nn.Sequential(
    vgg[0],
    *(dense_to_conv(vgg[1][1], 512, 7, 7), nn.ReLU()),
    *(dense_to_conv(vgg[1][3], 4096, 1, 1), nn.ReLU()),
    dense_to_conv(vgg[1][5], 4096, 1, 1),
)
n_vgg = sum(p.numel() for p in vgg.parameters())
print(f"VGG16: {n_vgg:,} parameters, the same after the conversion")
assert n_vgg == sum(p.numel() for p in vgg_fcn.parameters())
side_224, side_448, grid_vgg = map_size(vgg[0], 224), map_size(vgg[0], 448), map_size(vgg_fcn, 448)
print(f"last feature map: {side_224}x{side_224} for 224x224, {side_448}x{side_448} for 448x448")
print(f"converted network on 448x448: a {grid_vgg}x{grid_vgg} grid of 1000 class scores")
assert (side_224, side_448, grid_vgg) == (7, 14, 8) and map_size(vgg_fcn, 224) == 1

vgg_one, vgg_window = multiply_adds_formula(vgg_fcn, 448), multiply_adds_formula(vgg, 224)
vgg_windows = grid_vgg**2 * vgg_window
print(
    f"multiply-adds: one pass on 448x448 {vgg_one / 1e9:.1f} G; {grid_vgg**2} crops of 224x224 "
    f"{grid_vgg**2} x {vgg_window / 1e9:.2f} G = {vgg_windows / 1e9:.0f} G ({vgg_windows / vgg_one:.1f} times more)"
)
print(f"one pass on 448x448 = {vgg_one / vgg_window:.1f} times one 224x224 image, for {grid_vgg**2} predictions")
assert vgg_windows > 10 * vgg_one
