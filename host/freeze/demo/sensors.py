"""Drivers for a family of I2C sensors (demo of a large module for mpy-wasm-freeze bench)."""
from micropython import const

_TEMP_CTRL = const(0)
_TEMP_STATUS = const(16)
_TEMP_DATA_L = const(32)
_TEMP_DATA_H = const(48)
_TEMP_CONFIG = const(64)
_TEMP_ID = const(80)
_HUMID_CTRL = const(1)
_HUMID_STATUS = const(17)
_HUMID_DATA_L = const(33)
_HUMID_DATA_H = const(49)
_HUMID_CONFIG = const(65)
_HUMID_ID = const(81)
_PRESS_CTRL = const(2)
_PRESS_STATUS = const(18)
_PRESS_DATA_L = const(34)
_PRESS_DATA_H = const(50)
_PRESS_CONFIG = const(66)
_PRESS_ID = const(82)
_LIGHT_CTRL = const(3)
_LIGHT_STATUS = const(19)
_LIGHT_DATA_L = const(35)
_LIGHT_DATA_H = const(51)
_LIGHT_CONFIG = const(67)
_LIGHT_ID = const(83)
_ACCEL_CTRL = const(4)
_ACCEL_STATUS = const(20)
_ACCEL_DATA_L = const(36)
_ACCEL_DATA_H = const(52)
_ACCEL_CONFIG = const(68)
_ACCEL_ID = const(84)
_GYRO_CTRL = const(5)
_GYRO_STATUS = const(21)
_GYRO_DATA_L = const(37)
_GYRO_DATA_H = const(53)
_GYRO_CONFIG = const(69)
_GYRO_ID = const(85)
_MAG_CTRL = const(6)
_MAG_STATUS = const(22)
_MAG_DATA_L = const(38)
_MAG_DATA_H = const(54)
_MAG_CONFIG = const(70)
_MAG_ID = const(86)
_GAS_CTRL = const(7)
_GAS_STATUS = const(23)
_GAS_DATA_L = const(39)
_GAS_DATA_H = const(55)
_GAS_CONFIG = const(71)
_GAS_ID = const(87)
_UV_CTRL = const(8)
_UV_STATUS = const(24)
_UV_DATA_L = const(40)
_UV_DATA_H = const(56)
_UV_CONFIG = const(72)
_UV_ID = const(88)
_SOUND_CTRL = const(9)
_SOUND_STATUS = const(25)
_SOUND_DATA_L = const(41)
_SOUND_DATA_H = const(57)
_SOUND_CONFIG = const(73)
_SOUND_ID = const(89)
_DIST_CTRL = const(10)
_DIST_STATUS = const(26)
_DIST_DATA_L = const(42)
_DIST_DATA_H = const(58)
_DIST_CONFIG = const(74)
_DIST_ID = const(90)
_COLOR_CTRL = const(11)
_COLOR_STATUS = const(27)
_COLOR_DATA_L = const(43)
_COLOR_DATA_H = const(59)
_COLOR_CONFIG = const(75)
_COLOR_ID = const(91)

class SensorError(Exception):
    pass

class Sensor:
    """Common part of every driver: register access over a bus object with readfrom_mem/writeto_mem."""

    def __init__(self, bus, addr):
        self.bus = bus
        self.addr = addr
        self.samples = 0

    def read_reg(self, reg, n=1):
        return self.bus.readfrom_mem(self.addr, reg, n)

    def write_reg(self, reg, value):
        self.bus.writeto_mem(self.addr, reg, bytes((value & 0xFF,)))

    def read_u16(self, reg_lo, reg_hi):
        lo = self.read_reg(reg_lo)[0]
        hi = self.read_reg(reg_hi)[0]
        return (hi << 8) | lo

    def wait_ready(self, status_reg, mask, tries=100):
        for _ in range(tries):
            if self.read_reg(status_reg)[0] & mask:
                return True
        raise SensorError("timeout waiting for status 0x%02x" % mask)

class TempSensor(Sensor):
    """Driver for the temp sensor: raw counts to physical units."""

    SCALE = 0.6544
    OFFSET = -34.92
    NAME = "temp"

    def __init__(self, bus, addr=64):
        super().__init__(bus, addr)
        self.filter = [0] * 8
        self.index = 0

    def configure(self, rate=1, gain=0, mode="continuous"):
        modes = {"continuous": 0, "single": 1, "off": 2}
        if mode not in modes:
            raise ValueError("bad mode: " + mode)
        self.write_reg(_TEMP_CONFIG, (rate << 4) | (gain << 2) | modes[mode])
        self.write_reg(_TEMP_CTRL, 1)

    def identify(self):
        chip = self.read_reg(_TEMP_ID)[0]
        if chip != 160:
            raise SensorError("temp: unexpected chip id 0x%02x" % chip)
        return chip

    def raw(self):
        self.wait_ready(_TEMP_STATUS, 0x01)
        v = self.read_u16(_TEMP_DATA_L, _TEMP_DATA_H)
        if v & 0x8000:
            v -= 0x10000
        self.samples += 1
        return v

    def value(self):
        return self.raw() * self.SCALE + self.OFFSET

    def filtered(self):
        self.filter[self.index] = self.value()
        self.index = (self.index + 1) % len(self.filter)
        return sum(self.filter) / len(self.filter)

    def stats(self, n=16):
        xs = [self.value() for _ in range(n)]
        mean = sum(xs) / n
        var = sum((x - mean) ** 2 for x in xs) / n
        return {"name": self.NAME, "mean": mean, "var": var, "min": min(xs), "max": max(xs)}

    def __repr__(self):
        return "<TempSensor addr=0x%02x samples=%d>" % (self.addr, self.samples)

class HumidSensor(Sensor):
    """Driver for the humid sensor: raw counts to physical units."""

    SCALE = 1.3054
    OFFSET = -42.76
    NAME = "humid"

    def __init__(self, bus, addr=65):
        super().__init__(bus, addr)
        self.filter = [0] * 8
        self.index = 0

    def configure(self, rate=1, gain=0, mode="continuous"):
        modes = {"continuous": 0, "single": 1, "off": 2}
        if mode not in modes:
            raise ValueError("bad mode: " + mode)
        self.write_reg(_HUMID_CONFIG, (rate << 4) | (gain << 2) | modes[mode])
        self.write_reg(_HUMID_CTRL, 1)

    def identify(self):
        chip = self.read_reg(_HUMID_ID)[0]
        if chip != 161:
            raise SensorError("humid: unexpected chip id 0x%02x" % chip)
        return chip

    def raw(self):
        self.wait_ready(_HUMID_STATUS, 0x01)
        v = self.read_u16(_HUMID_DATA_L, _HUMID_DATA_H)
        if v & 0x8000:
            v -= 0x10000
        self.samples += 1
        return v

    def value(self):
        return self.raw() * self.SCALE + self.OFFSET

    def filtered(self):
        self.filter[self.index] = self.value()
        self.index = (self.index + 1) % len(self.filter)
        return sum(self.filter) / len(self.filter)

    def stats(self, n=16):
        xs = [self.value() for _ in range(n)]
        mean = sum(xs) / n
        var = sum((x - mean) ** 2 for x in xs) / n
        return {"name": self.NAME, "mean": mean, "var": var, "min": min(xs), "max": max(xs)}

    def __repr__(self):
        return "<HumidSensor addr=0x%02x samples=%d>" % (self.addr, self.samples)

class PressSensor(Sensor):
    """Driver for the press sensor: raw counts to physical units."""

    SCALE = 1.0764
    OFFSET = -13.43
    NAME = "press"

    def __init__(self, bus, addr=66):
        super().__init__(bus, addr)
        self.filter = [0] * 8
        self.index = 0

    def configure(self, rate=1, gain=0, mode="continuous"):
        modes = {"continuous": 0, "single": 1, "off": 2}
        if mode not in modes:
            raise ValueError("bad mode: " + mode)
        self.write_reg(_PRESS_CONFIG, (rate << 4) | (gain << 2) | modes[mode])
        self.write_reg(_PRESS_CTRL, 1)

    def identify(self):
        chip = self.read_reg(_PRESS_ID)[0]
        if chip != 162:
            raise SensorError("press: unexpected chip id 0x%02x" % chip)
        return chip

    def raw(self):
        self.wait_ready(_PRESS_STATUS, 0x01)
        v = self.read_u16(_PRESS_DATA_L, _PRESS_DATA_H)
        if v & 0x8000:
            v -= 0x10000
        self.samples += 1
        return v

    def value(self):
        return self.raw() * self.SCALE + self.OFFSET

    def filtered(self):
        self.filter[self.index] = self.value()
        self.index = (self.index + 1) % len(self.filter)
        return sum(self.filter) / len(self.filter)

    def stats(self, n=16):
        xs = [self.value() for _ in range(n)]
        mean = sum(xs) / n
        var = sum((x - mean) ** 2 for x in xs) / n
        return {"name": self.NAME, "mean": mean, "var": var, "min": min(xs), "max": max(xs)}

    def __repr__(self):
        return "<PressSensor addr=0x%02x samples=%d>" % (self.addr, self.samples)

class LightSensor(Sensor):
    """Driver for the light sensor: raw counts to physical units."""

    SCALE = 0.1254
    OFFSET = 0.74
    NAME = "light"

    def __init__(self, bus, addr=67):
        super().__init__(bus, addr)
        self.filter = [0] * 8
        self.index = 0

    def configure(self, rate=1, gain=0, mode="continuous"):
        modes = {"continuous": 0, "single": 1, "off": 2}
        if mode not in modes:
            raise ValueError("bad mode: " + mode)
        self.write_reg(_LIGHT_CONFIG, (rate << 4) | (gain << 2) | modes[mode])
        self.write_reg(_LIGHT_CTRL, 1)

    def identify(self):
        chip = self.read_reg(_LIGHT_ID)[0]
        if chip != 163:
            raise SensorError("light: unexpected chip id 0x%02x" % chip)
        return chip

    def raw(self):
        self.wait_ready(_LIGHT_STATUS, 0x01)
        v = self.read_u16(_LIGHT_DATA_L, _LIGHT_DATA_H)
        if v & 0x8000:
            v -= 0x10000
        self.samples += 1
        return v

    def value(self):
        return self.raw() * self.SCALE + self.OFFSET

    def filtered(self):
        self.filter[self.index] = self.value()
        self.index = (self.index + 1) % len(self.filter)
        return sum(self.filter) / len(self.filter)

    def stats(self, n=16):
        xs = [self.value() for _ in range(n)]
        mean = sum(xs) / n
        var = sum((x - mean) ** 2 for x in xs) / n
        return {"name": self.NAME, "mean": mean, "var": var, "min": min(xs), "max": max(xs)}

    def __repr__(self):
        return "<LightSensor addr=0x%02x samples=%d>" % (self.addr, self.samples)

class AccelSensor(Sensor):
    """Driver for the accel sensor: raw counts to physical units."""

    SCALE = 0.0846
    OFFSET = -6.64
    NAME = "accel"

    def __init__(self, bus, addr=68):
        super().__init__(bus, addr)
        self.filter = [0] * 8
        self.index = 0

    def configure(self, rate=1, gain=0, mode="continuous"):
        modes = {"continuous": 0, "single": 1, "off": 2}
        if mode not in modes:
            raise ValueError("bad mode: " + mode)
        self.write_reg(_ACCEL_CONFIG, (rate << 4) | (gain << 2) | modes[mode])
        self.write_reg(_ACCEL_CTRL, 1)

    def identify(self):
        chip = self.read_reg(_ACCEL_ID)[0]
        if chip != 164:
            raise SensorError("accel: unexpected chip id 0x%02x" % chip)
        return chip

    def raw(self):
        self.wait_ready(_ACCEL_STATUS, 0x01)
        v = self.read_u16(_ACCEL_DATA_L, _ACCEL_DATA_H)
        if v & 0x8000:
            v -= 0x10000
        self.samples += 1
        return v

    def value(self):
        return self.raw() * self.SCALE + self.OFFSET

    def filtered(self):
        self.filter[self.index] = self.value()
        self.index = (self.index + 1) % len(self.filter)
        return sum(self.filter) / len(self.filter)

    def stats(self, n=16):
        xs = [self.value() for _ in range(n)]
        mean = sum(xs) / n
        var = sum((x - mean) ** 2 for x in xs) / n
        return {"name": self.NAME, "mean": mean, "var": var, "min": min(xs), "max": max(xs)}

    def __repr__(self):
        return "<AccelSensor addr=0x%02x samples=%d>" % (self.addr, self.samples)

class GyroSensor(Sensor):
    """Driver for the gyro sensor: raw counts to physical units."""

    SCALE = 0.149
    OFFSET = -40.93
    NAME = "gyro"

    def __init__(self, bus, addr=69):
        super().__init__(bus, addr)
        self.filter = [0] * 8
        self.index = 0

    def configure(self, rate=1, gain=0, mode="continuous"):
        modes = {"continuous": 0, "single": 1, "off": 2}
        if mode not in modes:
            raise ValueError("bad mode: " + mode)
        self.write_reg(_GYRO_CONFIG, (rate << 4) | (gain << 2) | modes[mode])
        self.write_reg(_GYRO_CTRL, 1)

    def identify(self):
        chip = self.read_reg(_GYRO_ID)[0]
        if chip != 165:
            raise SensorError("gyro: unexpected chip id 0x%02x" % chip)
        return chip

    def raw(self):
        self.wait_ready(_GYRO_STATUS, 0x01)
        v = self.read_u16(_GYRO_DATA_L, _GYRO_DATA_H)
        if v & 0x8000:
            v -= 0x10000
        self.samples += 1
        return v

    def value(self):
        return self.raw() * self.SCALE + self.OFFSET

    def filtered(self):
        self.filter[self.index] = self.value()
        self.index = (self.index + 1) % len(self.filter)
        return sum(self.filter) / len(self.filter)

    def stats(self, n=16):
        xs = [self.value() for _ in range(n)]
        mean = sum(xs) / n
        var = sum((x - mean) ** 2 for x in xs) / n
        return {"name": self.NAME, "mean": mean, "var": var, "min": min(xs), "max": max(xs)}

    def __repr__(self):
        return "<GyroSensor addr=0x%02x samples=%d>" % (self.addr, self.samples)

class MagSensor(Sensor):
    """Driver for the mag sensor: raw counts to physical units."""

    SCALE = 0.8548
    OFFSET = 32.69
    NAME = "mag"

    def __init__(self, bus, addr=70):
        super().__init__(bus, addr)
        self.filter = [0] * 8
        self.index = 0

    def configure(self, rate=1, gain=0, mode="continuous"):
        modes = {"continuous": 0, "single": 1, "off": 2}
        if mode not in modes:
            raise ValueError("bad mode: " + mode)
        self.write_reg(_MAG_CONFIG, (rate << 4) | (gain << 2) | modes[mode])
        self.write_reg(_MAG_CTRL, 1)

    def identify(self):
        chip = self.read_reg(_MAG_ID)[0]
        if chip != 166:
            raise SensorError("mag: unexpected chip id 0x%02x" % chip)
        return chip

    def raw(self):
        self.wait_ready(_MAG_STATUS, 0x01)
        v = self.read_u16(_MAG_DATA_L, _MAG_DATA_H)
        if v & 0x8000:
            v -= 0x10000
        self.samples += 1
        return v

    def value(self):
        return self.raw() * self.SCALE + self.OFFSET

    def filtered(self):
        self.filter[self.index] = self.value()
        self.index = (self.index + 1) % len(self.filter)
        return sum(self.filter) / len(self.filter)

    def stats(self, n=16):
        xs = [self.value() for _ in range(n)]
        mean = sum(xs) / n
        var = sum((x - mean) ** 2 for x in xs) / n
        return {"name": self.NAME, "mean": mean, "var": var, "min": min(xs), "max": max(xs)}

    def __repr__(self):
        return "<MagSensor addr=0x%02x samples=%d>" % (self.addr, self.samples)

class GasSensor(Sensor):
    """Driver for the gas sensor: raw counts to physical units."""

    SCALE = 0.2564
    OFFSET = -27.68
    NAME = "gas"

    def __init__(self, bus, addr=71):
        super().__init__(bus, addr)
        self.filter = [0] * 8
        self.index = 0

    def configure(self, rate=1, gain=0, mode="continuous"):
        modes = {"continuous": 0, "single": 1, "off": 2}
        if mode not in modes:
            raise ValueError("bad mode: " + mode)
        self.write_reg(_GAS_CONFIG, (rate << 4) | (gain << 2) | modes[mode])
        self.write_reg(_GAS_CTRL, 1)

    def identify(self):
        chip = self.read_reg(_GAS_ID)[0]
        if chip != 167:
            raise SensorError("gas: unexpected chip id 0x%02x" % chip)
        return chip

    def raw(self):
        self.wait_ready(_GAS_STATUS, 0x01)
        v = self.read_u16(_GAS_DATA_L, _GAS_DATA_H)
        if v & 0x8000:
            v -= 0x10000
        self.samples += 1
        return v

    def value(self):
        return self.raw() * self.SCALE + self.OFFSET

    def filtered(self):
        self.filter[self.index] = self.value()
        self.index = (self.index + 1) % len(self.filter)
        return sum(self.filter) / len(self.filter)

    def stats(self, n=16):
        xs = [self.value() for _ in range(n)]
        mean = sum(xs) / n
        var = sum((x - mean) ** 2 for x in xs) / n
        return {"name": self.NAME, "mean": mean, "var": var, "min": min(xs), "max": max(xs)}

    def __repr__(self):
        return "<GasSensor addr=0x%02x samples=%d>" % (self.addr, self.samples)

class UvSensor(Sensor):
    """Driver for the uv sensor: raw counts to physical units."""

    SCALE = 1.2586
    OFFSET = 44.77
    NAME = "uv"

    def __init__(self, bus, addr=72):
        super().__init__(bus, addr)
        self.filter = [0] * 8
        self.index = 0

    def configure(self, rate=1, gain=0, mode="continuous"):
        modes = {"continuous": 0, "single": 1, "off": 2}
        if mode not in modes:
            raise ValueError("bad mode: " + mode)
        self.write_reg(_UV_CONFIG, (rate << 4) | (gain << 2) | modes[mode])
        self.write_reg(_UV_CTRL, 1)

    def identify(self):
        chip = self.read_reg(_UV_ID)[0]
        if chip != 168:
            raise SensorError("uv: unexpected chip id 0x%02x" % chip)
        return chip

    def raw(self):
        self.wait_ready(_UV_STATUS, 0x01)
        v = self.read_u16(_UV_DATA_L, _UV_DATA_H)
        if v & 0x8000:
            v -= 0x10000
        self.samples += 1
        return v

    def value(self):
        return self.raw() * self.SCALE + self.OFFSET

    def filtered(self):
        self.filter[self.index] = self.value()
        self.index = (self.index + 1) % len(self.filter)
        return sum(self.filter) / len(self.filter)

    def stats(self, n=16):
        xs = [self.value() for _ in range(n)]
        mean = sum(xs) / n
        var = sum((x - mean) ** 2 for x in xs) / n
        return {"name": self.NAME, "mean": mean, "var": var, "min": min(xs), "max": max(xs)}

    def __repr__(self):
        return "<UvSensor addr=0x%02x samples=%d>" % (self.addr, self.samples)

class SoundSensor(Sensor):
    """Driver for the sound sensor: raw counts to physical units."""

    SCALE = 1.1584
    OFFSET = -10.33
    NAME = "sound"

    def __init__(self, bus, addr=73):
        super().__init__(bus, addr)
        self.filter = [0] * 8
        self.index = 0

    def configure(self, rate=1, gain=0, mode="continuous"):
        modes = {"continuous": 0, "single": 1, "off": 2}
        if mode not in modes:
            raise ValueError("bad mode: " + mode)
        self.write_reg(_SOUND_CONFIG, (rate << 4) | (gain << 2) | modes[mode])
        self.write_reg(_SOUND_CTRL, 1)

    def identify(self):
        chip = self.read_reg(_SOUND_ID)[0]
        if chip != 169:
            raise SensorError("sound: unexpected chip id 0x%02x" % chip)
        return chip

    def raw(self):
        self.wait_ready(_SOUND_STATUS, 0x01)
        v = self.read_u16(_SOUND_DATA_L, _SOUND_DATA_H)
        if v & 0x8000:
            v -= 0x10000
        self.samples += 1
        return v

    def value(self):
        return self.raw() * self.SCALE + self.OFFSET

    def filtered(self):
        self.filter[self.index] = self.value()
        self.index = (self.index + 1) % len(self.filter)
        return sum(self.filter) / len(self.filter)

    def stats(self, n=16):
        xs = [self.value() for _ in range(n)]
        mean = sum(xs) / n
        var = sum((x - mean) ** 2 for x in xs) / n
        return {"name": self.NAME, "mean": mean, "var": var, "min": min(xs), "max": max(xs)}

    def __repr__(self):
        return "<SoundSensor addr=0x%02x samples=%d>" % (self.addr, self.samples)

class DistSensor(Sensor):
    """Driver for the dist sensor: raw counts to physical units."""

    SCALE = 1.9527
    OFFSET = -45.34
    NAME = "dist"

    def __init__(self, bus, addr=74):
        super().__init__(bus, addr)
        self.filter = [0] * 8
        self.index = 0

    def configure(self, rate=1, gain=0, mode="continuous"):
        modes = {"continuous": 0, "single": 1, "off": 2}
        if mode not in modes:
            raise ValueError("bad mode: " + mode)
        self.write_reg(_DIST_CONFIG, (rate << 4) | (gain << 2) | modes[mode])
        self.write_reg(_DIST_CTRL, 1)

    def identify(self):
        chip = self.read_reg(_DIST_ID)[0]
        if chip != 170:
            raise SensorError("dist: unexpected chip id 0x%02x" % chip)
        return chip

    def raw(self):
        self.wait_ready(_DIST_STATUS, 0x01)
        v = self.read_u16(_DIST_DATA_L, _DIST_DATA_H)
        if v & 0x8000:
            v -= 0x10000
        self.samples += 1
        return v

    def value(self):
        return self.raw() * self.SCALE + self.OFFSET

    def filtered(self):
        self.filter[self.index] = self.value()
        self.index = (self.index + 1) % len(self.filter)
        return sum(self.filter) / len(self.filter)

    def stats(self, n=16):
        xs = [self.value() for _ in range(n)]
        mean = sum(xs) / n
        var = sum((x - mean) ** 2 for x in xs) / n
        return {"name": self.NAME, "mean": mean, "var": var, "min": min(xs), "max": max(xs)}

    def __repr__(self):
        return "<DistSensor addr=0x%02x samples=%d>" % (self.addr, self.samples)

class ColorSensor(Sensor):
    """Driver for the color sensor: raw counts to physical units."""

    SCALE = 1.7184
    OFFSET = -21.04
    NAME = "color"

    def __init__(self, bus, addr=75):
        super().__init__(bus, addr)
        self.filter = [0] * 8
        self.index = 0

    def configure(self, rate=1, gain=0, mode="continuous"):
        modes = {"continuous": 0, "single": 1, "off": 2}
        if mode not in modes:
            raise ValueError("bad mode: " + mode)
        self.write_reg(_COLOR_CONFIG, (rate << 4) | (gain << 2) | modes[mode])
        self.write_reg(_COLOR_CTRL, 1)

    def identify(self):
        chip = self.read_reg(_COLOR_ID)[0]
        if chip != 171:
            raise SensorError("color: unexpected chip id 0x%02x" % chip)
        return chip

    def raw(self):
        self.wait_ready(_COLOR_STATUS, 0x01)
        v = self.read_u16(_COLOR_DATA_L, _COLOR_DATA_H)
        if v & 0x8000:
            v -= 0x10000
        self.samples += 1
        return v

    def value(self):
        return self.raw() * self.SCALE + self.OFFSET

    def filtered(self):
        self.filter[self.index] = self.value()
        self.index = (self.index + 1) % len(self.filter)
        return sum(self.filter) / len(self.filter)

    def stats(self, n=16):
        xs = [self.value() for _ in range(n)]
        mean = sum(xs) / n
        var = sum((x - mean) ** 2 for x in xs) / n
        return {"name": self.NAME, "mean": mean, "var": var, "min": min(xs), "max": max(xs)}

    def __repr__(self):
        return "<ColorSensor addr=0x%02x samples=%d>" % (self.addr, self.samples)

DRIVERS = {"temp": TempSensor, "humid": HumidSensor, "press": PressSensor, "light": LightSensor, "accel": AccelSensor, "gyro": GyroSensor, "mag": MagSensor, "gas": GasSensor, "uv": UvSensor, "sound": SoundSensor, "dist": DistSensor, "color": ColorSensor}

def probe(bus, addrs):
    """Returns a driver for every address that answers with a known chip id."""
    found = []
    for name, cls in DRIVERS.items():
        for a in addrs:
            try:
                s = cls(bus, a)
                s.identify()
                found.append(s)
            except (OSError, SensorError):
                pass
    return found
