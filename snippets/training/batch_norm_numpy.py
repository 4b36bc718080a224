import numpy as np
import torch


class BatchNorm:
    """Batch normalisation of an (m_B, C) array over its batch axis, like torch.nn.BatchNorm1d."""

    def __init__(self, C, eps=1e-5, momentum=0.1):
        self.eps, self.momentum = eps, momentum
        self.gamma, self.beta = np.ones(C), np.zeros(C)  # scale and shift (beta is the shift here)
        self.running_mean, self.running_var = np.zeros(C), np.ones(C)
        self.training = True

    def forward(self, x):
        if self.training:
            m_B = x.shape[0]
            mu, var = x.mean(axis=0), x.var(axis=0)  # var divides by m_B: the biased variance
            rho = self.momentum
            self.running_mean = (1 - rho) * self.running_mean + rho * mu
            self.running_var = (1 - rho) * self.running_var + rho * var * m_B / (m_B - 1)  # unbiased
        else:
            mu, var = self.running_mean, self.running_var
        self.inv_std = 1 / np.sqrt(var + self.eps)
        self.xhat = (x - mu) * self.inv_std
        return self.gamma * self.xhat + self.beta

    def backward(self, dy):
        """dL/dx, dL/dgamma, dL/dbeta from dL/dy (training mode)."""
        m_B = dy.shape[0]
        dxhat = dy * self.gamma
        dx = self.inv_std / m_B * (m_B * dxhat - dxhat.sum(0) - self.xhat * (dxhat * self.xhat).sum(0))
        return dx, (dy * self.xhat).sum(0), dy.sum(0)


rng = np.random.default_rng(0)
C, m_B = 4, 8
ours, ref = BatchNorm(C), torch.nn.BatchNorm1d(C, dtype=torch.float64)
ours.gamma, ours.beta = rng.normal(1, 0.5, C), rng.normal(0, 0.5, C)  # not the trivial 1 and 0
with torch.no_grad():
    ref.weight.copy_(torch.from_numpy(ours.gamma))
    ref.bias.copy_(torch.from_numpy(ours.beta))

worst = {"output": 0.0, "running stats": 0.0, "gradients": 0.0}
for _step in range(5):
    x, dy = rng.normal(3.0, 2.0, size=(m_B, C)), rng.normal(size=(m_B, C))
    xt = torch.from_numpy(x).requires_grad_()
    yt = ref(xt)
    yt.backward(torch.from_numpy(dy))
    y = ours.forward(x)
    dx, dgamma, dbeta = ours.backward(dy)
    worst["output"] = max(worst["output"], np.abs(y - yt.detach().numpy()).max())
    worst["running stats"] = max(
        worst["running stats"],
        np.abs(ours.running_mean - ref.running_mean.numpy()).max(),
        np.abs(ours.running_var - ref.running_var.numpy()).max(),
    )
    worst["gradients"] = max(
        worst["gradients"],
        np.abs(dx - xt.grad.numpy()).max(),
        np.abs(dgamma - ref.weight.grad.numpy()).max(),
        np.abs(dbeta - ref.bias.grad.numpy()).max(),
    )
    ref.weight.grad = ref.bias.grad = None
    # the gradient has no component along a shift of x, and (up to eps) none along a rescaling
    assert np.abs(dx.sum(0)).max() < 1e-12
    assert np.abs((dx * ours.xhat).sum(0)).max() < 1e-4  # of order eps, not of order |dx|

ours.training = False
ref.eval()
x = rng.normal(3.0, 2.0, size=(m_B, C))
with torch.no_grad():
    worst["eval output"] = np.abs(ours.forward(x) - ref(torch.from_numpy(x)).numpy()).max()
for name, value in worst.items():
    print(f"numpy vs torch.nn.BatchNorm1d (float64, 5 training steps), {name:13}: max |difference| = {value:.1e}")
assert max(worst.values()) < 1e-10
print(f"batches seen by torch: {ref.num_batches_tracked.item()}")
assert ref.num_batches_tracked.item() == 5

# gamma = sqrt(sigma_B^2 + eps) and beta = mu_B undo the normalisation: BN can represent the identity.
x = rng.normal(3.0, 2.0, size=(m_B, C))
undo = BatchNorm(C)
undo.gamma, undo.beta = np.sqrt(x.var(0) + undo.eps), x.mean(0)
print(f"with gamma = sqrt(var + eps), beta = mean: max |y - x| = {np.abs(undo.forward(x) - x).max():.1e}")
assert np.allclose(undo.forward(x), x, atol=1e-12)
