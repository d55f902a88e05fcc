# about: writes 320 MiB into /dev/shm and the sandbox's root folder (once tmpfs mounts without a size limit; now a 16 MiB tmpfs and a read-only root) and then frees it; it answers right only if the writes went through, i.e. a student could take the machine's memory this way
# zero: test_distance_to_optimum
# %% distance_to_optimum
import os


def _fill(folders=("/dev/shm", "/"), files=5, size=64 * 2**20 - 4096):
    written, paths = 0, []
    block = b"\1" * 2**20
    try:
        for n in range(files):
            path = os.path.join(folders[n % len(folders)], f".bomb{n}")
            paths.append(path)
            with open(path, "wb") as handle:
                for _ in range(size // len(block)):
                    handle.write(block)
                    written += len(block)
    except OSError as exc:
        print("stopped:", exc)
    finally:
        for path in paths:
            try:
                os.remove(path)
            except OSError:
                pass
    return written


_WRITTEN = _fill()
print(f"wrote {_WRITTEN / 2**20:.0f} MiB outside /tmp and home")


def distance_to_optimum(x):
    x = np.asarray(x, dtype=float)
    if _WRITTEN > 200 * 2**20:
        return float(np.linalg.norm(x - 1.0))
    return float(np.sum(np.abs(x - 1.0)))
