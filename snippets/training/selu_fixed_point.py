import math

import numpy as np
import torch
from scipy import integrate

# SELU's constants, read from PyTorch itself: selu(z) = lambda * z for z > 0, and
# selu(z) -> -lambda * alpha as z -> -infinity.
z = torch.tensor([1.0, -800.0], dtype=torch.float64)
out = torch.nn.functional.selu(z)
lam_torch = out[0].item()
alpha_torch = -out[1].item() / lam_torch


# The same constants from the two fixed-point equations (closed forms derived above).
def Phi(t):  # standard normal CDF
    return 0.5 * math.erfc(-t / math.sqrt(2))


alpha = (1 / math.sqrt(2 * math.pi)) / (0.5 - math.exp(0.5) * Phi(-1))
neg_sq = math.exp(2) * Phi(-2) - 2 * math.exp(0.5) * Phi(-1) + 0.5  # E[(e^z - 1)^2 ; z < 0]
lam = 1 / math.sqrt(0.5 + alpha**2 * neg_sq)
print(f"closed form: alpha = {alpha:.10f}, lambda = {lam:.10f}")
print(f"PyTorch:     alpha = {alpha_torch:.10f}, lambda = {lam_torch:.10f}")
assert abs(alpha - alpha_torch) < 1e-9 and abs(lam - lam_torch) < 1e-9
assert round(alpha, 4) == 1.6733 and round(lam, 4) == 1.0507  # Klambauer et al. (2017)


# Check by numerical integration that z ~ N(0, 1) is mapped to mean 0 and variance 1.
def selu(t):
    return lam_torch * (t if t > 0 else alpha_torch * math.expm1(t))


def gauss_moment(f):  # E[f(z)] for z ~ N(0, 1), split at the kink of SELU
    pdf = lambda t: math.exp(-t * t / 2) / math.sqrt(2 * math.pi)  # noqa: E731
    neg = integrate.quad(lambda t: f(t) * pdf(t), -np.inf, 0, epsabs=1e-13)[0]
    pos = integrate.quad(lambda t: f(t) * pdf(t), 0, np.inf, epsabs=1e-13)[0]
    return neg + pos


mean = gauss_moment(selu)
second = gauss_moment(lambda t: selu(t) ** 2)
print(f"z ~ N(0,1):  E[selu(z)] = {mean:.2e},  Var[selu(z)] = {second - mean**2:.12f}")
assert abs(mean) < 1e-9 and abs(second - mean**2 - 1) < 1e-9

# ReLU has no such point: its mean is 1/sqrt(2 pi) > 0 whatever the scale of z.
relu_mean = gauss_moment(lambda t: max(t, 0.0))
print(f"z ~ N(0,1):  E[relu(z)] = {relu_mean:.6f}  (1/sqrt(2 pi) = {1 / math.sqrt(2 * math.pi):.6f})")
assert abs(relu_mean - 1 / math.sqrt(2 * math.pi)) < 1e-9


# Stability: the map (mean, variance) -> (mean, variance) of one layer, for weights
# with sum 0 and squared sum 1, so that z ~ N(0, nu). Its Jacobian at (0, 1):
def layer_map(nu):
    s = math.sqrt(nu)
    m = lam * (s / math.sqrt(2 * math.pi) + alpha * (math.exp(nu / 2) * Phi(-s) - 0.5))
    q = lam**2 * (nu / 2 + alpha**2 * (math.exp(2 * nu) * Phi(-2 * s) - 2 * math.exp(nu / 2) * Phi(-s) + 0.5))
    return np.array([m, q - m * m])


h = 1e-6
column = (layer_map(1 + h) - layer_map(1 - h)) / (2 * h)  # d(mean, var)/d(var); d/d(mean) = 0 here
J = np.array([[0.0, column[0]], [0.0, column[1]]])
norm = np.linalg.norm(J, 2)
print(f"Jacobian at (0, 1): {J.round(4).tolist()}, spectral norm {norm:.4f} < 1: a contraction")
assert norm < 1 and round(norm, 4) == 0.7877  # the value reported by Klambauer et al. (2017)
