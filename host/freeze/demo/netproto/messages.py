"""Message types and their wire form."""
import struct


class Message:
    KIND = 0
    FORMAT = ""

    def fields(self):
        return ()

    def pack(self):
        return bytes((self.KIND,)) + struct.pack(self.FORMAT, *self.fields())

    @classmethod
    def unpack(cls, data):
        kind = data[0]
        for sub in (Ping, Reading, Command):
            if sub.KIND == kind:
                return sub(*struct.unpack(sub.FORMAT, data[1:]))
        raise ValueError("unknown message kind %d" % kind)

    def __eq__(self, other):
        return type(self) is type(other) and self.fields() == other.fields()


class Ping(Message):
    KIND = 1
    FORMAT = "<I"

    def __init__(self, seq):
        self.seq = seq

    def fields(self):
        return (self.seq,)


class Reading(Message):
    KIND = 2
    FORMAT = "<HBf"

    def __init__(self, sensor, unit, value):
        self.sensor, self.unit, self.value = sensor, unit, value

    def fields(self):
        return (self.sensor, self.unit, self.value)


class Command(Message):
    KIND = 3
    FORMAT = "<BH"

    def __init__(self, op, arg):
        self.op, self.arg = op, arg

    def fields(self):
        return (self.op, self.arg)
