removed = {  # remove one layer; the next one takes over its stride, so the later maps keep their size
    "without conv 1": ((32, 64), (4, 2)),
    "without conv 2": ((16, 64), (2, 4)),
    "without conv 3": ((16, 32), (2, 2)),
}
print(f"{'':<16}saved per image    parameters")
drops, param_drops = [], []
for name, (channels, strides) in removed.items():
    nbytes, n_par = per_image(channels, strides)
    drops.append(base_bytes - nbytes)
    param_drops.append(base_params - n_par)
    print(
        f"{name:<16}{nbytes:>10,} B ({drops[-1] / base_bytes:.0%} less)  "
        f"{n_par:>7,} ({param_drops[-1] / base_params:.0%} fewer)"
    )
assert drops[:2] == [4 * maps[0], 4 * maps[1]]  # exactly the removed layer's map
assert drops[2] == 4 * (maps[2] + 64 - 32)  # layer 3's map, and the head now pools 32 maps instead of 64
assert drops == sorted(drops, reverse=True) and param_drops == sorted(param_drops)  # first: most memory, fewest params

naive, _ = per_image((32, 64), (2, 2))  # remove conv 1 but keep stride 2 in the others
print(f"without conv 1, strides left at 2: {naive:,} B per image ({naive / base_bytes - 1:.0%} more)")
assert naive > 1.4 * base_bytes  # the other layers now work at the higher resolution
