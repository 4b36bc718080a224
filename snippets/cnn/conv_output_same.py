def tf_same_padding(n, k, s, d=1):
    """TensorFlow's "SAME" along one axis (tf.nn, notes on padding): (output size, padding before, after).

    The output size is ceil(n / s); the total padding makes the last window fit; when it is odd, the extra
    zero goes at the end (bottom, right). k is the kernel size, d the dilation.
    """
    out = math.ceil(n / s)
    total = max((out - 1) * s + d * (k - 1) + 1 - n, 0)
    return out, total // 2, total - total // 2


# K = 3, stride 2: (before, after) is (1, 1) for odd inputs, (0, 1) for even ones; PyTorch, padded with F.pad
# as the rule says, gives the rule's output size, which is also the size PyTorch's padding=1 gives
rule = {n: tf_same_padding(n, 3, 2) for n in range(1, 41)}
w3 = torch.zeros(1, 1, 3, 3)
for n, (out_n, before, after) in rule.items():
    x = torch.zeros(1, 1, n, n)
    padded = F.conv2d(F.pad(x, (before, after, before, after)), w3, stride=2).shape[-2:]
    assert padded == (out_n, out_n) == F.conv2d(x, w3, stride=2, padding=1).shape[-2:]
    assert (before, after) == ((0, 1) if n % 2 == 0 else (1, 1))
print("K=3, S=2, inputs 1-40: SAME pads (1, 1) for odd n, (0, 1) for even n; same output size as padding=1")

bias_t = torch.tensor([bias], dtype=torch.float64)
results = {}
for n in (7, 8):
    x = np.zeros((n, n))
    x[:7, :7] = image  # the T; for n = 8, one more row and column of zeros
    out_n, before, after = rule[n]
    same = F.conv2d(F.pad(as_torch(x), (before, after, before, after)), as_torch(kernel), bias_t, stride=2)[0, 0]
    by_hand = conv2d_loops(np.pad(x, (before, after)), kernel, bias, stride=2)
    pad1 = F.conv2d(as_torch(x), as_torch(kernel), bias_t, stride=2, padding=1)[0, 0]
    assert np.array_equal(same.numpy(), by_hand) and same.shape == pad1.shape == (out_n, out_n)
    results[n] = torch.equal(same, pad1)
    print(
        f"{n}x{n}: SAME pads ({before}, {after}), output {out_n}x{out_n}; ReLU(SAME) =",
        np.maximum(by_hand, 0).astype(int).tolist(),
        "| equal to padding=1:",
        results[n],
    )
assert results == {7: True, 8: False}  # odd input: the same windows; even input: shifted by one
