torch.manual_seed(0)
model = make_cnn()
convs = [m for m in model.modules() if isinstance(m, nn.Conv2d)]
maps = map_sizes()
print("layer  output map (C x H x W)  floats per image  parameters")
h, w = SIZE
for i, (conv, floats) in enumerate(zip(convs, maps, strict=True)):
    h, w = math.ceil(h / conv.stride[0]), math.ceil(w / conv.stride[1])
    n_par = sum(p.numel() for p in conv.parameters())
    print(f"conv {i + 1}  {conv.out_channels:>3} x {h:>2} x {w:<2}           {floats:>16,}  {n_par:>10,}")
head_params = sum(p.numel() for p in model[-1].parameters())
n_params = sum(p.numel() for p in model.parameters())
image = 3 * SIZE[0] * SIZE[1]
print(f"input   3 x {SIZE[0]} x {SIZE[1]}           {image:>16,}")
print(f"head (pooling, linear)                  {CHANNELS[-1] + CLASSES:>16,}  {head_params:>10,}")
conv_params = [sum(p.numel() for p in c.parameters()) for c in convs]
print(f"total parameters {n_params:,}; layer 3 has {conv_params[2] / sum(conv_params):.0%} of the convolutions'")
x, y = batch(16)
acts, params_saved = saved_by_autograd(model, x, y)
print(
    f"batch 16: autograd saves {acts:,} bytes of activations (hand count {hand_count(n=16):,}), "
    f"and {params_saved:,} bytes of parameters (the weights themselves, not copies)"
)
assert maps == [24_576, 12_288, 6_144] and n_params == 24_234
assert acts == hand_count(n=16)  # exact: every saved tensor is accounted for
assert params_saved == 4 * sum(m.weight.numel() for m in model.modules() if hasattr(m, "weight"))
assert maps[0] > maps[1] + maps[2]  # the first layer's map is the largest: stride 2 quarters the area, channels double
assert conv_params == sorted(conv_params)  # and its parameters the fewest
