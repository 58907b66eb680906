// Wire walk of binary OTLP profiles: layout sniffing and decoding into
// OtlpProfilesRequest (profilesproto.h).

#include "importers/otlp/profilesproto.h"

#include "importers/common/wirereader.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace spanfire {

const char *otlpProfilesLayoutName(OtlpProfilesLayout layout) {
    switch (layout) {
    case OtlpProfilesLayout::Unknown:
        return "v1.10+ (assumed)";
    case OtlpProfilesLayout::V1_8:
        return "v1.8/v1.9";
    case OtlpProfilesLayout::V1_10:
        return "v1.10+";
    case OtlpProfilesLayout::Older:
        return "v1.3-v1.7";
    case OtlpProfilesLayout::Ambiguous:
        return "ambiguous";
    }
    return "?";
}

namespace {

WireReader readerOf(const char *base, std::string_view msg) {
    return WireReader(base, msg.data(), msg.data() + msg.size());
}

// Calls f(field, type, reader) for each field of a message; the callback must
// consume the value (read or skip).
template <class F> bool forFields(WireReader &r, F &&f) {
    uint32_t field;
    WireType type;
    while (r.next(field, type)) {
        if (!f(field, type, r))
            return false;
    }
    return r.ok();
}

struct Sniffer {
    const char *base = nullptr;
    int v18 = 0, v110 = 0, older = 0;
    std::string why18, why110, whyOlder;
    uint64_t off18 = 0, off110 = 0, offOlder = 0;
    uint64_t maxField2 = 0, maxField2Offset = 0;

    void vote(int &counter, std::string &why, uint64_t &off, const char *text, uint64_t at) {
        if (counter++ == 0) {
            why = text;
            off = at;
        }
    }
    void sample(WireReader r) {
        forFields(r, [&](uint32_t f, WireType t, WireReader &in) {
            const uint64_t at = in.fieldOffset();
            if (f == 2 && (t == WireType::Len || t == WireType::Varint)) {
                // v1.10 attribute indices or v1.8 values: remember the largest.
                if (maxField2Offset == 0)
                    maxField2Offset = at;
                readRepeatedVarint(in, t, [&](uint64_t v) { maxField2 = std::max(maxField2, v); });
                return true;
            }
            if (f == 3 && t == WireType::Len)
                vote(v18, why18, off18, "Sample field 3 is packed (attribute_indices of v1.8/v1.9)", at);
            else if (f == 3 && t == WireType::Varint)
                vote(v110, why110, off110, "Sample field 3 is a varint (link_index of v1.10+)", at);
            else if (f == 4 && t == WireType::Len)
                vote(v110, why110, off110, "Sample field 4 is packed (values of v1.10+)", at);
            else if (f == 4 && t == WireType::Varint)
                vote(v18, why18, off18, "Sample field 4 is a varint (link_index of v1.8/v1.9)", at);
            else if (f == 5 && t == WireType::Varint)
                vote(older, whyOlder, offOlder, "Sample field 5 is a varint (pre-v1.8 link_index)", at);
            else if (f >= 6)
                vote(older, whyOlder, offOlder, "Sample has field 6 or above (pre-v1.8 layout)", at);
            in.skip(t);
            return true;
        });
    }
    void profile(WireReader r) {
        forFields(r, [&](uint32_t f, WireType t, WireReader &in) {
            const uint64_t at = in.fieldOffset();
            if (f == 2 && t == WireType::Len)
                sample(in.sub());
            else {
                if (f == 2 && t == WireType::Fixed64)
                    vote(older, whyOlder, offOlder, "profile container with fixed64 field 2 (v1.3 layout)", at);
                else if (f == 3 && t == WireType::Len)
                    vote(older, whyOlder, offOlder, "Profile field 3 is length-delimited (v1.4-v1.7 tables)", at);
                else if (f > 12)
                    vote(older, whyOlder, offOlder, "Profile has fields above 12 (v1.4-v1.7 layout)", at);
                in.skip(t);
            }
            return true;
        });
    }
    void nested(WireReader r, uint32_t want, int depth) {
        forFields(r, [&](uint32_t f, WireType t, WireReader &in) {
            if (f == want && t == WireType::Len) {
                if (depth == 0)
                    profile(in.sub());
                else
                    nested(in.sub(), 2, depth - 1);
            } else {
                in.skip(t);
            }
            return true;
        });
    }
};

OtlpValue readAnyValue(WireReader r) {
    OtlpValue v;
    forFields(r, [&](uint32_t f, WireType t, WireReader &in) {
        if (f == 1 && t == WireType::Len) {
            v.kind = OtlpValue::String;
            v.str = std::string(in.bytesView());
        } else if (f == 2 && t == WireType::Varint) {
            v.kind = OtlpValue::Other;
            v.str = in.varint() ? "true" : "false";
        } else if (f == 3 && t == WireType::Varint) {
            v.kind = OtlpValue::Int;
            v.num = int64_t(in.varint());
        } else if (f == 4 && t == WireType::Fixed64) {
            const uint64_t bits = in.fixed64();
            double d;
            std::memcpy(&d, &bits, 8);
            char buf[40];
            std::snprintf(buf, sizeof buf, "%.17g", d);
            v.kind = OtlpValue::Other;
            v.str = buf;
        } else if (f == 8 && t == WireType::Varint) {
            v.kind = OtlpValue::StringIndex;
            v.num = int64_t(int32_t(in.varint()));
        } else {
            in.skip(t); // arrays, kvlists, bytes: not shown as labels
        }
        return true;
    });
    return v;
}

// KeyValue (resource/scope): 1 key, 2 value, 3 key_strindex.
bool readKeyValue(WireReader r, OtlpAttr &a, WireReader &outer) {
    forFields(r, [&](uint32_t f, WireType t, WireReader &in) {
        if (f == 1 && t == WireType::Len)
            a.key = std::string(in.bytesView());
        else if (f == 2 && t == WireType::Len)
            a.value = readAnyValue(in.sub());
        else if (f == 3 && t == WireType::Varint)
            a.keyIndex = int64_t(int32_t(in.varint()));
        else
            in.skip(t);
        return true;
    });
    outer.adopt(r);
    return outer.ok();
}

int64_t i32(WireReader &in) {
    return int64_t(int32_t(uint32_t(in.varint())));
}

class ProtoDecoder {
public:
    ProtoDecoder(ImportContext &ctx, const char *base, OtlpProfilesLayout layout, OtlpProfilesRequest &out)
        : m_ctx(ctx), m_base(base), m_v18(layout == OtlpProfilesLayout::V1_8), m_out(out) {}

    bool run(std::string_view msg) {
        WireReader r = readerOf(m_base, msg);
        forFields(r, [&](uint32_t f, WireType t, WireReader &in) {
            if (f == 1 && t == WireType::Len)
                resourceProfiles(in.sub(), in);
            else if (f == 2 && t == WireType::Len) {
                m_out.hasDictionary = true;
                dictionary(in.sub(), in);
            } else
                in.skip(t);
            return in.ok();
        });
        if (!r.ok())
            return m_ctx.failAt(std::string("OTLP profiles protobuf: ") + r.error(), r.errorOffset());
        return true;
    }

private:
    void ints(WireReader &in, WireType t, std::vector<int64_t> &tmp) {
        readRepeatedVarint(in, t, [&](uint64_t v) { tmp.push_back(int64_t(int32_t(uint32_t(v)))); });
    }
    OtlpRange intRange(WireReader &in, WireType t) {
        OtlpRange r{uint32_t(m_out.ints.size()), 0};
        readRepeatedVarint(in, t, [&](uint64_t v) { m_out.ints.push_back(int64_t(int32_t(uint32_t(v)))); });
        r.end = uint32_t(m_out.ints.size());
        return r;
    }
    // Repeated int fields may arrive in several chunks: keep one range by
    // re-appending when a second chunk comes after other data.
    void extend(OtlpRange &range, WireReader &in, WireType t) {
        if (range.size() == 0 || range.end == m_out.ints.size()) {
            const OtlpRange add = intRange(in, t);
            if (range.size() == 0)
                range = add;
            else
                range.end = add.end;
            return;
        }
        std::vector<int64_t> merged(m_out.ints.begin() + range.begin, m_out.ints.begin() + range.end);
        ints(in, t, merged);
        range = m_out.pushInts(merged);
    }

    void dictionary(WireReader r, WireReader &outer) {
        forFields(r, [&](uint32_t f, WireType t, WireReader &in) {
            if (t != WireType::Len) {
                in.skip(t);
                return true;
            }
            if (f == 5) {
                m_out.strings.emplace_back(in.bytesView());
                return in.ok();
            }
            WireReader m = in.sub();
            switch (f) {
            case 1: {
                OtlpMappingRec rec;
                forFields(m, [&](uint32_t g, WireType u, WireReader &x) {
                    if (g == 1 && u == WireType::Varint)
                        rec.start = x.varint();
                    else if (g == 2 && u == WireType::Varint)
                        rec.limit = x.varint();
                    else if (g == 3 && u == WireType::Varint)
                        rec.offset = x.varint();
                    else if (g == 4 && u == WireType::Varint)
                        rec.filename = i32(x);
                    else if (g == 5)
                        extend(rec.attrs, x, u);
                    else
                        x.skip(u);
                    return true;
                });
                m_out.mappings.push_back(rec);
                break;
            }
            case 2: {
                OtlpLocationRec rec;
                rec.lines.begin = rec.lines.end = uint32_t(m_out.lines.size());
                forFields(m, [&](uint32_t g, WireType u, WireReader &x) {
                    if (g == 1 && u == WireType::Varint)
                        rec.mapping = i32(x);
                    else if (g == 2 && u == WireType::Varint)
                        rec.address = x.varint();
                    else if (g == 3 && u == WireType::Len) {
                        OtlpLineRec line;
                        WireReader lr = x.sub();
                        forFields(lr, [&](uint32_t h, WireType v, WireReader &y) {
                            if (h == 1 && v == WireType::Varint)
                                line.function = i32(y);
                            else if (h == 2 && v == WireType::Varint)
                                line.line = int64_t(y.varint());
                            else
                                y.skip(v);
                            return true;
                        });
                        x.adopt(lr);
                        m_out.lines.push_back(line);
                    } else if (g == 4)
                        extend(rec.attrs, x, u);
                    else
                        x.skip(u);
                    return true;
                });
                rec.lines.end = uint32_t(m_out.lines.size());
                m_out.locations.push_back(rec);
                break;
            }
            case 3: {
                OtlpFunctionRec rec;
                forFields(m, [&](uint32_t g, WireType u, WireReader &x) {
                    if (u != WireType::Varint)
                        x.skip(u);
                    else if (g == 1)
                        rec.name = i32(x);
                    else if (g == 2)
                        rec.systemName = i32(x);
                    else if (g == 3)
                        rec.filename = i32(x);
                    else if (g == 4)
                        rec.startLine = int64_t(x.varint());
                    else
                        x.skip(u);
                    return true;
                });
                m_out.functions.push_back(rec);
                break;
            }
            case 4: {
                OtlpLinkRec rec;
                forFields(m, [&](uint32_t g, WireType u, WireReader &x) {
                    if (g == 1 && u == WireType::Len) {
                        const std::string_view b = x.bytesView();
                        if (b.size() == 16)
                            std::memcpy(rec.traceId.data(), b.data(), 16);
                        else if (!b.empty())
                            rec.bad = true;
                    } else if (g == 2 && u == WireType::Len) {
                        const std::string_view b = x.bytesView();
                        if (b.size() == 8) {
                            for (char c : b)
                                rec.spanId = (rec.spanId << 8) | uint8_t(c);
                        } else if (!b.empty())
                            rec.bad = true;
                    } else
                        x.skip(u);
                    return true;
                });
                m_out.links.push_back(rec);
                break;
            }
            case 6: {
                OtlpAttr a;
                forFields(m, [&](uint32_t g, WireType u, WireReader &x) {
                    if (g == 1 && u == WireType::Varint)
                        a.keyIndex = i32(x);
                    else if (g == 2 && u == WireType::Len)
                        a.value = readAnyValue(x.sub());
                    else if (g == 3 && u == WireType::Varint)
                        a.unitIndex = i32(x);
                    else
                        x.skip(u);
                    return true;
                });
                m_out.attributes.push_back(std::move(a));
                break;
            }
            case 7: {
                OtlpRange rec;
                forFields(m, [&](uint32_t g, WireType u, WireReader &x) {
                    if (g == 1)
                        extend(rec, x, u);
                    else
                        x.skip(u);
                    return true;
                });
                m_out.stacks.push_back(rec);
                break;
            }
            default:
                break;
            }
            in.adopt(m);
            return in.ok();
        });
        outer.adopt(r);
    }

    void resourceProfiles(WireReader r, WireReader &outer) {
        std::vector<OtlpAttr> resourceAttrs;
        std::vector<std::pair<WireReader, bool>> scopes; // decoded after the resource (field order is free)
        forFields(r, [&](uint32_t f, WireType t, WireReader &in) {
            if (f == 1 && t == WireType::Len) {
                WireReader res = in.sub();
                forFields(res, [&](uint32_t g, WireType u, WireReader &x) {
                    if (g == 1 && u == WireType::Len) {
                        OtlpAttr a;
                        readKeyValue(x.sub(), a, x);
                        resourceAttrs.push_back(std::move(a));
                    } else
                        x.skip(u);
                    return true;
                });
                in.adopt(res);
            } else if (f == 2 && t == WireType::Len) {
                scopes.emplace_back(in.sub(), true);
            } else
                in.skip(t);
            return in.ok();
        });
        for (auto &s : scopes) {
            if (!r.ok())
                break;
            scopeProfiles(s.first, resourceAttrs, r);
        }
        outer.adopt(r);
    }

    void scopeProfiles(WireReader r, const std::vector<OtlpAttr> &resourceAttrs, WireReader &outer) {
        const uint32_t resource = uint32_t(m_out.resources.size());
        m_out.resources.push_back(resourceAttrs);
        forFields(r, [&](uint32_t f, WireType t, WireReader &in) {
            if (f == 2 && t == WireType::Len)
                profile(in.sub(), resource, in);
            else
                in.skip(t);
            return in.ok();
        });
        outer.adopt(r);
    }

    void valueType(WireReader r, int64_t &type, int64_t &unit, WireReader &outer) {
        forFields(r, [&](uint32_t f, WireType t, WireReader &in) {
            if (f == 1 && t == WireType::Varint)
                type = i32(in);
            else if (f == 2 && t == WireType::Varint)
                unit = i32(in);
            else
                in.skip(t);
            return true;
        });
        outer.adopt(r);
    }

    void profile(WireReader r, uint32_t resource, WireReader &outer) {
        OtlpProfileRec p;
        p.resource = resource;
        p.offset = r.offset();
        OtlpRange attrs11, attrs12;
        size_t profileIdLen = 0;
        bool haveProfileId = false;
        forFields(r, [&](uint32_t f, WireType t, WireReader &in) {
            if (f == 1 && t == WireType::Len)
                valueType(in.sub(), p.sampleType, p.sampleUnit, in);
            else if (f == 2 && t == WireType::Len)
                sample(in.sub(), p, in);
            else if (f == 3 && t == WireType::Fixed64)
                p.timeNanos = in.fixed64();
            else if (f == 4 && t == WireType::Varint)
                p.durationNanos = in.varint();
            else if (f == 5 && t == WireType::Len)
                valueType(in.sub(), p.periodType, p.periodUnit, in);
            else if (f == 6 && t == WireType::Varint)
                p.period = int64_t(in.varint());
            else if (f == 7 && t == WireType::Len && m_v18) {
                profileIdLen = in.bytesView().size();
                haveProfileId = true;
            } else if (f == 11 && (t == WireType::Len || t == WireType::Varint)) {
                if (!m_v18)
                    extend(p.attrs, in, t);
                else
                    extend(attrs11, in, t);
            } else if (f == 12 && m_v18 && (t == WireType::Len || t == WireType::Varint))
                extend(attrs12, in, t);
            else
                in.skip(t);
            return in.ok();
        });
        if (m_v18) {
            // v1.8: 12 = attribute_indices (11 = original_payload); v1.9: 11.
            // Field 7 is comment_strindices in v1.8, a 16-byte profile_id in v1.9.
            if (attrs12.size() != 0)
                p.attrs = attrs12;
            else if (attrs11.size() != 0 && (!haveProfileId || profileIdLen == 16))
                p.attrs = attrs11;
        }
        outer.adopt(r);
        m_out.profiles.push_back(std::move(p));
    }

    void sample(WireReader r, OtlpProfileRec &p, WireReader &outer) {
        OtlpSampleRec s;
        s.offset = r.offset();
        s.values.begin = s.values.end = uint32_t(m_out.values.size());
        s.timestamps.begin = s.timestamps.end = uint32_t(m_out.timestamps.size());
        const uint32_t valuesField = m_v18 ? 2 : 4, attrsField = m_v18 ? 3 : 2, linkField = m_v18 ? 4 : 3;
        bool valuesSplit = false, timesSplit = false;
        forFields(r, [&](uint32_t f, WireType t, WireReader &in) {
            if (f == 1 && t == WireType::Varint)
                s.stack = i32(in);
            else if (f == attrsField && (t == WireType::Len || t == WireType::Varint))
                extend(s.attrs, in, t);
            else if (f == linkField && t == WireType::Varint)
                s.link = i32(in);
            else if (f == valuesField && (t == WireType::Len || t == WireType::Varint)) {
                valuesSplit |= s.values.end != m_out.values.size();
                readRepeatedVarint(in, t, [&](uint64_t v) { m_out.values.push_back(int64_t(v)); });
                s.values.end = uint32_t(m_out.values.size());
            } else if (f == 5 && t == WireType::Len) {
                timesSplit |= s.timestamps.end != m_out.timestamps.size();
                WireReader x = in.sub();
                while (x.ok() && !x.atEnd())
                    m_out.timestamps.push_back(int64_t(x.fixed64()));
                in.adopt(x);
                s.timestamps.end = uint32_t(m_out.timestamps.size());
            } else if (f == 5 && t == WireType::Fixed64) {
                timesSplit |= s.timestamps.end != m_out.timestamps.size();
                m_out.timestamps.push_back(int64_t(in.fixed64()));
                s.timestamps.end = uint32_t(m_out.timestamps.size());
            } else
                in.skip(t);
            return in.ok();
        });
        if (valuesSplit || timesSplit)
            r.fail("OTLP profiles: a sample's values or timestamps are split around another sample");
        outer.adopt(r);
        p.samples.push_back(s);
    }

    ImportContext &m_ctx;
    const char *m_base;
    bool m_v18;
    OtlpProfilesRequest &m_out;
};

} // namespace

OtlpLayoutSniff sniffOtlpProfilesLayout(const char *base, std::string_view msg) {
    Sniffer s;
    s.base = base;
    bool dictionary = false, profiles = false;
    uint64_t attributes = 0;
    WireReader r = readerOf(base, msg);
    forFields(r, [&](uint32_t f, WireType t, WireReader &in) {
        dictionary |= f == 2 && t == WireType::Len;
        if (f == 2 && t == WireType::Len) {
            WireReader d = in.sub();
            forFields(d, [&](uint32_t g, WireType u, WireReader &x) {
                attributes += g == 6;
                x.skip(u);
                return true;
            });
        } else if (f == 1 && t == WireType::Len) {
            profiles = true;
            s.nested(in.sub(), 2, 1);
        } else
            in.skip(t);
        return true;
    });
    OtlpLayoutSniff out;
    if (s.older) {
        out.layout = OtlpProfilesLayout::Older;
        out.why = s.whyOlder;
        out.offset = s.offOlder;
    } else if (s.v18 && s.v110) {
        out.layout = OtlpProfilesLayout::Ambiguous;
        out.why = s.why18 + ", but " + s.why110;
        out.offset = std::max(s.off18, s.off110);
    } else if (s.v18) {
        out.layout = OtlpProfilesLayout::V1_8;
        out.why = s.why18;
        out.offset = s.off18;
    } else if (s.v110) {
        out.layout = OtlpProfilesLayout::V1_10;
        out.why = s.why110;
        out.offset = s.off110;
    } else if (profiles && !dictionary) {
        out.layout = OtlpProfilesLayout::Older;
        out.why = "no dictionary (field 2) in the request (pre-v1.7 layout)";
    } else if (s.maxField2Offset != 0 && s.maxField2 >= attributes) {
        // Samples carry only field 2: indices past the attribute table can
        // only be v1.8/v1.9 values.
        out.layout = OtlpProfilesLayout::V1_8;
        out.why = "Sample field 2 holds numbers past the attribute table (values of v1.8/v1.9)";
        out.offset = s.maxField2Offset;
    }
    return out;
}

bool readOtlpProfilesProto(ImportContext &ctx, const char *base, std::string_view msg, OtlpProfilesLayout layout,
                           OtlpProfilesRequest &out) {
    ProtoDecoder d(ctx, base, layout, out);
    return d.run(msg);
}

} // namespace spanfire
