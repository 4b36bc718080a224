# the same neighbour, in the example above, with AlexNet's alpha copied into PyTorch unchanged
copied = nn.LocalResponseNorm(N_MAPS, alpha=ALPHA, beta=BETA, k=K)
weak = 1 - (copied(loud)[0, :, 1, 1] / copied(quiet)[0, :, 1, 1])[ACTIVE - 1].item()
print(
    f"suppression of a neighbour: alpha = n * 1e-4 = {N_MAPS * ALPHA:.0e}: {100 * suppression[0]:.1f} %; "
    f"alpha = 1e-4 copied: {100 * weak:.1f} %"
)
assert suppression[0] > 3 * weak


def lrn_tf_documented(x, depth_radius, bias, alpha, beta):
    """TensorFlow's documented formula (channels last): sqr_sum[..., d] = sum(x[..., d - r : d + r + 1] ** 2),
    output = x / (bias + alpha * sqr_sum) ** beta, with the window clipped at the edges."""
    out = np.empty_like(x)
    for d in range(x.shape[-1]):
        window = x[..., max(0, d - depth_radius) : d + depth_radius + 1]
        out[..., d] = x[..., d] / (bias + alpha * (window**2).sum(-1)) ** beta
    return out


a_nhwc = a.transpose(0, 2, 3, 1)  # the images of the first check, channels last as TensorFlow stores them
tf_alexnet = lrn_tf_documented(a_nhwc, depth_radius=N_MAPS // 2, bias=K, alpha=ALPHA, beta=BETA)
torch_alexnet = converted(torch.from_numpy(a)).numpy().transpose(0, 2, 3, 1)
print(
    f"TF formula, depth_radius=2, alpha=1e-4 vs PyTorch size=5, alpha=5e-4: max |difference| "
    f"{np.abs(tf_alexnet - torch_alexnet).max():.1e}"
)
assert np.allclose(tf_alexnet, torch_alexnet, rtol=1e-12, atol=0)
tf_radius_5 = lrn_tf_documented(a_nhwc, depth_radius=5, bias=K, alpha=ALPHA, beta=BETA)  # 11 maps, not 5
off = np.abs(tf_radius_5[a_nhwc > 0] / tf_alexnet[a_nhwc > 0] - 1).max()
print(f"depth_radius=5 (a window of 11 maps): up to {100 * off:.0f} % away")
assert off > 0.1
