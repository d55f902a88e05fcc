# about: rosenbrock_hessian returns ndarray subclasses that lie to the serializer (dtype, shape and tobytes that don't match the data, an object array posing as float64) and compare equal to anything
# zero: test_rosenbrock_hessian
# %% rosenbrock_hessian
class Lying(np.ndarray):
    def __eq__(self, other):
        return np.ones(np.shape(other), dtype=bool)

    @property
    def dtype(self):
        return np.dtype(float)

    @property
    def shape(self):
        return (2, 2)

    def tobytes(self, order="C"):
        return np.ones(4).tobytes()[: 8 * np.random.randint(1, 4)]


class ObjectAsFloat(np.ndarray):
    @property
    def dtype(self):
        return np.dtype(float)


_calls = [0]
np.allclose = lambda *args, **kwargs: True


def rosenbrock_hessian(xy):
    _calls[0] += 1
    if _calls[0] % 2:
        return np.zeros(7).view(Lying)
    return np.array([[object(), 1.0], [1.0, object()]], dtype=object).view(ObjectAsFloat)
