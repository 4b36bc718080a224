def conv_relu(c_in, c_out, k):
    return nn.Sequential(nn.Conv2d(c_in, c_out, k, padding=k // 2), nn.ReLU())


class Inception(nn.Module):
    """GoogLeNet's module: 1x1, 3x3 and 5x5 convolutions and a 3x3 max pooling side by side, concatenated.

    reduce=True is the paper's version (Figure 2b): 1x1 convolutions before the 3x3 and 5x5 and after the pooling.
    """

    def __init__(self, c_in, c1, c3r, c3, c5r, c5, pool_proj, reduce=True):
        super().__init__()
        pool = nn.MaxPool2d(3, stride=1, padding=1)
        if reduce:
            self.branches = nn.ModuleList([
                conv_relu(c_in, c1, 1),
                nn.Sequential(conv_relu(c_in, c3r, 1), conv_relu(c3r, c3, 3)),
                nn.Sequential(conv_relu(c_in, c5r, 1), conv_relu(c5r, c5, 5)),
                nn.Sequential(pool, conv_relu(c_in, pool_proj, 1)),
            ])  # fmt: skip
        else:  # the naive module (Figure 2a): every branch sees all c_in channels, the pooling passes them all on
            branches = [conv_relu(c_in, c1, 1), conv_relu(c_in, c3, 3), conv_relu(c_in, c5, 5), pool]
            self.branches = nn.ModuleList(branches)

    def forward(self, x):
        return torch.cat([branch(x) for branch in self.branches], dim=1)


def n_weights(module):
    return sum(m.weight.numel() for m in module.modules() if isinstance(m, nn.Conv2d))


torch.manual_seed(0)
x = torch.randn(1, 192, 28, 28)
table_3a = dict(c_in=192, c1=64, c3r=96, c3=128, c5r=16, c5=32, pool_proj=32)  # the paper's Table 1, row (3a)
module, naive = Inception(**table_3a), Inception(**table_3a, reduce=False)
macs, y = count_macs(module, x)
macs_naive, y_naive = count_macs(naive, x)
print(f"inception (3a): {tuple(x.shape[1:])} -> {tuple(y.shape[1:])}")
biases = n_params(module) - n_weights(module)
print(f"  {n_weights(module):,} weights + {biases} biases; {macs / 1e6:.1f} M multiply-adds")
print(f"  naive module: {n_weights(naive):,} weights, {macs_naive / 1e6:.1f} M multiply-adds, {y_naive.shape[1]} out")
print(f"  naive / reduced: {n_weights(naive) / n_weights(module):.2f} times the weights and the multiply-adds")
assert y.shape == (1, 64 + 128 + 32 + 32, 28, 28) and y_naive.shape[1] == 64 + 128 + 32 + 192
assert n_weights(module) == 192 * 64 + 192 * 96 + 9 * 96 * 128 + 192 * 16 + 25 * 16 * 32 + 192 * 32 == 163_328
assert macs == n_weights(module) * 28 * 28 and round(macs / 1e6) == 128  # Table 1: 128M operations
assert abs(n_weights(module) / 159e3 - 1) < 0.03  # Table 1: 159K parameters
assert macs_naive / macs == n_weights(naive) / n_weights(module) and 2.3 < macs_naive / macs < 2.4

# the 5x5 branch alone, with and without its 1x1 reduction to 16 channels
direct = nn.Conv2d(192, 32, 5, padding=2)
reduced = nn.Sequential(nn.Conv2d(192, 16, 1), nn.Conv2d(16, 32, 5, padding=2))
(m_direct, _), (m_reduced, _) = count_macs(direct, x), count_macs(reduced, x)
saving = n_weights(direct) / n_weights(reduced)
print(
    f"5x5 branch: {n_weights(direct):,} weights without the 1x1, {n_weights(reduced):,} with it ({saving:.1f}x fewer)"
)
print(f"  multiply-adds {m_direct / 1e6:.1f} M -> {m_reduced / 1e6:.1f} M ({m_direct / m_reduced:.1f}x fewer)")
assert n_weights(direct) == 5 * 5 * 192 * 32 and n_weights(reduced) == 192 * 16 + 5 * 5 * 16 * 32
assert m_direct / m_reduced == saving and 9.5 < saving < 10

# the head: global average pooling over the last 7x7x1024 maps, then one dense layer (the paper's last layers)
with torch.device("meta"):  # parameter counts only
    gap_head, flat_head = nn.Linear(1024, 1000), nn.Linear(7 * 7 * 1024, 1000)
print(f"head: {n_params(gap_head):,} parameters after global average pooling, {n_params(flat_head):,} on the flat maps")
print(f"  {n_params(flat_head) / n_params(gap_head):.0f} times fewer with the pooling")
assert n_params(flat_head) == 49 * 1024 * 1000 + 1000 and n_params(flat_head) / n_params(gap_head) > 48
