def question_peak(n, optimiser_class):
    """Peak bytes of live tensors in the second training step of the question's network (100, 200, 400 maps) on
    200 x 300 images, at batch n, on the meta device (shapes and sizes without the arithmetic)."""
    with LiveTensors() as live, torch.device("meta"):
        model = make_cnn((100, 200, 400))
        optimiser = optimiser_class(model.parameters(), lr=1e-3)
        x, y = torch.randn(n, 3, 200, 300), torch.randint(0, CLASSES, (n,))
        training_step(model, optimiser, x, y)
        live.peak = 0
        training_step(model, optimiser, x, y)
    return live.peak, [p.numel() for p in model.parameters()]


adam_50, sizes = question_peak(50, torch.optim.Adam)
sgd_50, _ = question_peak(50, torch.optim.SGD)
adam_25, _ = question_peak(25, torch.optim.Adam)
n_q = sum(sizes)
print(
    f"question's network ({n_q:,} parameters), peak of a training step: Adam, batch 50: {adam_50 / MB:.1f} MB; "
    f"plain SGD, batch 50: {sgd_50 / MB:.1f} MB; Adam, batch 25: {adam_25 / MB:.1f} MB"
)
print(
    f"dropping Adam's state saves {(adam_50 - sgd_50) / adam_50:.1%}; halving the batch saves "
    f"{(adam_50 - adam_25) / adam_50:.1%}"
)
assert adam_50 - sgd_50 == 2 * 4 * n_q + 4 * len(sizes)  # Adam's two floats per parameter, a step count per tensor
q_maps = map_sizes((100, 200, 400), STRIDES, (200, 300))
assert adam_50 - adam_25 == 25 * (4 * (3 * 200 * 300 + 3 * q_maps[0]) + 8)  # 25 images' input, 3 layer-1 maps, label
assert (adam_50 - adam_25) > 40 * (adam_50 - sgd_50) and adam_50 - sgd_50 < 0.01 * adam_50
assert sum(sizes[:6]) == 903_400  # the convolutions' weights and biases: the previous page's count
