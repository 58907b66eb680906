#!/usr/bin/env python3
"""Regenerates the small malformed-input fixtures in this folder (pure Python,
no other tool). Each is a made-up profile (no third-party data), broken in one
way; expected.txt lists the error text Spanfire must give for each.
Run: python3 tests/data/malformed/make-fixtures.py"""
import gzip, os

here = os.path.dirname(os.path.abspath(__file__))

def varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)

def field_varint(f, v):
    return varint(f << 3) + varint(v)

def field_bytes(f, b):
    return varint((f << 3) | 2) + varint(len(b)) + b

def profile(strings, functions, locations, samples, extra=b""):
    st = {s: i for i, s in enumerate(strings)}
    out = field_bytes(1, field_varint(1, st["samples"]) + field_varint(2, st["count"]))
    for locs, value in samples:
        packed = b"".join(varint(l) for l in locs)
        out += field_bytes(2, field_bytes(1, packed) + field_bytes(2, varint(value)))
    for loc_id, fn_id in locations:
        out += field_bytes(4, field_varint(1, loc_id) + field_bytes(4, field_varint(1, fn_id) + field_varint(2, 7)))
    for fn_id, name in functions:
        out += field_bytes(5, field_varint(1, fn_id) + field_varint(2, name) + field_varint(3, name))
    out += extra
    for s in strings:
        out += field_bytes(6, s.encode())
    return out

strings = ["", "samples", "count", "main", "work", "leaf"]
good = profile(strings, [(1, 3), (2, 4), (3, 5)], [(1, 1), (2, 2), (3, 3)], [([3, 2, 1], 5), ([2, 1], 3)])

fixtures = {
    # gzip cut in the middle of the compressed stream
    "truncated.pb.gz": gzip.compress(good, mtime=0)[: len(gzip.compress(good, mtime=0)) // 2],
    # raw protobuf cut inside the last string
    "truncated.pb": good[:-3],
    # a function name pointing past the end of the string table
    "bad-string-index.pb": profile(strings, [(1, 3), (2, 4), (3, 99)], [(1, 1), (2, 2), (3, 3)], [([3, 2, 1], 5)]),
    # a sample referring to a location that does not exist
    "unknown-location.pb.gz": gzip.compress(profile(strings, [(1, 3)], [(1, 1)], [([1, 42], 1)]), mtime=0),
    # two profiles concatenated (`cat a.pb.gz b.pb.gz`): time_nanos twice
    "concatenated.pb.gz": gzip.compress(good + field_varint(9, 1700000000000000000), mtime=0) * 2,
    # empty file named like a profile
    "empty.pb.gz": b"",
    # plain text named like a profile
    "notes.pb.gz": b"these are meeting notes, not a profile\n",
}
for name, data in fixtures.items():
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)
print("wrote", ", ".join(sorted(fixtures)))
