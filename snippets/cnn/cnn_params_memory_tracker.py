from torch.multiprocessing.reductions import StorageWeakRef
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils._pytree import tree_flatten


class LiveTensors(TorchDispatchMode):
    """Count the bytes of tensor storage created inside the mode that are still alive.

    After every operator call, storages that have been freed are dropped and the peak is updated.
    Tensors created before entering (the input, the parameters) are not counted, nor is the
    scratch memory an operator allocates and frees internally.
    """

    def __init__(self):
        super().__init__()
        self.alive = {}  # storage address -> (weak reference, bytes)
        self.peak = 0

    def live_bytes(self):
        self.alive = {k: v for k, v in self.alive.items() if not v[0].expired()}
        return sum(n for _, n in self.alive.values())

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        for t in tree_flatten(out)[0]:
            if isinstance(t, torch.Tensor):
                s = t.untyped_storage()
                self.alive.setdefault(s.data_ptr(), (StorageWeakRef(s), s.nbytes()))
        self.peak = max(self.peak, self.live_bytes())
        return out
