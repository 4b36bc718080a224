# A transposed convolution is the adjoint of the convolution with the same weights: <conv(x), y> = <x, convT(y)>
torch.manual_seed(0)
w = torch.randn(5, 3, 3, 3, dtype=torch.float64)  # conv: 3 -> 5 channels; the transpose reads 5, writes 3
xa = torch.randn(2, 3, 13, 13, dtype=torch.float64)
ya = torch.randn(2, 5, 7, 7, dtype=torch.float64)  # the shape of conv(xa)
conv_x = F.conv2d(xa, w, stride=2, padding=1)
convT_y = F.conv_transpose2d(ya, w, stride=2, padding=1)  # the same tensor w
lhs, rhs = (conv_x * ya).sum().item(), (xa * convT_y).sum().item()
print(f"<conv(x), y> = {lhs:.12f}\n<x, convT(y)> = {rhs:.12f}")
assert conv_x.shape == ya.shape and convT_y.shape == xa.shape and abs(lhs - rhs) < 1e-12 * abs(lhs)

# ... which is the gradient of the convolution: d<conv(x), y>/dx = convT(y)
xg = xa.clone().requires_grad_()
(F.conv2d(xg, w, stride=2, padding=1) * ya).sum().backward()
assert torch.allclose(xg.grad, convT_y, rtol=0, atol=1e-12)

# As matrices: on a 1-channel 6x6 input the convolution is a 9 x 36 matrix M (column j: the image of pixel j),
# and the transposed convolution with the same weights is the 36 x 9 matrix M^T
w1 = torch.randn(1, 1, 3, 3, dtype=torch.float64)
M = F.conv2d(torch.eye(36, dtype=torch.float64).view(36, 1, 6, 6), w1, stride=2, padding=1).view(36, 9).T
T = F.conv_transpose2d(torch.eye(9, dtype=torch.float64).view(9, 1, 3, 3), w1, stride=2, padding=1, output_padding=1)
T = T.view(9, 36).T
print(f"convolution as a matrix {tuple(M.shape)}, transposed convolution {tuple(T.shape)}: T = M^T")
assert torch.allclose(T, M.T, rtol=0, atol=1e-15)
print("gradient of the convolution = transposed convolution (float64, to 1e-12)")
