import itertools

# every (input n, padding P, dilation D) for which PyTorch gives a 3x3 output (3x3 filter, stride 2)
found = set()
for n, p, d in itertools.product(range(1, 21), range(6), (1, 2, 3)):
    if n + 2 * p >= 2 * d + 1:  # the dilated kernel must fit in the padded input
        size = F.conv2d(torch.zeros(1, 1, n, n), torch.zeros(1, 1, 3, 3), stride=2, padding=p, dilation=d)
        found |= {(n, p, d)} if size.shape[-1] == 3 else set()
for d in (1, 2):
    print(
        f"3x3 output, dilation {d}: input sizes by padding",
        {p: [n for n, q, e in sorted(found) if (q, e) == (p, d)] for p in range(6)},
    )
assert found == {(n, p, d) for n in range(1, 21) for p in range(6) for d in (1, 2, 3) if n + 2 * p - 2 * d in (5, 6)}
assert {p: sorted(n for n, q, e in found if (q, e) == (p, 1)) for p in range(6)} == {
    0: [7, 8],
    1: [5, 6],
    2: [3, 4],
    3: [1, 2],
    4: [],
    5: [],
}

# "SAME": pad as TensorFlow's rule says, with F.pad, then convolve without padding
same_3 = []
for n in range(1, 21):
    _, before, after = tf_same_padding(n, 3, 2)
    padded = F.pad(torch.zeros(1, 1, n, n), (before, after, before, after))
    if F.conv2d(padded, torch.zeros(1, 1, 3, 3), stride=2).shape[-1] == 3:
        same_3.append(n)
print('3x3 output with "SAME": input sizes', same_3)
assert same_3 == [5, 6]
