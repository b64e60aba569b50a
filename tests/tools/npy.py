#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes, prints and compares .npy files for tests, without numpy.

  npy.py write FILE DTYPE SHAPE VALUES   e.g. write x.npy f4 2,3 1,2,3,4,5,6
                                         (DTYPE: f4 f2 i4 u4 i8 u8 i1 u1)
  npy.py print FILE                      prints dtype, shape and values
  npy.py compare A B RTOL ATOL           exits 1 if they differ
"""
import struct
import sys

FORMATS = {"f4": "f", "f2": "e", "i4": "i", "u4": "I", "i8": "q", "u8": "Q",
           "i1": "b", "u1": "B"}


def write(path, dtype, shape, values):
    order = "|" if dtype in ("i1", "u1") else "<"
    dims = ",".join(shape) + ("," if len(shape) == 1 else "")
    header = "{'descr': '%s%s', 'fortran_order': False, 'shape': (%s), }" % (
        order, dtype, dims)
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    code = FORMATS[dtype]
    numbers = [float(v) if code in "feq" and "." in v else int(v) if code not in "fe" else float(v)
               for v in values]
    with open(path, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode())
        f.write(struct.pack("<%d%s" % (len(numbers), code), *numbers))


def read(path):
    data = open(path, "rb").read()
    assert data[:6] == b"\x93NUMPY", path
    length = struct.unpack("<H", data[8:10])[0]
    header = data[10:10 + length].decode()
    descr = header.split("'descr': '")[1][:3]
    shape_text = header.split("'shape': (")[1].split(")")[0]
    shape = [int(s) for s in shape_text.split(",") if s.strip()]
    code = FORMATS[descr[1:]]
    body = data[10 + length:]
    count = len(body) // struct.calcsize(code)
    return descr, shape, list(struct.unpack("<%d%s" % (count, code), body))


def main():
    command = sys.argv[1]
    if command == "write":
        shape = [] if sys.argv[4] == "-" else sys.argv[4].split(",")
        write(sys.argv[2], sys.argv[3], shape, sys.argv[5].split(","))
    elif command == "print":
        descr, shape, values = read(sys.argv[2])
        print(descr, shape, " ".join("%.6g" % v for v in values))
    elif command == "compare":
        a, b = read(sys.argv[2]), read(sys.argv[3])
        rtol, atol = float(sys.argv[4]), float(sys.argv[5])
        if a[0] != b[0] or a[1] != b[1]:
            sys.exit("type or shape differ: %s %s vs %s %s" % (a[0], a[1], b[0], b[1]))
        for i, (x, y) in enumerate(zip(a[2], b[2])):
            if abs(x - y) > atol + rtol * abs(y):
                sys.exit("element %d differs: %r vs %r" % (i, x, y))
        print("equal")


if __name__ == "__main__":
    main()
