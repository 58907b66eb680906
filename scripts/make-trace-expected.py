#!/usr/bin/env python3
"""Derive expected span tables for the trace corpus, independently of Spanfire.

For every file in <corpus>/{otlp-traces,otlp-traces/derived,jaeger,zipkin}
this script decodes the spans with the Python standard library only (json,
a ~40-line protobuf wire decoder, and the `zstd` command for zstd data),
applies the documented model rules, and writes
tests/data/traces-expected/<file name>.txt:

    # comment lines
    traces <number of distinct trace ids>
    spans <number of spans kept>
    duplicates <spans dropped as duplicates>
    orphans <spans whose parent span id is not in the file>
    span <trace id, 32 hex> <span id, 16 hex> <paired> <parent> <start ns> <duration ns>

where <paired> is 1 for the shared (server) half of a Zipkin client/server
pair with one id, else 0.

sorted by (trace id, span id, shared). <parent> is "-" for a root, the
parent's span id when the parent is present, "orphan" when it is missing.

Model rules applied (see model/tracesetbuilder.h):
  * duplicates: same (trace id, span id, shared) -> keep the first;
  * Zipkin shared server spans whose id is also used by a non-shared span
    are children of that span; a parent id that exists as both sides
    resolves to the shared (server) side;
  * Jaeger: parent = first CHILD_OF reference, else the first reference,
    else parentSpanID; times are microseconds;
  * Zipkin: timestamps/durations in microseconds.

Usage: scripts/make-trace-expected.py [CORPUS_DIR] [OUT_DIR]
"""
import base64
import json
import os
import struct
import subprocess
import sys

HEX = set("0123456789abcdefABCDEF")


def norm_id(text, nbytes):
    """Hex (any case, left-padded) or base64 id -> lowercase fixed-width hex, or None."""
    if text is None:
        return None
    s = text[2:] if text[:2] in ("0x", "0X") else text
    if s and all(c in HEX for c in s) and len(s) <= nbytes * 2:
        v = s.lower().rjust(nbytes * 2, "0")
    else:
        try:
            raw = base64.b64decode(s + "=" * (-len(s) % 4))
        except Exception:
            return None
        if len(raw) != nbytes:
            return None
        v = raw.hex()
    return None if set(v) == {"0"} else v


def key(d, *names):
    """Field lookup accepting camelCase and snake_case spellings."""
    want = {n.replace("_", "").lower() for n in names}
    for k, v in d.items():
        if k.replace("_", "").lower() in want:
            return v
    return None


# ---- protobuf wire decoding -------------------------------------------------
def varint(b, i):
    shift = v = 0
    while True:
        c = b[i]
        i += 1
        v |= (c & 0x7F) << shift
        if c < 0x80:
            return v, i
        shift += 7


def fields(b):
    i = 0
    while i < len(b):
        k, i = varint(b, i)
        f, t = k >> 3, k & 7
        if t == 0:
            v, i = varint(b, i)
        elif t == 1:
            v = struct.unpack_from("<Q", b, i)[0]
            i += 8
        elif t == 5:
            v = struct.unpack_from("<I", b, i)[0]
            i += 4
        elif t == 2:
            n, i = varint(b, i)
            v = b[i:i + n]
            i += n
        else:
            raise ValueError("bad wire type")
        yield f, v


def proto_spans(msg):
    out = []
    for f, rs in fields(msg):
        if f != 1:
            continue
        for f2, ss in fields(rs):
            if f2 != 2:
                continue
            for f3, sp in fields(ss):
                if f3 != 2:
                    continue
                s = {"parent": None, "start": 0, "end": 0}
                for f4, v in fields(sp):
                    if f4 == 1:
                        s["trace"] = v.hex() if len(v) == 16 else None
                    elif f4 == 2:
                        s["span"] = v.hex() if len(v) == 8 else None
                    elif f4 == 4:
                        s["parent"] = v.hex() if len(v) == 8 and any(v) else None
                    elif f4 == 7:
                        s["start"] = v
                    elif f4 == 8:
                        s["end"] = v
                out.append(s)
    return out


# ---- JSON formats -------------------------------------------------------------
def otlp_json_spans(doc):
    out = []
    for rs in key(doc, "resourceSpans") or []:
        scopes = (key(rs, "scopeSpans") or []) + (key(rs, "instrumentationLibrarySpans") or [])
        for ss in scopes:
            for sp in key(ss, "spans") or []:
                parent = key(sp, "parentSpanId")
                out.append({
                    "trace": norm_id(key(sp, "traceId"), 16),
                    "span": norm_id(key(sp, "spanId"), 8),
                    "parent": norm_id(parent, 8) if parent else None,
                    "start": int(key(sp, "startTimeUnixNano") or 0),
                    "end": int(key(sp, "endTimeUnixNano") or 0),
                })
    return out


def jaeger_span(sp):
    refs = sp.get("references") or []
    parent = None
    child_of = [r for r in refs if r.get("refType") != "FOLLOWS_FROM"]
    if child_of:
        parent = child_of[0]["spanID"]
    elif refs:
        parent = refs[0]["spanID"]
    elif sp.get("parentSpanID"):
        parent = sp["parentSpanID"]
    start = int(sp["startTime"]) * 1000
    return {"trace": norm_id(sp["traceID"], 16), "span": norm_id(sp["spanID"], 8),
            "parent": norm_id(parent, 8) if parent else None,
            "start": start, "end": start + int(sp.get("duration", 0)) * 1000}


def jaeger_spans(doc):
    if isinstance(doc, list):
        out = []
        for item in doc:
            out += [jaeger_span(s) for s in item["spans"]] if "spans" in item else [jaeger_span(item)]
        return out
    traces = doc["data"] if "data" in doc else [doc]
    return [jaeger_span(s) for t in traces or [] for s in t.get("spans", [])]


def zipkin_spans(doc):
    items = doc if isinstance(doc, list) else [doc]
    out = []
    for sp in items:
        start = int(sp.get("timestamp", 0)) * 1000
        out.append({"trace": norm_id(sp["traceId"], 16), "span": norm_id(sp["id"], 8),
                    "parent": norm_id(sp.get("parentId"), 8), "shared": bool(sp.get("shared", False)),
                    "start": start, "end": start + int(sp.get("duration", 0)) * 1000})
    return out


def json_docs(text):
    try:
        return [json.loads(text)]
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def json_spans(text):
    out = []
    for doc in json_docs(text):
        if isinstance(doc, dict) and key(doc, "resourceSpans") is not None:
            out += otlp_json_spans(doc)
        elif isinstance(doc, list) and doc and all(isinstance(d, dict) and key(d, "resourceSpans") is not None
                                                  for d in doc):
            for d in doc:
                out += otlp_json_spans(d)
        elif (isinstance(doc, list) and doc and "traceId" in doc[0]) or (isinstance(doc, dict) and "traceId" in doc):
            out += zipkin_spans(doc)
        else:
            out += jaeger_spans(doc)
    return out


def unzstd(data):
    return subprocess.run(["zstd", "-dcq"], input=data, stdout=subprocess.PIPE, check=True).stdout


def file_spans(path):
    data = open(path, "rb").read()
    if data[:4] == b"\x28\xb5\x2f\xfd":
        data = unzstd(data)
    stripped = data.lstrip()
    if stripped[:1] in (b"{", b"["):
        return json_spans(data.decode("utf-8"))
    if data[:1] == b"\x00":  # file exporter records
        out, off = [], 0
        while off < len(data):
            n = struct.unpack_from(">I", data, off)[0]
            rec = data[off + 4:off + 4 + n]
            off += 4 + n
            if rec[:4] == b"\x28\xb5\x2f\xfd":
                rec = unzstd(rec)
            out += json_spans(rec.decode("utf-8")) if rec.lstrip()[:1] == b"{" else proto_spans(rec)
        return out
    return proto_spans(data)


def expected(spans):
    kept, seen, dup = [], set(), 0
    for s in spans:
        s.setdefault("shared", False)
        if not s["trace"] or not s["span"]:
            continue
        k = (s["trace"], s["span"], s["shared"])
        if k in seen:
            dup += 1
            continue
        seen.add(k)
        kept.append(s)
    lines, orphans = [], 0
    for s in kept:
        t = s["trace"]
        if s["shared"] and (t, s["span"], False) in seen:
            parent = s["span"]
        elif not s["parent"]:
            parent = "-"
        elif (t, s["parent"], True) in seen or (t, s["parent"], False) in seen:
            parent = s["parent"]
        else:
            parent, orphans = "orphan", orphans + 1
        paired = s["shared"] and (t, s["span"], False) in seen  # server half of a client/server pair
        lines.append((t, s["span"], int(paired), parent, s["start"], s["end"] - s["start"]))
    lines.sort()
    head = ["traces %d" % len({s["trace"] for s in kept}), "spans %d" % len(kept),
            "duplicates %d" % dup, "orphans %d" % orphans]
    return head + ["span %s %s %d %s %d %d" % l for l in lines]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "corpus")
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "tests", "data", "traces-expected")
    os.makedirs(out_dir, exist_ok=True)
    for sub in ("otlp-traces", "otlp-traces/derived", "jaeger", "zipkin"):
        d = os.path.join(corpus, sub)
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            if not os.path.isfile(path):
                continue
            body = expected(file_spans(path))
            with open(os.path.join(out_dir, name + ".txt"), "w") as f:
                f.write("# expected spans of corpus/%s/%s, written by scripts/make-trace-expected.py\n" % (sub, name))
                f.write("\n".join(body) + "\n")
            print("%-60s %s" % (sub + "/" + name, " ".join(body[:4])))


if __name__ == "__main__":
    main()
