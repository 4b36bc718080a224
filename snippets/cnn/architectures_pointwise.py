torch.manual_seed(0)
pw = nn.Conv2d(3, 2, kernel_size=1).double()
x = torch.randn(1, 3, 5, 5, dtype=torch.float64)
x2 = x.clone()
x2[:, 1] += 1.0  # change input channel 1 only
with torch.no_grad():
    y, y2 = pw(x), pw(x2)
    # at every pixel, a dense layer from the 3 channels to the 2 outputs: y[:, :, i, j] = W x[:, :, i, j] + b
    dense = torch.einsum("oi,bihw->bohw", pw.weight[:, :, 0, 0], x) + pw.bias[None, :, None, None]
moved, w01 = (y2 - y)[0, 0].abs().min().item(), pw.weight[0, 1].abs().item()
print(f"changing input channel 1 by 1 moved output channel 0 by {moved:.4f} everywhere: |W[0, 1]| = {w01:.4f}")
assert torch.allclose(y, dense, rtol=0, atol=1e-12)
assert torch.allclose((y2 - y)[0, 0], pw.weight[0, 1, 0, 0].expand(5, 5), rtol=0, atol=1e-12)
assert w01 > 0.01
