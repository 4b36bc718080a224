from scipy.signal import convolve2d, correlate2d

# scipy's 'valid' mode is stride 1 and no padding; stride 2 keeps every second row and column
layer = F.conv2d(as_torch(image), as_torch(kernel), stride=2)[0, 0].numpy()
correlation = correlate2d(image, kernel, mode="valid")[::2, ::2]
convolution = convolve2d(image, kernel, mode="valid")[::2, ::2]
flipped = kernel[::-1, ::-1]  # rotated by 180 degrees
print("conv2d (no bias)\n", layer.astype(int))
print("correlate2d\n", correlation.astype(int))
print("convolve2d (true convolution: kernel flipped)\n", convolution.astype(int))
assert np.array_equal(layer, correlation)
assert not np.array_equal(layer, convolution)
assert np.array_equal(layer, convolve2d(image, flipped, mode="valid")[::2, ::2])

# the same on random data, for kernels without 180-degree symmetry
rng = np.random.default_rng(0)
x, k = rng.normal(size=(12, 12)), rng.normal(size=(3, 3))
t = F.conv2d(as_torch(x), as_torch(k))[0, 0].numpy()
assert np.allclose(t, correlate2d(x, k, mode="valid"))
assert not np.allclose(t, convolve2d(x, k, mode="valid"))
assert np.allclose(t, convolve2d(x, k[::-1, ::-1], mode="valid"))
print("random 12x12 input, random 3x3 kernel: conv2d == correlate2d == convolve2d(flipped kernel)")
