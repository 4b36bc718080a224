import copy


def dense_to_conv(dense, c, h, w):
    """A convolution computing the dense layer on a (c, h, w) map: kernel h x w, padding 0, one filter per unit."""
    weight = dense.weight
    conv = nn.Conv2d(c, dense.out_features, (h, w), stride=1, padding=0, dtype=weight.dtype, device=weight.device)
    with torch.no_grad():
        # nn.Flatten orders a (c, h, w) map channel first: dense input c*h*w + y*w + x is map value (c, y, x)
        conv.weight.copy_(weight.reshape(dense.out_features, c, h, w))
        conv.bias.copy_(dense.bias)
    return conv


def convert(net, size):
    """The fully convolutional version of net = (features, classifier) for size x size inputs."""
    feats, (_, fc1, relu, fc2) = net
    side = map_size(feats, size)  # the first dense layer reads a (c, side, side) map
    conv1 = dense_to_conv(fc1, fc1.in_features // side**2, side, side)
    return nn.Sequential(feats, conv1, relu, dense_to_conv(fc2, fc2.in_features, 1, 1)).eval()


fcn = convert(cnn, SIZE)
for name, m in [("first dense layer", fcn[1]), ("second dense layer", fcn[3])]:
    print(f"{name} -> Conv2d({m.in_channels}, {m.out_channels}, kernel_size={m.kernel_size}, padding={m.padding})")
assert fcn[1].kernel_size == (H, H) and fcn[3].kernel_size == (1, 1)
n_cnn, n_fcn = (sum(p.numel() for p in net.parameters()) for net in (cnn, fcn))
print(f"parameters: {n_cnn:,} with dense layers, {n_fcn:,} fully convolutional")
assert n_cnn == n_fcn

with torch.no_grad():
    dense_out, conv_out = cnn(x), fcn(x)
print("output shapes:", tuple(dense_out.shape), "and", tuple(conv_out.shape))
assert conv_out.shape == (100, 10, 1, 1)
# The same sums of products, added in another order: rounding differs. Tolerance: n * eps * (largest output),
# the order of the worst-case rounding error of a float32 sum of n terms; n = 256, the longest sum (fc1)
n_terms, eps32 = cnn[1][1].in_features, torch.finfo(torch.float32).eps
tol = n_terms * eps32 * dense_out.abs().max().item()
gap = (conv_out.flatten(1) - dense_out).abs().max().item()
print(f"float32: largest gap {gap:.1e}, tolerance {tol:.1e} = {n_terms} x {eps32:.2e} x {dense_out.abs().max():.2f}")
print(f"below the tolerance by a margin {tol - gap:.1e}")
assert torch.allclose(conv_out.flatten(1), dense_out, rtol=0, atol=tol)

cnn64 = copy.deepcopy(cnn).double()
with torch.no_grad():
    gap64 = (convert(cnn64, SIZE)(x.double()).flatten(1) - cnn64(x.double())).abs().max().item()
print(f"float64: largest gap {gap64:.1e} (the same identity, rounded 2^29 times more finely)")
assert gap64 < 1e-12
