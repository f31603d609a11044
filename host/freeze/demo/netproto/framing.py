"""Frames: 0x7E, length (2 bytes), payload, CRC-16; 0x7D escapes."""
from .crc import crc16

FLAG = 0x7E
ESC = 0x7D


class FrameError(ValueError):
    pass


def _escape(data):
    out = bytearray()
    for b in data:
        if b in (FLAG, ESC):
            out.append(ESC)
            out.append(b ^ 0x20)
        else:
            out.append(b)
    return out


def encode_frame(payload):
    if len(payload) > 0xFFFF:
        raise FrameError("payload too long")
    body = bytes((len(payload) >> 8, len(payload) & 0xFF)) + bytes(payload)
    c = crc16(body)
    return bytes((FLAG,)) + _escape(body + bytes((c >> 8, c & 0xFF)))


def decode_frame(frame):
    if not frame or frame[0] != FLAG:
        raise FrameError("missing flag")
    raw = bytearray()
    esc = False
    for b in frame[1:]:
        if esc:
            raw.append(b ^ 0x20)
            esc = False
        elif b == ESC:
            esc = True
        else:
            raw.append(b)
    if len(raw) < 4:
        raise FrameError("short frame")
    n = (raw[0] << 8) | raw[1]
    if len(raw) != n + 4:
        raise FrameError("bad length")
    if crc16(raw[:-2]) != (raw[-2] << 8) | raw[-1]:
        raise FrameError("bad CRC")
    return bytes(raw[2:-2])
