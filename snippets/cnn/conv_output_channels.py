def conv2d_channels(x, w, b, stride=1, padding=0):
    """Several channels: output map o is b[o] + the sum over input channels c of x[c] cross-correlated with w[o, c]."""
    return np.stack(
        [
            sum(conv2d_loops(x[c], w[o, c], 0.0, stride, padding) for c in range(x.shape[0])) + b[o]
            for o in range(w.shape[0])
        ]
    )


# Two input channels: the T, and the T transposed (bar in column 2, stem along row 3)
x2 = np.stack([image, image.T])  # (C_in, H, W) = (2, 7, 7)
# Two filters, each of shape (C_in, 3, 3): filter 0 is the T detector on both channels (transposed for
# channel 1); filter 1 is the T detector on channel 0 and zeros on channel 1
w2 = np.stack([np.stack([kernel, kernel.T]), np.stack([kernel, np.zeros((3, 3))])])  # (C_out, C_in, 3, 3)
b2 = np.array([bias, bias])
mine = conv2d_channels(x2, w2, b2, stride=2)
theirs = F.conv2d(torch.tensor(x2)[None], torch.tensor(w2), torch.tensor(b2), stride=2)[0].numpy()
for o in range(2):
    print(f"output map {o} (z, before the activation):\n", mine[o].astype(int))
assert mine.shape == theirs.shape == (2, 3, 3) and np.array_equal(mine, theirs)
# by hand, output map 0 at (1, 1): channel 0 gives 5 (the junction window), channel 1 the same 5, bias -2
per_channel = [np.sum(x2[c, 2:5, 2:5] * w2[0, c]) for c in range(2)]
print("map 0 at (1, 1):", " + ".join(f"{v:g}" for v in per_channel), f"+ ({bias:g}) = {mine[0, 1, 1]:g}")
assert per_channel == [5, 5] and mine[0, 1, 1] == 5 + 5 + bias == 8
assert np.array_equal(mine[1], z)  # zero weights on channel 1: the one-channel answer

# Parameters: (K*K*C_in + 1) per filter; groups=C_in instead gives each input channel its own filter (no sum)
n_params = sum(p.numel() for p in nn.Conv2d(2, 2, 3).parameters())
depthwise = F.conv2d(torch.tensor(x2)[None], torch.tensor(w2[0])[:, None], torch.tensor(b2), stride=2, groups=2)[0]
print("nn.Conv2d(2, 2, 3):", n_params, "parameters; with groups=2 each output map sees one input channel")
assert n_params == (3 * 3 * 2 + 1) * 2
assert all(np.array_equal(depthwise[c].numpy(), conv2d_loops(x2[c], w2[0, c], bias, 2)) for c in range(2))
