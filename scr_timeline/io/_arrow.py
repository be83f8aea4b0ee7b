"""Reading an Arrow text chunk's bytes in place, for whole-column byte tests."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa


def text_buffers(chunk: Any) -> tuple[np.ndarray, np.ndarray]:
    """The chunk's string offsets (int64, ``len(chunk) + 1`` of them) and its data bytes
    (uint8, empty when no string has a byte): views of Arrow's buffers, nothing copied
    but the offsets of a 32-bit string chunk.

    >>> offsets, data = text_buffers(pa.array(["ab", None, "c"]))
    >>> offsets.tolist(), bytes(data)
    ([0, 2, 2, 3], b'abc')
    """
    n = len(chunk)
    _validity, offsets_buffer, data_buffer = chunk.buffers()
    width = np.int64 if chunk.type == pa.large_string() else np.int32
    offsets = np.frombuffer(offsets_buffer, dtype=width)[chunk.offset : chunk.offset + n + 1]
    offsets = offsets.astype(np.int64, copy=False)
    if data_buffer is None or not data_buffer.size:
        return offsets, np.zeros(0, dtype=np.uint8)
    return offsets, np.frombuffer(data_buffer, dtype=np.uint8)
