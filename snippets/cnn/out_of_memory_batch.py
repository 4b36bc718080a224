rows = {}
for n in (4, 8, 16):
    peak, model, optimiser = step_peak(n)
    saved = saved_by_autograd(model, *batch(n))[0]
    rows[n] = (saved, fixed_bytes(model, optimiser), peak)
    par, grad, state = rows[n][1]
    print(
        f"batch {n:>2}: saved activations {saved / MB:.3f} MB | parameters {par / MB:.3f} + gradients {grad / MB:.3f} "
        f"+ Adam state {state / MB:.3f} MB | peak of live tensors in a step {peak / MB:.3f} MB"
    )
per_image = (rows[16][0] - rows[4][0]) // 12
slope = (rows[16][2] - rows[4][2]) // 12
print(
    f"each image adds {per_image:,} bytes saved and {slope:,} bytes to the peak ({slope / per_image:.1f} times); "
    "the other parts do not change"
)
assert all(rows[n][0] == n * per_image + 4 == hand_count(n=n) for n in rows)  # linear in the batch (+ one scalar)
assert rows[4][1] == rows[8][1] == rows[16][1]  # parameters, gradients and optimiser state: independent of the batch
assert rows[8][2] - rows[4][2] == 4 * slope  # the peak is linear in the batch too
par, grad, state = rows[16][1]
assert par == grad == 4 * n_params and state == 2 * par  # Adam: m and v, one float each per parameter
# the peak: the input, 3 maps of layer 1's size (the saved ReLU output and two gradients) and the label, per image
assert slope == 4 * (image + 3 * maps[0]) + 8
print(f"at batch 16 the parameters, gradients and Adam state are {sum(rows[16][1]) / rows[16][2]:.0%} of the peak")
intercept = rows[4][2] - 4 * slope  # what the peak holds at batch 0
print(
    f"peak = {intercept:,} + {slope:,} x batch bytes; parameters + gradients + Adam state = {sum(rows[16][1]):,} bytes"
)
# at the peak (layer 1's backward pass) all is there but layer 1's own gradients, not computed yet
assert 0 < sum(rows[16][1]) - intercept <= 4 * sum(p.numel() for p in convs[0].parameters())
