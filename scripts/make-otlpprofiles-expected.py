#!/usr/bin/env python3
"""Expected figures for the OTLP profiles corpus files (tests/otlpprofiles).

Independent of the C++ importer: JSON files are read with the json module,
binary files with the small protobuf wire decoder below (field numbers from
FORMATS.md section 3; the Sample layout v1.8/v1.9 vs v1.10+ is chosen from the
wire types of Sample fields 3/4 as FORMATS.md section 3.2 documents).

Model semantics mirrored (importers/otlp/profilesrequest.h): one value column
per distinct (sample type, unit) in order of first appearance; one model
sample per timestamp (values pair up by index, timestamps only count 1), or
per value when there are no timestamps; the default column is the one with
the most model samples. A frame is a function (name or system name) or, for
locations without lines / with nameless functions, "module+0xoffset".

Usage: make-otlpprofiles-expected.py CORPUS_DIR OUT_DIR
Writes OUT_DIR/<file>.txt with "key value" lines; "self COLUMN VALUE NAME" and
"incl COLUMN VALUE NAME" give the top 5 functions per column by self and by
inclusive (once per sample) value.
"""
import json
import os
import struct
import sys
from collections import Counter, defaultdict


# ---------- protobuf wire decoding ----------
def varint(b, i):
    x = 0
    s = 0
    while True:
        c = b[i]
        i += 1
        x |= (c & 0x7F) << s
        s += 7
        if c < 0x80:
            return x, i


def fields(b):
    i = 0
    while i < len(b):
        key, i = varint(b, i)
        f, t = key >> 3, key & 7
        if t == 0:
            v, i = varint(b, i)
        elif t == 1:
            v = b[i:i + 8]
            i += 8
        elif t == 2:
            n, i = varint(b, i)
            v = b[i:i + n]
            i += n
        elif t == 5:
            v = b[i:i + 4]
            i += 4
        else:
            raise ValueError("wire type %d" % t)
        yield f, t, v


def s32(x):
    x &= 0xFFFFFFFF
    return x - (1 << 32) if x >= 1 << 31 else x


def s64(x):
    x &= 0xFFFFFFFFFFFFFFFF
    return x - (1 << 64) if x >= 1 << 63 else x


def packed(t, v):
    if t == 0:
        return [v]
    out = []
    i = 0
    while i < len(v):
        x, i = varint(v, i)
        out.append(x)
    return out


def any_value(b):
    for f, t, v in fields(b):
        if f == 1:
            return {"stringValue": v.decode()}
        if f == 3:
            return {"intValue": str(s64(v))}
        if f == 8:
            return {"stringValueStrindex": s32(v)}
    return {}


def sniff_layout(req):
    v18 = v110 = 0

    def walk_sample(b):
        nonlocal v18, v110
        for f, t, _ in fields(b):
            if f == 3:
                v18 += t == 2
                v110 += t == 0
            if f == 4:
                v110 += t == 2
                v18 += t == 0

    for f, t, v in fields(req):
        if f != 1:
            continue
        for g, _, sp in fields(v):
            if g != 2:
                continue
            for h, _, pr in fields(sp):
                if h != 2:
                    continue
                for k, _, smp in fields(pr):
                    if k == 2:
                        walk_sample(smp)
    assert not (v18 and v110)
    return "v1.8" if v18 else "v1.10"


def proto_to_json(b):
    """Decodes a binary request into the OTLP/JSON shape used below."""
    layout = sniff_layout(b)
    vals_f, attrs_f, link_f = (2, 3, 4) if layout == "v1.8" else (4, 2, 3)
    d = {"stringTable": [], "mappingTable": [], "locationTable": [], "functionTable": [],
         "attributeTable": [], "stackTable": [], "linkTable": []}
    rps = []
    for f, t, v in fields(b):
        if f == 2:
            for g, u, m in fields(v):
                if g == 5:
                    d["stringTable"].append(m.decode())
                elif g == 1:
                    rec = {}
                    for h, w, x in fields(m):
                        if h == 1: rec["memoryStart"] = x
                        if h == 2: rec["memoryLimit"] = x
                        if h == 3: rec["fileOffset"] = x
                        if h == 4: rec["filenameStrindex"] = s32(x)
                        if h == 5: rec.setdefault("attributeIndices", []).extend(map(s32, packed(w, x)))
                    d["mappingTable"].append(rec)
                elif g == 2:
                    rec = {"lines": []}
                    for h, w, x in fields(m):
                        if h == 1: rec["mappingIndex"] = s32(x)
                        if h == 2: rec["address"] = x
                        if h == 3:
                            ln = {}
                            for q, _, y in fields(x):
                                if q == 1: ln["functionIndex"] = s32(y)
                            rec["lines"].append(ln)
                    d["locationTable"].append(rec)
                elif g == 3:
                    rec = {}
                    for h, w, x in fields(m):
                        if h == 1: rec["nameStrindex"] = s32(x)
                        if h == 2: rec["systemNameStrindex"] = s32(x)
                        if h == 3: rec["filenameStrindex"] = s32(x)
                    d["functionTable"].append(rec)
                elif g == 6:
                    rec = {}
                    for h, w, x in fields(m):
                        if h == 1: rec["keyStrindex"] = s32(x)
                        if h == 2: rec["value"] = any_value(x)
                    d["attributeTable"].append(rec)
                elif g == 7:
                    rec = {"locationIndices": []}
                    for h, w, x in fields(m):
                        if h == 1: rec["locationIndices"].extend(map(s32, packed(w, x)))
                    d["stackTable"].append(rec)
                elif g == 4:
                    d["linkTable"].append({})
        elif f == 1:
            rp = {"scopeProfiles": []}
            for g, u, m in fields(v):
                if g == 2:
                    sp = {"profiles": []}
                    for h, w, pr in fields(m):
                        if h != 2:
                            continue
                        p = {"samples": []}
                        for k, wt, x in fields(pr):
                            if k == 1:
                                p["sampleType"] = {}
                                for q, _, y in fields(x):
                                    p["sampleType"]["typeStrindex" if q == 1 else "unitStrindex"] = s32(y)
                            if k == 2:
                                s = {}
                                for q, qt, y in fields(x):
                                    if q == 1: s["stackIndex"] = s32(y)
                                    elif q == vals_f: s.setdefault("values", []).extend(s64(z) for z in packed(qt, y))
                                    elif q == attrs_f: s.setdefault("attributeIndices", []).extend(map(s32, packed(qt, y)))
                                    elif q == link_f: s["linkIndex"] = s32(y)
                                    elif q == 5:
                                        raw = y if qt == 2 else y
                                        s.setdefault("timestampsUnixNano", []).extend(
                                            struct.unpack("<%dQ" % (len(raw) // 8), raw))
                                p["samples"].append(s)
                        sp["profiles"].append(p)
                    rp["scopeProfiles"].append(sp)
            rps.append(rp)
    return {"resourceProfiles": rps, "dictionary": d}, layout


# ---------- figures ----------
def figures(doc):
    d = doc["dictionary"]
    st = d["stringTable"]
    funcs = d.get("functionTable", [])
    locs = d.get("locationTable", [])
    maps = d.get("mappingTable", [])
    stacks = d.get("stackTable", [])

    def frames_of_location(li):
        loc = locs[li]
        lines = loc.get("lines", loc.get("line", []))
        m = maps[loc.get("mappingIndex", 0)] if loc.get("mappingIndex", 0) else None

        def unsym():
            addr = int(loc.get("address", 0))
            name = ""
            if m is not None:
                base = st[m.get("filenameStrindex", 0)].rsplit("/", 1)[-1]
                start = int(m.get("memoryStart", 0))
                if base and addr >= start:
                    addr = addr - start + int(m.get("fileOffset", 0))
                    name = base + "+"
            return name + hex(addr)

        if not lines:
            return [unsym()]
        out = []
        for ln in reversed(lines):  # root first
            fn = funcs[ln.get("functionIndex", 0)]
            n, sn = fn.get("nameStrindex", 0), fn.get("systemNameStrindex", 0)
            out.append(unsym() if n == 0 and sn == 0 else st[n or sn])
        return out

    def path(si):
        names = []
        for li in reversed(stacks[si].get("locationIndices", [])):
            names.extend(frames_of_location(li))
        return tuple(names)

    columns = []
    totals = defaultdict(int)
    counts = Counter()
    ntimes = 0
    nsamples = 0
    paths = set()
    self_by_col = defaultdict(Counter)
    incl_by_col = defaultdict(Counter)
    for rp in doc["resourceProfiles"]:
        for sp in rp.get("scopeProfiles", []):
            for p in sp.get("profiles", []):
                stype = p.get("sampleType", {})
                col = st[stype.get("typeStrindex", 0)] + "/" + st[stype.get("unitStrindex", 0)]
                if col not in columns:
                    columns.append(col)
                for s in p.get("samples", p.get("sample", [])):
                    vals = [int(x) for x in s.get("values", [])]
                    ts = [int(x) for x in s.get("timestampsUnixNano", [])]
                    n = len(ts) if ts else len(vals)
                    pth = path(s.get("stackIndex", 0))
                    if n:
                        paths.add(pth)
                    leaf = pth[-1] if pth else ""
                    for i in range(n):
                        if not ts:
                            v = vals[i]
                        elif not vals:
                            v = 1
                        else:
                            v = vals[i] if i < len(vals) else 0
                        totals[col] += v
                        counts[col] += 1
                        self_by_col[col][leaf] += v
                        for name in set(pth):
                            incl_by_col[col][name] += v
                        if ts and ts[i] != 0:
                            ntimes += 1
                    nsamples += n
    default = max(columns, key=lambda c: (counts[c], -columns.index(c)))
    lines = ["samples %d" % nsamples, "timestamps %d" % ntimes, "paths %d" % len(paths),
             "columns %d" % len(columns), "default %s" % default]
    for c in columns:
        lines.append("total %s %d" % (c, totals[c]))
    for c in columns:
        for kind, table in (("self", self_by_col[c]), ("incl", incl_by_col[c])):
            top = sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
            for name, v in top:
                lines.append("%s %s %d %s" % (kind, c, v, name))
    return lines


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    d = os.path.join(corpus, "otlp-profiles")
    results = {}
    for name in sorted(os.listdir(d)):
        data = open(os.path.join(d, name), "rb").read()
        if name.endswith(".json"):
            doc = json.loads(data)
            layout = "json"
        else:
            doc, layout = proto_to_json(data)
        lines = ["layout %s" % layout] + figures(doc)
        results[name] = lines[1:]
        with open(os.path.join(out, name + ".txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
        print(name, *lines, sep="\n  ")
    # The binary captures and their JSON twins hold the same data: the two
    # independent decodings (json module, wire decoder) must agree.
    for name, lines in results.items():
        twin = name.replace(".pb.bin", ".json")
        if name.endswith(".pb.bin") and twin in results:
            assert lines == results[twin], "%s and %s differ" % (name, twin)
            print("%s agrees with %s" % (name, twin))


if __name__ == "__main__":
    main()
