# The reshape must follow the flatten order. Read the 256 weights of each unit as if the map had been
# flattened channels last (h, w, c), as Keras's Flatten does on an (h, w, c) map, and the outputs change
fc1 = cnn[1][1]
wrong = copy.deepcopy(fcn)
with torch.no_grad():
    wrong[1].weight.copy_(fc1.weight.reshape(32, H, H, C).permute(0, 3, 1, 2))  # (unit, h, w, c) -> (unit, c, h, w)
    wrong_gap = (wrong(x).flatten(1) - dense_out).abs().max().item()
print(f"weights read in (h, w, c) order: largest gap {wrong_gap:.2f}, {wrong_gap / tol:,.0f} times the tolerance")
print(f"above 1000 times the tolerance by a margin {wrong_gap - 1000 * tol:.3f}")
assert wrong_gap > 1000 * tol

# ...which is the right reading for a dense layer trained on channels-last flattened maps
channels_last = nn.Linear(C * H * H, 32)
with torch.no_grad():
    h_last = channels_last(maps.permute(0, 2, 3, 1).flatten(1))  # flatten in (h, w, c) order
    conv_last = nn.Conv2d(C, 32, H)
    conv_last.weight.copy_(channels_last.weight.reshape(32, H, H, C).permute(0, 3, 1, 2))
    conv_last.bias.copy_(channels_last.bias)
    last_gap = (conv_last(maps).flatten(1) - h_last).abs().max().item()
print(f"dense layer on an (h, w, c) flattening, weights read in (h, w, c) order: largest gap {last_gap:.1e}")
assert last_gap < tol
