from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)
stack = nn.Sequential(*[nn.Sequential(nn.Conv2d(c_deep, c_deep, 3, padding=1), nn.ReLU()) for _ in range(n_deep)])
plain = lambda: stack(x_deep).square().mean().backward()
checkpointed = lambda: checkpoint_sequential(stack, 4, x_deep, use_reentrant=False).square().mean().backward()


print(
    f"<p>16 blocks, forward + backward, 4 checkpointed segments / none: time "
    f'<span class="measured">{paired_ratio(plain, checkpointed):.2f}</span> (measured on the build machine); '
    f"block forwards {table[4][2]} / {table[1][2]} = {table[4][2] / table[1][2]:.2f} (counted above)</p>"
)

# recomputation repeats side effects: batch norm updates its running statistics a second time
torch.manual_seed(0)
bn_block = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU())
x_bn = torch.randn(4, 3, 8, 8)
bn_block(x_bn).sum().backward()
once = int(bn_block[1].num_batches_tracked)
checkpoint(bn_block, x_bn, use_reentrant=False).sum().backward()  # the block's forward runs again in backward
twice = int(bn_block[1].num_batches_tracked) - once
print(f"<p>running-statistics updates per training step: not checkpointed {once}, checkpointed {twice}</p>")
assert once == 1 and twice == 2
