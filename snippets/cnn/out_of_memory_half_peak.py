peak32, fixed32 = rows[16][2], sum(rows[16][1])
peak16, model16, optimiser16 = step_peak(16, torch.bfloat16)
fixed16 = sum(fixed_bytes(model16, optimiser16))
print(
    f"batch 16, peak of live tensors in a training step: float32 {peak32 / MB:.3f} MB, bfloat16 autocast "
    f"{peak16 / MB:.3f} MB ({peak16 / peak32:.2f} of it); parameters + gradients + Adam state: "
    f"{fixed32:,} bytes in both"
)
assert fixed16 == fixed32  # the float32 master weights, gradients and state do not shrink
assert peak16 / peak32 > 0.6  # far from half
peak16_4 = step_peak(4, torch.bfloat16)[0]
slope16 = (peak16 - peak16_4) // 12
print(f"each image adds {slope16:,} bytes to the bfloat16 peak, against {slope:,} in float32")
# the float32 input (the caller's batch) stays, autocast adds a 16-bit copy; layer 1's three maps take 2 bytes a value
assert slope16 == 4 * image + 2 * image + 2 * 3 * maps[0] + 8
