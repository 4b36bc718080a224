import torch.nn.functional as F


def receptive_field(model):
    """Side of the receptive field of one output, by the recurrence r += (K - 1) D j, j *= S over the layers."""
    r, j = 1, 1
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.MaxPool2d, nn.AvgPool2d)):
            k, s, _, d = geometry(m) if not isinstance(m, nn.AvgPool2d) else (m.kernel_size, m.stride, 0, 1)
            r, j = r + (k - 1) * d * j, j * s
    return r


def measured_field(model, size):
    """Rows of the input that reach the central output, by autograd. Positive weights and average pooling
    (the same geometry as max pooling) make every path count, so no gradient vanishes by accident."""
    x = torch.ones(1, 1, size, size, requires_grad=True)
    out = model(x)
    out[0, 0, out.shape[2] // 2, out.shape[3] // 2].backward()
    rows = (x.grad[0, 0].abs().sum(dim=1) > 0).nonzero()
    return int(rows.max() - rows.min() + 1)


probe = vgg_like(widths=(1,) * 5, pool=nn.AvgPool2d, c_in=1, bias=False)  # VGG16's geometry, one channel
for p in probe.parameters():
    nn.init.constant_(p, 1 / 9)
flat = nn.Sequential(*[m for m in probe.modules() if isinstance(m, (nn.Conv2d, nn.ReLU))])  # the 13 convs, no pooling
rf_vgg, rf_flat = receptive_field(probe), receptive_field(flat)
print(f"VGG16 geometry: receptive field {rf_vgg}x{rf_vgg} (formula), {measured_field(probe, 256)} rows (autograd)")
print(f"its 13 convolutions without pooling: {rf_flat}x{rf_flat} (formula), {measured_field(flat, 64)} rows (autograd)")
assert rf_vgg == measured_field(probe, 256) == 212 and rf_flat == measured_field(flat, 64) == 27

# At stride 1 each 3x3 layer adds 2 pixels: how many layers for VGG16's field, and what would 13 cost at 224x224?
layers_needed = math.ceil((rf_vgg - 1) / 2)
vgg16 = vgg_like()
convs16 = [m for m in vgg16.modules() if isinstance(m, nn.Conv2d)]
side, cost_pooled = 224, 0
for stage in vgg16:
    cost_pooled += sum(side * side * m.in_channels * m.out_channels * 9 for m in stage if isinstance(m, nn.Conv2d))
    side //= 2
cost_flat = sum(224 * 224 * m.in_channels * m.out_channels * 9 for m in convs16)
print(
    f"stride 1 throughout: {layers_needed} 3x3 layers for a {rf_vgg}-pixel field; VGG16's 13 convolutions at 224x224 "
    f"cost {cost_flat / 1e9:.0f} G multiply-adds against {cost_pooled / 1e9:.1f} G with pooling"
)
assert layers_needed == 106 and cost_flat > 10 * cost_pooled

# Fewer numbers at the bottleneck than in the image, although downsampling alone need not lose anything
image_numbers, bottleneck_numbers = x.numel(), convs16[-1].out_channels * sizes[-1] ** 2
unshuffled = F.pixel_unshuffle(x, 32)  # every 32x32 block of pixels moved into channels: (3 * 1024, 7, 7)
print(
    f"VGG16 at the bottleneck: {bottleneck_numbers:,} numbers for {image_numbers:,} in the image; "
    f"a lossless 32x downsampling (pixel_unshuffle) needs {unshuffled.shape[1]:,} channels"
)
assert unshuffled.shape == (1, 3072, 7, 7) and torch.equal(F.pixel_shuffle(unshuffled, 32), x)
assert image_numbers == 6 * bottleneck_numbers
