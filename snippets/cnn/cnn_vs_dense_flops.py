import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
n = 64  # a 3x64x64 image
rgb = torch.randn(1, 3, n, n)
conv64 = nn.Conv2d(3, 32, 3, padding=1)  # 32 maps of 64x64
dense100 = nn.Linear(3 * n * n, 100)  # 100 units

# The convolution as one matrix product: unfold cuts the padded image into its L windows of C_in K^2 values.
patches = F.unfold(rgb, kernel_size=3, padding=1)  # (1, C_in K^2, L)
kernel = conv64.weight.flatten(1)  # (C_out, C_in K^2)
with torch.no_grad():
    as_matmul = (kernel @ patches[0] + conv64.bias[:, None]).reshape(1, 32, n, n)
    assert torch.allclose(as_matmul, conv64(rgb), atol=1e-5)  # float32 sums of 27 terms: equal to rounding
conv_key, dense_key = "conv, 32 filters of 3x3", f"dense, {dense100.out_features} units"
macs = {
    conv_key: kernel.shape[0] * kernel.shape[1] * patches.shape[-1],  # (C_out x C_in K^2) times (C_in K^2 x L)
    dense_key: dense100.weight.shape[0] * dense100.weight.shape[1],  # (units x inputs) times a vector
}
params = {conv_key: n_params(conv64), dense_key: n_params(dense100)}
# The formulas: H_out W_out C_out outputs of C_in K^2 multiply-adds each; one multiply-add per dense weight.
assert macs[conv_key] == n * n * 32 * 3 * 3 * 3 == 3_538_944 and macs[dense_key] == 3 * n * n * 100 == 1_228_800
for name in macs:
    print(
        f"{name:>23}: {params[name]:>9,} parameters, {macs[name]:>9,} multiply-adds, "
        f"{macs[name] / params[name]:,.0f} per parameter"
    )
ratio_params, ratio_macs = params[dense_key] / params[conv_key], macs[conv_key] / macs[dense_key]
print(f"the conv has {ratio_params:,.0f} times fewer parameters and does {ratio_macs:.2f} times the multiply-adds")
assert round(ratio_params) == 1_372 and round(ratio_macs, 2) == 2.88  # the ratios the Short answer quotes
