import copy


# Dilated 3x3 convolutions, dilation 1, 2, 4, 8 (padding = dilation keeps the size), as in Yu & Koltun's
# context module, against four ordinary 3x3 convolutions; one channel, weights 1/9, so every path counts
def stack(dilations):
    layers = [nn.Conv2d(1, 1, 3, padding=d, dilation=d, bias=False) for d in dilations]
    for m in layers:
        nn.init.constant_(m.weight, 1 / 9)
    return nn.Sequential(*layers)


dilated, plain = stack((1, 2, 4, 8)), stack((1, 1, 1, 1))
with torch.no_grad():
    out_shape = dilated(torch.zeros(1, 1, 64, 64)).shape
fields = [measured_field(dilated[: i + 1], 64) for i in range(4)]
print(f"dilations 1, 2, 4, 8: 64x64 -> {tuple(out_shape[-2:])}, receptive field after each layer {fields}")
n_params = sum(p.numel() for p in dilated.parameters())
print(f"four undilated 3x3 layers: receptive field {measured_field(plain, 64)}; {n_params} parameters in both stacks")
assert out_shape[-2:] == (64, 64)
assert fields == [receptive_field(dilated[: i + 1]) for i in range(4)] == [2 ** (i + 2) - 1 for i in range(4)]
assert measured_field(plain, 64) == receptive_field(plain) == 9
assert n_params == sum(p.numel() for p in plain.parameters())

# DeepLab's change to a VGG-like network: the last two poolings keep stride 1 and the layers after them are
# dilated (the convolutions of stage 5 by 2, pooling 5 by 2): same weights, output stride 8 instead of 32
torch.manual_seed(0)
original = vgg_like(widths=(4, 8, 8, 8, 8))
atrous = copy.deepcopy(original)
atrous[3][-1] = nn.MaxPool2d(2, stride=1)
for m in atrous[4]:
    if isinstance(m, nn.Conv2d):
        m.dilation, m.padding = (2, 2), (2, 2)
atrous[4][-1] = nn.MaxPool2d(2, stride=1, dilation=2)
img = torch.randn(1, 3, 224, 224)
with torch.no_grad():
    coarse_map, dense_map = original(img), atrous(img)
print(
    f"original: {tuple(coarse_map.shape[-2:])} (stride 32); atrous: {tuple(dense_map.shape[-2:])}, on a stride-8 grid"
)
gap = (dense_map[..., ::4, ::4] - coarse_map).abs().max().item()
print(f"every 4th position of the atrous map vs the original map: largest gap {gap:.1e}")
print(f"receptive field: {receptive_field(original)} and {receptive_field(atrous)}")
assert dense_map.shape[-1] == side_after(atrous, 224) == 25 and dense_map[..., ::4, ::4].shape == coarse_map.shape
assert torch.allclose(dense_map[..., ::4, ::4], coarse_map, rtol=1e-5, atol=1e-5 * coarse_map.abs().max().item())
assert receptive_field(original) == receptive_field(atrous) == 212
