import math

alpha, beta, gamma = 1.2, 1.1, 1.15  # Tan & Le (2019): found by grid search at phi = 1 for EfficientNet-B0


def conv_stack(layers, width):
    return nn.Sequential(*[nn.Conv2d(width, width, 3, padding=1) for _ in range(layers)])


# a stack of 3x3 convolutions scaled exactly by alpha, beta, gamma: 5 -> 6 layers, 10 -> 11 channels, 20 -> 23 pixels
m0 = count_macs(conv_stack(5, 10), torch.randn(1, 10, 20, 20))[0]
m1 = count_macs(conv_stack(6, 11), torch.randn(1, 11, 23, 23))[0]
print(f"conv stack scaled by alpha, beta, gamma: multiply-adds x{m1 / m0:.4f}")
print(f"alpha * beta^2 * gamma^2 = {alpha * beta**2 * gamma**2:.4f}")
assert abs(m1 / m0 - alpha * beta**2 * gamma**2) < 1e-12 and round(m1 / m0, 2) == 1.92


def small_net(layers, width, resolution):
    """A stem, `layers` 3x3 convolutions of `width` channels at full resolution, global pooling, a classifier."""
    body = [m for _ in range(layers) for m in (nn.Conv2d(width, width, 3, padding=1), nn.ReLU())]
    net = nn.Sequential(nn.Conv2d(3, width, 3, padding=1), nn.ReLU(), *body, nn.AdaptiveAvgPool2d(1), nn.Flatten())
    return net.append(nn.Linear(width, 10)), torch.randn(1, 3, resolution, resolution)


torch.manual_seed(0)
L0, C0, R0 = 8, 16, 16  # the baseline: 8 layers, 16 channels, 16x16 images
base_macs, base_params = count_macs(*small_net(L0, C0, R0))[0], n_params(small_net(L0, C0, R0)[0])
for name, (d, w, r), law in [("depth x2", (2, 1, 1), 2), ("width x2", (1, 2, 1), 4), ("resolution x2", (1, 1, 2), 4)]:
    net, x = small_net(L0 * d, C0 * w, R0 * r)
    print(f"{name}: multiply-adds x{count_macs(net, x)[0] / base_macs:.3f} (law: x{law})")
    assert abs(count_macs(net, x)[0] / base_macs / law - 1) < 0.03

worst_flops, worst_params = 0.0, 0.0
for phi in (1, 2, 3):  # depth rounded up, width and resolution to the nearest integer
    layers, width, res = math.ceil(L0 * alpha**phi), round(C0 * beta**phi), round(R0 * gamma**phi)
    net, x = small_net(layers, width, res)
    flops, params = count_macs(net, x)[0] / base_macs, n_params(net) / base_params
    law_flops, law_params = (alpha * beta**2 * gamma**2) ** phi, (alpha * beta**2) ** phi
    print(
        f"phi={phi}: {layers} layers, {width} channels, {res}x{res}: multiply-adds x{flops:.2f} "
        f"(law (a b^2 g^2)^phi = {law_flops:.2f}, 2^phi = {2**phi}), "
        f"parameters x{params:.2f} (law (a b^2)^phi = {law_params:.2f})"
    )
    worst_flops = max(worst_flops, abs(flops / law_flops - 1))
    worst_params = max(worst_params, abs(params / law_params - 1))
print(f"largest deviation from the law: multiply-adds {worst_flops:.1%}, margin {0.10 - worst_flops:.3f}")
print(f"parameters {worst_params:.1%}, margin {0.10 - worst_params:.3f}")
assert worst_flops < 0.10 and worst_params < 0.10
