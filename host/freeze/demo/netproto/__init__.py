"""A small framed message protocol (demo of a package for mpy-wasm-freeze bench)."""
from .framing import encode_frame, decode_frame, FrameError
from .messages import Message, Ping, Reading, Command
from .client import Client

VERSION = (1, 4, 2)
