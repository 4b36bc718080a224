from fractions import Fraction


def separable(c_in, c_out, k):
    """Depthwise separable convolution: one k x k filter per input channel (groups=c_in), then a 1x1 convolution."""
    return nn.Sequential(
        nn.Conv2d(c_in, c_in, k, padding=k // 2, groups=c_in, bias=False),
        nn.Conv2d(c_in, c_out, 1, bias=False),
    )


torch.manual_seed(0)
c_in, c_out, k = 128, 256, 3
standard, sep = nn.Conv2d(c_in, c_out, k, padding=k // 2, bias=False), separable(c_in, c_out, k)
x = torch.randn(1, c_in, 32, 32)
(m_std, _), (m_sep, _) = count_macs(standard, x), count_macs(sep, x)
print(f"standard 3x3, 128 -> 256: {n_params(standard):,} weights, {m_std / 1e6:.1f} M multiply-adds on 32x32")
print(f"separable: {n_params(sep):,} weights, {m_sep / 1e6:.1f} M multiply-adds")
ratio = Fraction(n_params(sep), n_params(standard))
print(f"ratio {float(ratio):.4f} = 1/C_out + 1/k^2 = 1/{c_out} + 1/{k * k}: {float(1 / ratio):.1f} times fewer")
assert n_params(standard) == k * k * c_in * c_out and n_params(sep) == k * k * c_in + c_in * c_out
assert ratio == Fraction(1, c_out) + Fraction(1, k * k) == Fraction(m_sep, m_std)
assert 0.11 < ratio < 0.12

# a separable convolution IS a standard convolution whose kernel factorises: W[o, i] = P[o, i] * D[i]
depthwise, pointwise = (m.weight.detach().double() for m in sep)
kernel = pointwise[:, :, 0, 0, None, None] * depthwise[:, 0][None]  # (C_out, C_in, k, k)
xd = x.double()
gap = (sep.double()(xd) - nn.functional.conv2d(xd, kernel, padding=1)).abs().max().item()
print(f"separable vs the standard convolution with the factorised kernel: max gap {gap:.1e}")
assert gap < 1e-12
