#include "importers/otlp/otlpproto.h"

#include "importers/common/wirereader.h"
#include "importers/otlp/attrtext.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace spanfire {

namespace {

// Decoder state for one message; on a wire error the reader latches it and
// every decoder returns early.
class ProtoTraceReader {
public:
    ProtoTraceReader(TraceSetBuilder &b, std::string_view whole) : m_b(b), m_base(whole.data()) {}

    bool typeIs(WireReader &r, WireType got, WireType want) {
        if (got == want)
            return true;
        r.fail("OTLP field has an unexpected protobuf wire type");
        return false;
    }

    std::string_view str(WireReader &r, WireType t) { return typeIs(r, t, WireType::Len) ? r.bytesView() : ""; }

    // AnyValue -> attribute payload.
    Attribute anyValue(StringId key, WireReader r) {
        Attribute a;
        a.key = key;
        uint32_t f;
        WireType t;
        while (r.next(f, t)) {
            switch (f) {
            case 1:
                a.type = AttrType::String;
                a.bits = m_b.intern(str(r, t)).v;
                break;
            case 2:
                if (!typeIs(r, t, WireType::Varint)) {
                    m_outer->adopt(r);
                    return a;
                }
                a.type = AttrType::Bool;
                a.bits = r.varint() != 0;
                break;
            case 3:
                if (!typeIs(r, t, WireType::Varint)) {
                    m_outer->adopt(r);
                    return a;
                }
                a.type = AttrType::Int;
                a.bits = r.varint();
                break;
            case 4:
                if (!typeIs(r, t, WireType::Fixed64)) {
                    m_outer->adopt(r);
                    return a;
                }
                a.type = AttrType::Double;
                a.bits = r.fixed64();
                break;
            case 5:
            case 6: {
                if (!typeIs(r, t, WireType::Len)) {
                    m_outer->adopt(r);
                    return a;
                }
                WireReader sub = r.sub();
                m_text.clear();
                appendCompositeJson(m_text, sub, f == 5);
                r.adopt(sub);
                a.type = f == 5 ? AttrType::Array : AttrType::KvList;
                a.bits = m_b.intern(m_text).v;
                break;
            }
            case 7:
                a.type = AttrType::Bytes;
                a.bits = m_b.intern(base64Encode(str(r, t))).v;
                break;
            default:
                r.skip(t);
            }
        }
        m_outer->adopt(r);
        return a;
    }

    // ArrayValue {1: AnyValue*} or KeyValueList {1: KeyValue*} as JSON text.
    void appendCompositeJson(std::string &out, WireReader &r, bool isArray) {
        // Nesting costs two bytes per level on the wire: bound the recursion.
        if (m_depth >= kMaxNesting) {
            r.fail("attribute values nested too deeply");
            return;
        }
        struct DepthGuard {
            int &d;
            explicit DepthGuard(int &x) : d(x) { ++d; }
            ~DepthGuard() { --d; }
        } guard(m_depth);
        out.push_back(isArray ? '[' : '{');
        bool first = true;
        uint32_t f;
        WireType t;
        while (r.next(f, t)) {
            if (f != 1) {
                r.skip(t);
                continue;
            }
            if (!typeIs(r, t, WireType::Len))
                return;
            WireReader item = r.sub();
            if (!first)
                out.push_back(',');
            first = false;
            if (isArray) {
                appendAnyValueJson(out, item);
            } else {
                std::string_view key;
                WireReader value(item.base(), item.position(), item.position());
                bool hasValue = false;
                uint32_t kf;
                WireType kt;
                while (item.next(kf, kt)) {
                    if (kf == 1)
                        key = str(item, kt);
                    else if (kf == 2 && typeIs(item, kt, WireType::Len)) {
                        value = item.sub();
                        hasValue = true;
                    } else
                        item.skip(kt);
                }
                appendJsonString(out, key);
                out.push_back(':');
                if (hasValue)
                    appendAnyValueJson(out, value);
                else
                    out += "null";
                item.adopt(value);
            }
            r.adopt(item);
        }
        out.push_back(isArray ? ']' : '}');
    }

    void appendAnyValueJson(std::string &out, WireReader &r) {
        uint32_t f;
        WireType t;
        const size_t mark = out.size();
        bool any = false;
        while (r.next(f, t)) {
            // proto3 oneof: the last member on the wire wins.
            switch (f) {
            case 1:
                out.resize(mark);
                appendJsonString(out, str(r, t));
                any = true;
                break;
            case 2:
                out.resize(mark);
                out += r.varint() ? "true" : "false";
                any = true;
                break;
            case 3:
                out.resize(mark);
                out += std::to_string(int64_t(r.varint()));
                any = true;
                break;
            case 4: {
                out.resize(mark);
                const uint64_t bits = r.fixed64();
                double d;
                std::memcpy(&d, &bits, sizeof d);
                appendJsonDouble(out, d);
                any = true;
                break;
            }
            case 5:
            case 6: {
                if (!typeIs(r, t, WireType::Len))
                    return;
                out.resize(mark);
                WireReader sub = r.sub();
                appendCompositeJson(out, sub, f == 5);
                r.adopt(sub);
                any = true;
                break;
            }
            case 7:
                out.resize(mark);
                appendJsonString(out, base64Encode(str(r, t)));
                any = true;
                break;
            default:
                r.skip(t);
            }
        }
        if (!any)
            out += "null";
    }

    // KeyValue {1: key, 2: AnyValue}.
    Attribute keyValue(WireReader r) {
        StringId key{0};
        Attribute a;
        bool hasValue = false;
        const char *vb = nullptr, *ve = nullptr;
        uint32_t f;
        WireType t;
        while (r.next(f, t)) {
            if (f == 1) {
                key = m_b.intern(str(r, t));
            } else if (f == 2 && typeIs(r, t, WireType::Len)) {
                r.bytes(vb, ve);
                hasValue = true;
            } else {
                r.skip(t);
            }
        }
        m_outer->adopt(r);
        a.key = key;
        if (hasValue)
            a = anyValue(key, WireReader(m_base, vb, ve));
        return a;
    }

    // KeyValue in its usual encoding - key, then an AnyValue holding one
    // string, bool, int or double, every length and the key one byte - decoded
    // without sub-readers. Anything else (or malformed) returns false with
    // nothing interned, and keyValue() reads it. Same result, same interning
    // order (key first).
    bool plainKeyValue(const char *begin, const char *end, Attribute *out) {
        const auto *p = reinterpret_cast<const uint8_t *>(begin);
        const auto *e = reinterpret_cast<const uint8_t *>(end);
        if (e - p < 6 || p[0] != 0x0A || p[1] >= 0x80)
            return false;
        const size_t keyLen = p[1];
        const uint8_t *q = p + 2 + keyLen;
        if (e - q < 4 || q[0] != 0x12 || q[1] >= 0x80 || q + 2 + q[1] != e)
            return false;
        const uint8_t *v = q + 2;
        const size_t valueLen = q[1];
        Attribute a;
        switch (v[0]) {
        case 0x0A: // string_value
            if (v[1] >= 0x80 || size_t(v[1]) + 2 != valueLen)
                return false;
            a.key = m_b.intern(std::string_view(begin + 2, keyLen));
            a.type = AttrType::String;
            a.bits = m_b.intern(std::string_view(reinterpret_cast<const char *>(v + 2), v[1])).v;
            break;
        case 0x10: // bool_value
            if (valueLen != 2 || v[1] >= 0x80)
                return false;
            a.key = m_b.intern(std::string_view(begin + 2, keyLen));
            a.type = AttrType::Bool;
            a.bits = v[1] != 0;
            break;
        case 0x18: { // int_value: a varint of at most 9 bytes ending the message
            if (valueLen < 2 || valueLen > 10 || v[valueLen - 1] >= 0x80)
                return false;
            uint64_t x = 0;
            for (size_t i = 1; i < valueLen; ++i) {
                if (i + 1 < valueLen && v[i] < 0x80)
                    return false;
                x |= uint64_t(v[i] & 0x7F) << (7 * (i - 1));
            }
            a.key = m_b.intern(std::string_view(begin + 2, keyLen));
            a.type = AttrType::Int;
            a.bits = x;
            break;
        }
        case 0x21: // double_value
            if (valueLen != 9)
                return false;
            a.key = m_b.intern(std::string_view(begin + 2, keyLen));
            a.type = AttrType::Double;
            std::memcpy(&a.bits, v + 1, 8);
            break;
        default:
            return false;
        }
        *out = a;
        return true;
    }

    // Repeated KeyValue field `field` of the message in r -> m_attrs.
    const std::vector<Attribute> &attributes(WireReader r, uint32_t field) {
        m_attrs.clear();
        uint32_t f;
        WireType t;
        while (r.next(f, t)) {
            if (f == field && typeIs(r, t, WireType::Len))
                m_attrs.push_back(keyValue(r.sub()));
            else
                r.skip(t);
        }
        m_outer->adopt(r);
        return m_attrs;
    }

    uint32_t resource(WireReader r) {
        const std::vector<Attribute> &attrs = attributes(r, 1);
        const StringId key = m_b.strings().find("service.name");
        StringId service;
        for (const Attribute &a : attrs)
            if (a.key == key && a.type == AttrType::String)
                service = StringId(uint32_t(a.bits));
        return m_b.addResource(service, attrs.data(), attrs.size());
    }

    uint32_t scope(WireReader r) {
        StringId name{0}, version{0};
        WireReader again = r;
        uint32_t f;
        WireType t;
        while (r.next(f, t)) {
            if (f == 1)
                name = m_b.intern(str(r, t));
            else if (f == 2)
                version = m_b.intern(str(r, t));
            else
                r.skip(t);
        }
        m_outer->adopt(r);
        const std::vector<Attribute> &attrs = attributes(again, 3);
        return m_b.addScope(name, version, attrs.data(), attrs.size());
    }

    void span(WireReader r, uint32_t res, uint32_t scp) {
        SpanData d;
        d.resource = res;
        d.scope = scp;
        bool traceOk = false, spanOk = false, eventsOrLinks = false;
        WireReader second = r;
        uint32_t f;
        WireType t;
        // One pass decodes the fixed fields and the attributes (into a
        // scratch list: the span is begun once its ids are known); a second
        // pass, only when there are any, adds events and links. Errors inside
        // the attributes are held back so that the first error reported stays
        // the one a field-order two-pass reader finds: none when the span's
        // own fields are malformed or the span is dropped; otherwise the
        // second pass decodes the attributes again, in wire order with the
        // events and links (malformed input only).
        WireReader *outer = m_outer;
        WireReader attrError(m_base, m_base, m_base);
        m_outer = &attrError;
        m_spanScratch.clear();
        while (r.next(f, t)) {
            switch (f) {
            case 9:
                if (t == WireType::Len) {
                    const char *kb = nullptr, *ke = nullptr;
                    Attribute a;
                    if (!r.bytes(kb, ke))
                        break; // r holds the error; the span is not added
                    if (!plainKeyValue(kb, ke, &a))
                        a = keyValue(WireReader(m_base, kb, ke));
                    m_spanScratch.push_back(a);
                } else {
                    r.skip(t);
                }
                break;
            case 11:
            case 13:
                eventsOrLinks = eventsOrLinks || t == WireType::Len;
                r.skip(t);
                break;
            case 1:
                traceOk = traceIdFromBytes(str(r, t), &d.traceId);
                break;
            case 2:
                spanOk = spanIdFromBytes(str(r, t), &d.spanId);
                break;
            case 4: {
                const std::string_view p = str(r, t);
                if (!spanIdFromBytes(p, &d.parentSpanId))
                    d.parentSpanId = 0;
                break;
            }
            case 5:
                d.name = m_b.intern(str(r, t));
                break;
            case 6:
                if (typeIs(r, t, WireType::Varint)) {
                    const uint64_t k = r.varint();
                    d.kind = k <= 5 ? SpanKind(k) : SpanKind::Unspecified;
                }
                break;
            case 7:
                if (typeIs(r, t, WireType::Fixed64))
                    d.startNs = int64_t(r.fixed64());
                break;
            case 8:
                if (typeIs(r, t, WireType::Fixed64))
                    d.endNs = int64_t(r.fixed64());
                break;
            case 15: {
                if (!typeIs(r, t, WireType::Len))
                    break;
                WireReader st = r.sub();
                uint32_t sf;
                WireType stt;
                while (st.next(sf, stt)) {
                    if (sf == 2)
                        d.statusMessage = m_b.intern(str(st, stt));
                    else if (sf == 3 && typeIs(st, stt, WireType::Varint)) {
                        const uint64_t c = st.varint();
                        d.status = c <= 2 ? StatusCode(c) : StatusCode::Unset;
                    } else
                        st.skip(stt);
                }
                r.adopt(st);
                break;
            }
            case 16:
                if (typeIs(r, t, WireType::Fixed32) && (r.fixed32() & 0x300) == 0x300)
                    d.flags |= TraceSet::kHasRemoteParent;
                break;
            default:
                r.skip(t);
            }
        }
        m_outer = outer;
        m_outer->adopt(r);
        if (!r.ok())
            return;
        if (!traceOk || !spanOk) {
            m_b.addWarning(!traceOk ? "spans with an invalid trace id dropped"
                                    : "spans with an invalid span id dropped");
            return;
        }
        m_b.beginSpan(d);
        m_b.addAttributes(m_spanScratch.data(), m_spanScratch.size());
        const bool attrsOk = attrError.ok();
        if (!eventsOrLinks && attrsOk)
            return;
        while (second.next(f, t)) {
            if (f == 9 && t == WireType::Len) {
                if (attrsOk)
                    second.skip(t);
                else
                    keyValue(second.sub()); // for its error, in wire order
            } else if (f == 11 && t == WireType::Len) {
                WireReader ev = second.sub();
                WireReader evAttrs = ev;
                int64_t time = 0;
                StringId name{0};
                uint32_t ef;
                WireType et;
                while (ev.next(ef, et)) {
                    if (ef == 1 && typeIs(ev, et, WireType::Fixed64))
                        time = int64_t(ev.fixed64());
                    else if (ef == 2)
                        name = m_b.intern(str(ev, et));
                    else
                        ev.skip(et);
                }
                second.adopt(ev);
                m_b.addEvent(time, name);
                for (const Attribute &a : attributes(evAttrs, 3))
                    m_b.addEventAttribute(a);
            } else if (f == 13 && t == WireType::Len) {
                WireReader ln = second.sub();
                WireReader lnAttrs = ln;
                TraceId trace;
                uint64_t span = 0;
                StringId state{0};
                bool ok = true;
                uint32_t lf;
                WireType lt;
                while (ln.next(lf, lt)) {
                    if (lf == 1)
                        ok = traceIdFromBytes(str(ln, lt), &trace) && ok;
                    else if (lf == 2)
                        ok = spanIdFromBytes(str(ln, lt), &span) && ok;
                    else if (lf == 3)
                        state = m_b.intern(str(ln, lt));
                    else
                        ln.skip(lt);
                }
                second.adopt(ln);
                if (!ok) {
                    m_b.addWarning("links with an invalid id dropped");
                    continue;
                }
                m_b.addLink(trace, span, state);
                for (const Attribute &a : attributes(lnAttrs, 4))
                    m_b.addLinkAttribute(a);
            } else {
                second.skip(t);
            }
        }
        m_outer->adopt(second);
    }

    void scopeSpans(WireReader r, uint32_t res) {
        uint32_t scp = UINT32_MAX;
        WireReader second = r;
        uint32_t f;
        WireType t;
        while (r.next(f, t)) {
            if (f == 1 && typeIs(r, t, WireType::Len)) {
                scp = scope(r.sub());
            } else if (f == 2 && t == WireType::Len) {
                // Skipped here, decoded by the second pass: ask for all of
                // its cache lines now, so that both passes do not wait on
                // one line at a time.
                const char *b = nullptr, *e = nullptr;
                if (r.bytes(b, e))
                    for (const char *p = b; p < e && p < b + 1024; p += 64)
                        __builtin_prefetch(p);
            } else {
                r.skip(t);
            }
        }
        m_outer->adopt(r);
        if (scp == UINT32_MAX)
            scp = m_b.addScope(StringId(0), StringId(0), nullptr, 0);
        while (m_outer->ok() && second.next(f, t)) {
            if (f == 2 && typeIs(second, t, WireType::Len))
                span(second.sub(), res, scp);
            else
                second.skip(t);
        }
        m_outer->adopt(second);
    }

    void resourceSpans(WireReader r) {
        uint32_t res = UINT32_MAX;
        WireReader second = r;
        uint32_t f;
        WireType t;
        while (r.next(f, t)) {
            if (f == 1 && typeIs(r, t, WireType::Len))
                res = resource(r.sub());
            else
                r.skip(t);
        }
        m_outer->adopt(r);
        if (res == UINT32_MAX)
            res = m_b.addResource(StringId(), nullptr, 0);
        while (m_outer->ok() && second.next(f, t)) {
            if ((f == 2 || f == 1000) && typeIs(second, t, WireType::Len))
                scopeSpans(second.sub(), res);
            else
                second.skip(t);
        }
        m_outer->adopt(second);
    }

    // Decodes `part` (the whole message, or a run of its top-level fields)
    // of the message this reader was made for; offsets stay the message's.
    // `endsAt` (optional) is asked at each top-level field's offset whether
    // the part ends there (the rest being another reader's).
    bool run(std::string_view part, ProtoTraceError *error, const std::function<bool(uint64_t)> &checkpoint,
             const std::function<bool(uint64_t)> &endsAt = {}) {
        const std::string_view whole = part;
        m_top = WireReader(m_base, part.data(), part.data() + part.size());
        WireReader &top = m_top;
        m_outer = &top;
        uint32_t f;
        WireType t;
        size_t resources = 0;
        while (top.ok() && !(endsAt && endsAt(top.offset())) && top.next(f, t)) {
            if (f == 1 && typeIs(top, t, WireType::Len)) {
                resourceSpans(top.sub());
                ++resources;
                if (checkpoint && top.ok() && !checkpoint(top.offset())) {
                    error->message = "import cancelled";
                    error->offset = top.offset();
                    error->cancelled = true;
                    return false;
                }
            } else {
                top.skip(t);
            }
        }
        if (!top.ok()) {
            error->message = std::string("malformed OTLP traces protobuf: ") + top.error();
            error->offset = top.errorOffset();
            return false;
        }
        if (resources == 0 && !whole.empty()) {
            error->message = "not OTLP traces data: no resource_spans (field 1) in the protobuf message";
            error->offset = 0;
            return false;
        }
        return true;
    }

private:
    TraceSetBuilder &m_b;
    const char *m_base;
    WireReader m_top;              // the message's top level
    WireReader *m_outer = nullptr; // collects the first error of any sub-reader
    std::vector<Attribute> m_attrs;
    std::vector<Attribute> m_spanScratch; // a span's attributes, decoded before the span is begun
    std::string m_text;
    static constexpr int kMaxNesting = 128;
    int m_depth = 0;
};

} // namespace

namespace {

// Offset of the first top-level ResourceSpans (field 1) that starts in the
// second half of the message, when one before it exists and it leaves the
// second part at least a quarter of the bytes; 0 when the message does not
// split (one big ResourceSpans, or a malformed top level: the first part's
// reader reports that in order).
size_t findSplit(std::string_view message) {
    WireReader top(message);
    uint32_t f;
    WireType t;
    bool seen = false;
    for (;;) {
        const size_t at = size_t(top.offset());
        if (!top.next(f, t))
            return 0;
        const bool isResourceSpans = f == 1 && t == WireType::Len;
        if (isResourceSpans && seen && at >= message.size() / 2)
            return at <= message.size() - message.size() / 4 ? at : 0;
        seen = seen || isResourceSpans;
        top.skip(t);
        if (!top.ok())
            return 0;
    }
}

} // namespace

bool readOtlpTracesProto(TraceSetBuilder &b, std::string_view message, ProtoTraceError *error,
                         const std::function<bool(uint64_t)> &checkpoint, size_t parallelFrom) {
    // Below the threshold a thread costs more than it saves.
    if (message.size() < parallelFrom || message.size() < 2) {
        ProtoTraceReader reader(b, message);
        return reader.run(message, error, checkpoint);
    }
    // Two parts at once. Another thread looks for a ResourceSpans boundary
    // past the middle (a walk of the top-level tags only) and decodes from
    // there into its own builder, while this thread decodes from the start
    // and stops at that boundary; the other part's spans then follow in `b`
    // (takeStaged() keeps the string ids and everything else as one pass
    // would have made them). The first error in message order is reported,
    // with the spans before it, as by one pass. Progress and Cancel stay on
    // this thread, which polls for both parts.
    constexpr uint64_t kUnknown = ~0ull;
    std::atomic<uint64_t> split{kUnknown}; // 0: no split, this thread reads all
    std::atomic<bool> stop{false};
    std::atomic<uint64_t> otherBytes{0};
    std::mutex mutex;
    std::condition_variable cv;
    bool otherDone = false;
    TraceSetBuilder other;
    ProtoTraceError otherError;
    bool otherOk = true;
    std::exception_ptr otherException;
    std::thread thread([&] {
        try {
            const uint64_t at = findSplit(message);
            {
                std::lock_guard<std::mutex> lock(mutex);
                split = at;
            }
            cv.notify_all();
            if (at != 0) {
                other.reserve((message.size() - at) / 140);
                ProtoTraceReader reader(other, message);
                otherOk = reader.run(message.substr(at), &otherError, [&](uint64_t offset) {
                    otherBytes.store(offset - at, std::memory_order_relaxed);
                    return !stop.load(std::memory_order_relaxed);
                });
            }
        } catch (...) {
            otherException = std::current_exception();
        }
        {
            std::lock_guard<std::mutex> lock(mutex);
            if (split == kUnknown)
                split = 0;
            otherDone = true;
        }
        cv.notify_all();
    });
    const uint64_t half = message.size() / 2;
    auto endsAt = [&](uint64_t offset) {
        if (offset < half)
            return false;
        uint64_t at = split.load();
        if (at == kUnknown) { // the walk is far faster than decoding: rarely waits
            std::unique_lock<std::mutex> lock(mutex);
            cv.wait(lock, [&] { return split != kUnknown; });
            at = split;
        }
        return at != 0 && offset >= at;
    };
    bool cancelled = false;
    auto report = [&](uint64_t firstBytes) {
        if (cancelled || !checkpoint)
            return !cancelled;
        if (!checkpoint(firstBytes + otherBytes.load(std::memory_order_relaxed))) {
            cancelled = true;
            stop = true;
        }
        return !cancelled;
    };
    bool ok = false;
    std::exception_ptr firstException;
    try {
        ProtoTraceReader reader(b, message);
        ok = reader.run(
            message, error, [&](uint64_t offset) { return report(offset); }, endsAt);
    } catch (...) {
        firstException = std::current_exception();
    }
    if (!ok || firstException)
        stop = true; // the first half's outcome decides
    {
        std::unique_lock<std::mutex> lock(mutex);
        while (!otherDone) {
            cv.wait_for(lock, std::chrono::milliseconds(10));
            if (!otherDone && ok && !firstException) {
                lock.unlock();
                report(split.load());
                lock.lock();
            }
        }
    }
    thread.join();
    if (firstException)
        std::rethrow_exception(firstException);
    if (!ok)
        return false;
    if (cancelled || (otherError.cancelled && !otherException)) {
        error->message = "import cancelled";
        error->offset = split + otherBytes.load();
        error->cancelled = true;
        return false;
    }
    if (otherException)
        std::rethrow_exception(otherException);
    if (split != 0)
        b.takeStaged(other);
    if (!otherOk) {
        *error = otherError;
        return false;
    }
    if (checkpoint && !checkpoint(message.size())) {
        error->message = "import cancelled";
        error->offset = message.size();
        error->cancelled = true;
        return false;
    }
    return true;
}

} // namespace spanfire
