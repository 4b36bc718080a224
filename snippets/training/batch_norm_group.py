import torch

# Two images of 8 channels; GroupNorm with 4 groups of 2 channels normalises each image on its own.
g = torch.Generator().manual_seed(0)
images = torch.randn(2, 8, 5, 5, generator=g)
gn, bn = torch.nn.GroupNorm(4, 8), torch.nn.BatchNorm2d(8)
alone = gn(images[:1])
together = gn(images)[:1]
print(f"GroupNorm: image 0 alone vs. in a batch of two: max |difference| = {(alone - together).abs().max():.1e}")
assert torch.allclose(alone, together, atol=1e-6)
shift = (bn(images[:1]) - bn(images)[:1]).abs().max().item()
print(f"BatchNorm2d (training mode): the same comparison: max |difference| = {shift:.2f}")
assert shift > 0.1
# and it is the formula: per image and group, mean 0 and variance 1 over (channels of the group, H, W)
groups = together.view(1, 4, -1)
print(
    f"per group: largest |mean| {groups.mean(-1).abs().max():.1e}, largest |variance - 1| "
    f"{(groups.var(-1, unbiased=False) - 1).abs().max():.1e}"
)
assert groups.mean(-1).abs().max() < 1e-6 and (groups.var(-1, unbiased=False) - 1).abs().max() < 1e-3
