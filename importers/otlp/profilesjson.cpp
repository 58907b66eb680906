// OTLP/JSON profiles reader (profilesjson.h).

#include "importers/otlp/profilesjson.h"

#include "importers/otlp/tracejson.h" // NormKey (read-only reuse)
#include "model/spantable.h"          // parseTraceIdHex / parseSpanIdHex

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace spanfire {

using simdjson::dom::element;

namespace {

struct JsonBad : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Reader {
public:
    explicit Reader(OtlpProfilesRequest &out) : m_out(out) {}

    void run(element root) {
        Scope s(*this, "");
        bool older = false;
        for (auto f : obj(root)) {
            NormKey k(f.key);
            if (f.value.is_null())
                continue;
            if (k == "resourceprofiles") {
                Scope s2(*this, "resourceProfiles");
                int64_t i = 0;
                for (element rp : arr(f.value)) {
                    Scope s3(*this, "", i++);
                    resourceProfiles(rp);
                }
            } else if (k == "dictionary") {
                Scope s2(*this, "dictionary");
                m_out.hasDictionary = true;
                dictionary(f.value);
            } else if (k == "stringtable" || k == "locationtable" || k == "mappingtable") {
                older = true; // v1.6: tables directly on ProfilesData
            }
        }
        if (older || (!m_out.hasDictionary && !m_out.profiles.empty()))
            bad("unsupported OTLP profiles version: no `dictionary` (layout of v1.6 or older; v1.8+ is "
                "supported)");
    }

    [[noreturn]] void bad(const std::string &message) const {
        throw JsonBad((m_path.empty() ? std::string() : "at " + m_path.substr(1) + ": ") + message);
    }

private:
    struct Scope {
        Reader &r;
        size_t len;
        Scope(Reader &reader, const char *key, int64_t index = -1) : r(reader), len(reader.m_path.size()) {
            if (*key) {
                r.m_path += '.';
                r.m_path += key;
            }
            if (index >= 0)
                r.m_path += "[" + std::to_string(index) + "]";
        }
        ~Scope() { r.m_path.resize(len); }
    };

    simdjson::dom::object obj(element e) {
        simdjson::dom::object o;
        if (e.get(o))
            bad("expected an object");
        return o;
    }
    simdjson::dom::array arr(element e) {
        simdjson::dom::array a;
        if (e.get(a))
            bad("expected an array");
        return a;
    }
    int64_t i64(element e) {
        int64_t v;
        uint64_t u;
        std::string_view s;
        if (!e.get(v))
            return v;
        if (!e.get(u))
            return int64_t(u);
        if (!e.get(s)) {
            if (s.empty())
                return 0;
            errno = 0;
            char *end = nullptr;
            const std::string tmp(s);
            if (tmp[0] == '-') {
                const long long x = std::strtoll(tmp.c_str(), &end, 10);
                if (errno == 0 && end && *end == 0)
                    return x;
            } else {
                const unsigned long long x = std::strtoull(tmp.c_str(), &end, 10);
                if (errno == 0 && end && *end == 0)
                    return int64_t(x);
            }
        }
        bad("expected an integer (number or decimal string)");
    }
    std::string_view str(element e) {
        std::string_view s;
        if (e.get(s))
            bad("expected a string");
        return s;
    }
    OtlpRange intList(element e) {
        OtlpRange r{uint32_t(m_out.ints.size()), 0};
        for (element x : arr(e))
            m_out.ints.push_back(i64(x));
        r.end = uint32_t(m_out.ints.size());
        return r;
    }
    void valueType(element e, int64_t &type, int64_t &unit) {
        if (e.is_array())
            bad("unsupported OTLP profiles version: repeated sampleType (layout of v1.7 or older)");
        for (auto f : obj(e)) {
            NormKey k(f.key);
            if (k == "typestrindex")
                type = i64(f.value);
            else if (k == "unitstrindex")
                unit = i64(f.value);
        }
    }

    OtlpValue anyValue(element e) {
        OtlpValue v;
        for (auto f : obj(e)) {
            NormKey k(f.key);
            if (f.value.is_null())
                continue;
            if (k == "stringvalue") {
                v.kind = OtlpValue::String;
                v.str = std::string(str(f.value));
            } else if (k == "intvalue") {
                v.kind = OtlpValue::Int;
                v.num = i64(f.value);
            } else if (k == "boolvalue") {
                bool b = false;
                if (f.value.get(b))
                    bad("expected a boolean");
                v.kind = OtlpValue::Other;
                v.str = b ? "true" : "false";
            } else if (k == "doublevalue") {
                double d = 0;
                if (f.value.get(d))
                    d = double(i64(f.value));
                char buf[40];
                std::snprintf(buf, sizeof buf, "%.17g", d);
                v.kind = OtlpValue::Other;
                v.str = buf;
            } else if (k == "stringvaluestrindex") {
                v.kind = OtlpValue::StringIndex;
                v.num = i64(f.value);
            }
        }
        return v;
    }
    OtlpAttr attr(element e) {
        OtlpAttr a;
        for (auto f : obj(e)) {
            NormKey k(f.key);
            if (f.value.is_null())
                continue;
            if (k == "key")
                a.key = std::string(str(f.value));
            else if (k == "keystrindex")
                a.keyIndex = i64(f.value);
            else if (k == "value")
                a.value = anyValue(f.value);
            else if (k == "unitstrindex")
                a.unitIndex = i64(f.value);
        }
        return a;
    }

    template <class F> void table(element list, const char *name, F &&f) {
        Scope s(*this, name);
        int64_t i = 0;
        for (element x : arr(list)) {
            Scope s2(*this, "", i++);
            f(x);
        }
    }

    void dictionary(element e) {
        for (auto f : obj(e)) {
            NormKey k(f.key);
            if (f.value.is_null())
                continue;
            if (k == "stringtable") {
                table(f.value, "stringTable", [&](element x) { m_out.strings.emplace_back(str(x)); });
            } else if (k == "mappingtable") {
                table(f.value, "mappingTable", [&](element x) {
                    OtlpMappingRec m;
                    for (auto g : obj(x)) {
                        NormKey h(g.key);
                        if (h == "memorystart")
                            m.start = uint64_t(i64(g.value));
                        else if (h == "memorylimit")
                            m.limit = uint64_t(i64(g.value));
                        else if (h == "fileoffset")
                            m.offset = uint64_t(i64(g.value));
                        else if (h == "filenamestrindex")
                            m.filename = i64(g.value);
                        else if (h == "attributeindices")
                            m.attrs = intList(g.value);
                    }
                    m_out.mappings.push_back(m);
                });
            } else if (k == "locationtable") {
                table(f.value, "locationTable", [&](element x) {
                    OtlpLocationRec l;
                    l.lines.begin = l.lines.end = uint32_t(m_out.lines.size());
                    for (auto g : obj(x)) {
                        NormKey h(g.key);
                        if (h == "mappingindex")
                            l.mapping = i64(g.value);
                        else if (h == "address")
                            l.address = uint64_t(i64(g.value));
                        else if (h == "attributeindices")
                            l.attrs = intList(g.value);
                        else if (h == "lines" || h == "line") {
                            l.lines.begin = uint32_t(m_out.lines.size());
                            for (element ln : arr(g.value)) {
                                OtlpLineRec rec;
                                for (auto q : obj(ln)) {
                                    NormKey qk(q.key);
                                    if (qk == "functionindex")
                                        rec.function = i64(q.value);
                                    else if (qk == "line")
                                        rec.line = i64(q.value);
                                }
                                m_out.lines.push_back(rec);
                            }
                            l.lines.end = uint32_t(m_out.lines.size());
                        }
                    }
                    m_out.locations.push_back(l);
                });
            } else if (k == "functiontable") {
                table(f.value, "functionTable", [&](element x) {
                    OtlpFunctionRec fn;
                    for (auto g : obj(x)) {
                        NormKey h(g.key);
                        if (h == "namestrindex")
                            fn.name = i64(g.value);
                        else if (h == "systemnamestrindex")
                            fn.systemName = i64(g.value);
                        else if (h == "filenamestrindex")
                            fn.filename = i64(g.value);
                        else if (h == "startline")
                            fn.startLine = i64(g.value);
                    }
                    m_out.functions.push_back(fn);
                });
            } else if (k == "linktable") {
                table(f.value, "linkTable", [&](element x) {
                    OtlpLinkRec l;
                    for (auto g : obj(x)) {
                        NormKey h(g.key);
                        if (h == "traceid") {
                            const std::string_view s = str(g.value);
                            TraceId id;
                            if (s.size() == 32 && parseTraceIdHex(s, &id))
                                l.traceId = id.bytes;
                            else if (!s.empty())
                                l.bad = true;
                        } else if (h == "spanid") {
                            const std::string_view s = str(g.value);
                            if (!s.empty() && !(s.size() == 16 && parseSpanIdHex(s, &l.spanId)))
                                l.bad = true;
                        }
                    }
                    m_out.links.push_back(l);
                });
            } else if (k == "attributetable") {
                table(f.value, "attributeTable", [&](element x) { m_out.attributes.push_back(attr(x)); });
            } else if (k == "stacktable") {
                table(f.value, "stackTable", [&](element x) {
                    OtlpRange r;
                    for (auto g : obj(x))
                        if (NormKey(g.key) == "locationindices")
                            r = intList(g.value);
                    m_out.stacks.push_back(r);
                });
            } else if (k == "attributeunits") {
                bad("unsupported OTLP profiles version: dictionary.attributeUnits (layout of v1.7 or older)");
            }
        }
    }

    void resourceProfiles(element e) {
        std::vector<OtlpAttr> attrs;
        element scopes;
        bool haveScopes = false;
        for (auto f : obj(e)) {
            NormKey k(f.key);
            if (f.value.is_null())
                continue;
            if (k == "resource") {
                Scope s(*this, "resource");
                for (auto g : obj(f.value))
                    if (NormKey(g.key) == "attributes" && !g.value.is_null())
                        for (element a : arr(g.value))
                            attrs.push_back(attr(a));
            } else if (k == "scopeprofiles") {
                scopes = f.value;
                haveScopes = true;
            }
        }
        if (!haveScopes)
            return;
        Scope s(*this, "scopeProfiles");
        int64_t i = 0;
        for (element sp : arr(scopes)) {
            Scope s2(*this, "", i++);
            const uint32_t resource = uint32_t(m_out.resources.size());
            m_out.resources.push_back(attrs);
            for (auto f : obj(sp)) {
                if (NormKey(f.key) == "profiles" && !f.value.is_null())
                    table(f.value, "profiles", [&](element p) { profile(p, resource); });
            }
        }
    }

    void profile(element e, uint32_t resource) {
        OtlpProfileRec p;
        p.resource = resource;
        for (auto f : obj(e)) {
            NormKey k(f.key);
            if (f.value.is_null())
                continue;
            if (k == "sampletype")
                valueType(f.value, p.sampleType, p.sampleUnit);
            else if (k == "periodtype")
                valueType(f.value, p.periodType, p.periodUnit);
            else if (k == "period")
                p.period = i64(f.value);
            else if (k == "timeunixnano")
                p.timeNanos = uint64_t(i64(f.value));
            else if (k == "durationnano")
                p.durationNanos = uint64_t(i64(f.value));
            else if (k == "attributeindices")
                p.attrs = intList(f.value);
            else if (k == "locationindices" || k == "timenanos" || k == "locationtable")
                bad("unsupported OTLP profiles version: Profile." + std::string(f.key) +
                    " (layout of v1.7 or older; v1.8+ is supported)");
            else if (k == "samples" || k == "sample")
                table(f.value, "samples", [&](element s) { p.samples.push_back(sample(s)); });
        }
        m_out.profiles.push_back(std::move(p));
    }

    OtlpSampleRec sample(element e) {
        OtlpSampleRec s;
        s.values.begin = s.values.end = uint32_t(m_out.values.size());
        s.timestamps.begin = s.timestamps.end = uint32_t(m_out.timestamps.size());
        for (auto f : obj(e)) {
            NormKey k(f.key);
            if (f.value.is_null())
                continue;
            if (k == "stackindex")
                s.stack = i64(f.value);
            else if (k == "linkindex")
                s.link = i64(f.value);
            else if (k == "attributeindices")
                s.attrs = intList(f.value);
            else if (k == "values") {
                s.values.begin = uint32_t(m_out.values.size());
                for (element x : arr(f.value))
                    m_out.values.push_back(i64(x));
                s.values.end = uint32_t(m_out.values.size());
            } else if (k == "timestampsunixnano") {
                s.timestamps.begin = uint32_t(m_out.timestamps.size());
                for (element x : arr(f.value))
                    m_out.timestamps.push_back(i64(x));
                s.timestamps.end = uint32_t(m_out.timestamps.size());
            } else if (k == "locationsstartindex" || k == "locationslength" || k == "value")
                bad("unsupported OTLP profiles version: Sample." + std::string(f.key) +
                    " (layout of v1.7 or older; v1.8+ is supported)");
        }
        return s;
    }

    OtlpProfilesRequest &m_out;
    std::string m_path;
};

} // namespace

bool isOtlpProfilesJson(element root) {
    simdjson::dom::object o;
    if (root.get(o))
        return false;
    for (auto f : o) {
        NormKey k(f.key);
        if (k == "resourceprofiles")
            return true;
    }
    return false;
}

bool readOtlpProfilesJson(ImportContext &ctx, element root, OtlpProfilesRequest &out) {
    Reader r(out);
    try {
        r.run(root);
    } catch (const JsonBad &e) {
        return ctx.fail(std::string("OTLP profiles JSON: ") + e.what());
    }
    return true;
}

} // namespace spanfire
