from fractions import Fraction

SIDE = 128


def lines(columns):
    """Images (one per column) of a one-pixel-wide vertical line, the object to segment."""
    x = torch.zeros(len(columns), 1, SIDE, SIDE)
    for i, c in enumerate(columns):
        x[i, 0, :, c] = 1
    return x


def iou(pred, truth):
    """Intersection over union of two boolean masks, exactly, as a fraction of pixel counts."""
    return Fraction(int((pred & truth).sum()), int((pred | truth).sum()))


columns = list(range(SIDE))
images = lines(columns)
truth = images > 0.5
print(" stride | IoU nearest (every column) | IoU bilinear (column 37)")
for s in (32, 16, 8, 4, 2, 1):
    bottleneck = F.max_pool2d(images, s)  # the pooling of a classification network, s = its output stride
    near = F.interpolate(bottleneck, scale_factor=s, mode="nearest") > 0.5
    bil = F.interpolate(bottleneck, scale_factor=s, mode="bilinear", align_corners=False) > 0.5
    near_iou = {iou(near[i], truth[i]) for i in columns}
    print(f"{s:>7} | {', '.join(map(str, near_iou)):>26} | {float(iou(bil[37], truth[37])):.3f}")
    assert near_iou == {Fraction(1, s)}  # the line fills 1 column of the s-wide band it is spread over
    assert iou(bil[37], truth[37]) <= Fraction(2, s)

# Lines at columns 33 and 62 fall in the same 32-pixel cell: their bottlenecks are identical, so every
# decoder that reads only the bottleneck (fixed or learned) outputs the same map for both
pair = lines([33, 62])
b33, b62 = F.max_pool2d(pair, 32)
torch.manual_seed(0)
learned = nn.ConvTranspose2d(1, 1, 64, stride=32, padding=16)  # an upsampler of the FCN-32s kind
with torch.no_grad():
    decoders = {
        "nearest": lambda b: F.interpolate(b[None], scale_factor=32, mode="nearest"),
        "bilinear": lambda b: F.interpolate(b[None], scale_factor=32, mode="bilinear", align_corners=False),
        "transposed conv": lambda b: learned(b[None]),
    }
    outputs = {name: (f(b33), f(b62)) for name, f in decoders.items()}
print("bottlenecks of the lines at columns 33 and 62 identical:", torch.equal(b33, b62))
assert torch.equal(b33, b62) and all(torch.equal(o33, o62) for o33, o62 in outputs.values())
# One mask for two disjoint lines: IoU(mask, line 33) + IoU(mask, line 62) <= 1, whatever the mask
t33, t62 = pair[0, 0] > 0.5, pair[1, 0] > 0.5
for mask in [t33, t62, t33 | t62, outputs["bilinear"][0][0, 0] > 0.5]:
    assert iou(mask, t33) + iou(mask, t62) <= 1
print("so the mean IoU over the two images is at most 1/2 for any decoder of the 32x bottleneck")

# The skip path: full-resolution features next to the upsampled bottleneck (U-Net concatenates them; FCN adds
# scores). A fixed decoder, no training: keep the pixels that are on in both paths
torch.manual_seed(0)
first_block = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU())  # the first level of an encoder
with torch.no_grad():
    f33, f62 = first_block(pair)
    up = F.interpolate(F.max_pool2d(images, 32), scale_factor=32, mode="nearest")
    fused = 0.5 * up + 0.5 * images  # here the skip carries the image itself
skip_iou = {iou(fused[i] > 0.75, truth[i]) for i in columns}
print(f"full-resolution features of the two lines differ: {not torch.equal(f33, f62)}")
print("bottleneck + skip, IoU on every column:", ", ".join(map(str, skip_iou)))
# the full-resolution features move with the line (away from the border): they keep where it is
assert torch.allclose(f62[:, 1:-1, 29:], f33[:, 1:-1, :-29], rtol=0, atol=1e-6) and not torch.equal(f33, f62)
assert skip_iou == {1}
