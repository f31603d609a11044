"""A client that sends messages over any stream with write() and read()."""
from .framing import encode_frame, decode_frame
from .messages import Message, Ping


class Client:
    def __init__(self, stream):
        self.stream = stream
        self.seq = 0
        self.sent = 0

    def send(self, msg):
        frame = encode_frame(msg.pack())
        self.stream.write(frame)
        self.sent += len(frame)

    def ping(self):
        self.seq += 1
        self.send(Ping(self.seq))
        return self.seq

    def receive(self, frame):
        return Message.unpack(decode_frame(frame))
