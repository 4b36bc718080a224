import torch.nn.functional as F

slope = 0.2  # leaky ReLU outputs negative values too...
leaky = lambda z: F.leaky_relu(z, slope)  # noqa: E731
leaky_gain = math.sqrt(2 / (1 + slope**2))  # ...with its own He gain, so that the variance is kept
bn_relu = lambda z: torch.relu(F.batch_norm(z, None, None, training=True))  # noqa: E731

ratio = {}
for name, act, gain in [("SELU", torch.selu, LECUN), ("leaky ReLU", leaky, leaky_gain), ("BN + ReLU", bn_relu, HE)]:
    v1 = stack(act, gain, x, backward=False)["var"][-1]  # weights of seed 1
    v2 = stack(act, gain, 2 * x, backward=False)["var"][-1]  # the input scaled by 2
    v_raw = stack(act, gain, x_raw, backward=False)["var"][-1]
    ratio[name] = v2 / v1, v_raw / v1
    print(
        f"{name:10} variance at layer 50: input x: {v1:7.3f}, input 2x: {v2:7.3f} (ratio {v2 / v1:.3f}), "
        f"input mean 3 / std 5: {v_raw:7.3f}"
    )
print(f"SELU: ratio within 0.1 of 1, margin {0.1 - abs(ratio['SELU'][0] - 1):.3f}")
assert abs(ratio["SELU"][0] - 1) < 0.1  # pulled back: the scale of the input is forgotten
assert abs(ratio["leaky ReLU"][0] - 4) < 1e-3  # positively homogeneous: any scale is kept, none attracts
assert abs(ratio["BN + ReLU"][0] - 1) < 1e-3 and abs(ratio["BN + ReLU"][1] - 1) < 1e-2  # BN normalises explicitly
