import torch
import torch.nn.functional as F

# A small classifier: two 3x3 convolutions with stride 2 and circular padding, ReLUs, global average pooling,
# a linear read-out. Integer weights and inputs in float64: every sum is exact.
g = torch.Generator().manual_seed(2)
w1 = torch.randint(-2, 3, (8, 1, 3, 3), generator=g).double()
w2 = torch.randint(-2, 3, (8, 8, 3, 3), generator=g).double()
w3 = torch.randint(-2, 3, (10, 8), generator=g).double()


def classifier(t):
    h = F.relu(F.conv2d(F.pad(t, (1, 1, 1, 1), mode="circular"), w1, stride=2))
    h = F.relu(F.conv2d(F.pad(h, (1, 1, 1, 1), mode="circular"), w2, stride=2))
    return h.mean(dim=(-2, -1)) @ w3.T  # global average pooling, then 10 logits


image = torch.randint(0, 5, (1, 1, 16, 16), generator=g).double()
logits = classifier(image)
unchanged = []
for s in range(9):  # shifts right by 0 to 8 pixels
    moved = classifier(torch.roll(image, s, dims=-1))
    unchanged.append(torch.equal(moved, logits))
    change = (moved - logits).abs().max().item() / logits.abs().max().item()
    print(f"shift {s}: largest change of a logit, relative to the largest logit: {change:.3f}")
print("logits unchanged for shifts:", [s for s, same in enumerate(unchanged) if same])
assert [s for s, same in enumerate(unchanged) if same] == [0, 4, 8]  # multiples of the total stride, 2 x 2
