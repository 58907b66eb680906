// Pass 1 of the pprof decoder: everything but samples.

#include "importers/pprof/dropframes.h"
#include "importers/pprof/pprofdecoder.h"
#include "importers/pprof/pprofimporter.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

namespace spanfire {

namespace {

bool validUtf8(std::string_view s) {
    const auto *p = reinterpret_cast<const uint8_t *>(s.data());
    const auto *end = p + s.size();
    while (p < end) {
        const uint8_t c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int n = 0;
        uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= n)
            return false;
        for (int i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += n + 1;
    }
    return true;
}

} // namespace

bool IdIndex::build(const std::vector<uint64_t> &ids, uint64_t &badId, bool &zeroId) {
    uint64_t maxId = 0;
    for (uint64_t id : ids)
        maxId = std::max(maxId, id);
    m_useMap = maxId > 4 * uint64_t(ids.size()) + 1024;
    if (!m_useMap)
        m_dense.assign(size_t(maxId) + 1, kMissing);
    else
        m_map.reserve(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
        const uint64_t id = ids[i];
        if (id == 0) {
            zeroId = true;
            badId = 0;
            return false;
        }
        uint32_t &slot = m_useMap ? m_map.try_emplace(id, kMissing).first->second : m_dense[size_t(id)];
        if (slot != kMissing) {
            zeroId = false;
            badId = id;
            return false;
        }
        slot = uint32_t(i);
    }
    return true;
}

PprofDecoder::PprofDecoder(ImportContext &ctx, std::string_view data)
    : m_ctx(ctx), m_data(data), m_profile(std::make_shared<Profile>()) {
}

bool PprofDecoder::wireError(const WireReader &r) {
    return m_ctx.failAt(std::string("malformed protobuf: ") + (r.error() ? r.error() : "decode error"),
                        r.errorOffset());
}

bool PprofDecoder::readValueType(WireReader &r, RawValueType &vt) {
    WireReader in = r.sub();
    uint32_t f;
    WireType t;
    while (in.next(f, t)) {
        if ((f == 1 || f == 2) && t != WireType::Varint) {
            in.fail("ValueType field has the wrong wire type");
            break;
        }
        if (f == 1)
            vt.type = int64_t(in.varint());
        else if (f == 2)
            vt.unit = int64_t(in.varint());
        else
            in.skip(t);
    }
    r.adopt(in);
    return r.ok();
}

bool PprofDecoder::readMapping(WireReader &r) {
    RawMapping m;
    m.offset = r.fieldOffset();
    WireReader in = r.sub();
    uint32_t f;
    WireType t;
    while (in.next(f, t)) {
        if (f >= 1 && f <= 10 && t != WireType::Varint) {
            in.fail("Mapping field has the wrong wire type (expected varint)");
            break;
        }
        switch (f) {
        case 1:
            m.id = in.varint();
            break;
        case 2:
            m.start = in.varint();
            break;
        case 3:
            m.limit = in.varint();
            break;
        case 4:
            m.fileOffset = in.varint();
            break;
        case 5:
            m.file = int64_t(in.varint());
            break;
        case 6:
            m.buildId = int64_t(in.varint());
            break;
        case 7:
            m.hasFunctions = in.varint() != 0;
            break;
        case 8:
            m.hasFilenames = in.varint() != 0;
            break;
        case 9:
            m.hasLineNumbers = in.varint() != 0;
            break;
        case 10:
            m.hasInlineFrames = in.varint() != 0;
            break;
        default:
            in.skip(t);
        }
    }
    r.adopt(in);
    m_mappings.push_back(m);
    return r.ok();
}

bool PprofDecoder::readFunction(WireReader &r) {
    RawFunction fn;
    fn.offset = r.fieldOffset();
    WireReader in = r.sub();
    uint32_t f;
    WireType t;
    while (in.next(f, t)) {
        if (f >= 1 && f <= 5 && t != WireType::Varint) {
            in.fail("Function field has the wrong wire type (expected varint)");
            break;
        }
        switch (f) {
        case 1:
            fn.id = in.varint();
            break;
        case 2:
            fn.name = int64_t(in.varint());
            break;
        case 3:
            fn.systemName = int64_t(in.varint());
            break;
        case 4:
            fn.file = int64_t(in.varint());
            break;
        case 5:
            fn.startLine = int64_t(in.varint());
            break;
        default:
            in.skip(t);
        }
    }
    r.adopt(in);
    m_functions.push_back(fn);
    return r.ok();
}

bool PprofDecoder::readLocation(WireReader &r) {
    RawLocation loc;
    loc.offset = r.fieldOffset();
    loc.lineBegin = loc.lineEnd = uint32_t(m_lines.size());
    WireReader in = r.sub();
    uint32_t f;
    WireType t;
    while (in.next(f, t)) {
        if (f == 4) {
            if (t != WireType::Len) {
                in.fail("Location.line has the wrong wire type");
                break;
            }
            RawLine line;
            WireReader ln = in.sub();
            uint32_t lf;
            WireType lt;
            while (ln.next(lf, lt)) {
                if (lf <= 3 && lt != WireType::Varint) {
                    ln.fail("Line field has the wrong wire type");
                    break;
                }
                if (lf == 1)
                    line.functionId = ln.varint();
                else if (lf == 2)
                    line.line = int64_t(ln.varint());
                else
                    ln.skip(lt);
            }
            in.adopt(ln);
            m_lines.push_back(line);
            continue;
        }
        if (f <= 5 && t != WireType::Varint) {
            in.fail("Location field has the wrong wire type (expected varint)");
            break;
        }
        switch (f) {
        case 1:
            loc.id = in.varint();
            break;
        case 2:
            loc.mappingId = in.varint();
            break;
        case 3:
            loc.address = in.varint();
            break;
        default:
            in.skip(t);
        }
    }
    r.adopt(in);
    loc.lineEnd = uint32_t(m_lines.size());
    m_locations.push_back(loc);
    return r.ok();
}

bool PprofDecoder::readTables() {
    WireReader r(m_data);
    uint32_t f;
    WireType t;
    uint64_t fields = 0;
    auto expect = [&](WireType want) {
        if (t == want)
            return true;
        r.fail("Profile field has the wrong wire type");
        return false;
    };
    while (r.next(f, t)) {
        if ((++fields & 0xFFFF) == 0) {
            if (m_ctx.cancelled())
                return m_ctx.failCancelled();
            m_ctx.progress(r.offset(), m_data.size());
        }
        switch (f) {
        case 1: {
            RawValueType vt;
            if (expect(WireType::Len) && readValueType(r, vt))
                m_sampleTypes.push_back(vt);
            break;
        }
        case 2:
            if (!expect(WireType::Len))
                break;
            if (m_sampleCount++ == 0)
                m_firstSampleOffset = r.fieldOffset();
            r.skip(t);
            break;
        case 3:
            if (expect(WireType::Len))
                readMapping(r);
            break;
        case 4:
            if (expect(WireType::Len))
                readLocation(r);
            break;
        case 5:
            if (expect(WireType::Len))
                readFunction(r);
            break;
        case 6:
            if (expect(WireType::Len)) {
                const uint64_t at = r.fieldOffset();
                m_strings.push_back(r.bytesView());
                if (r.ok() && !m_strings[0].empty())
                    return m_ctx.failAt("malformed profile: string_table[0] must be ''", at);
            }
            break;
        case 7:
            if (expect(WireType::Varint))
                m_drop = int64_t(r.varint());
            break;
        case 8:
            if (expect(WireType::Varint))
                m_keep = int64_t(r.varint());
            break;
        case 9:
            if (expect(WireType::Varint)) {
                if (m_time != 0)
                    return m_ctx.failAt("concatenated profiles detected (time_nanos occurs twice)", r.fieldOffset());
                m_time = int64_t(r.varint());
                m_sawTime = true;
            }
            break;
        case 10:
            if (expect(WireType::Varint))
                m_duration = int64_t(r.varint());
            break;
        case 11:
            if (expect(WireType::Len))
                readValueType(r, m_periodType);
            break;
        case 12:
            if (expect(WireType::Varint))
                m_period = int64_t(r.varint());
            break;
        case 13:
            readRepeatedVarint(r, t, [this](uint64_t v) { m_comments.push_back(int64_t(v)); });
            break;
        case 14:
            if (expect(WireType::Varint))
                m_defaultType = int64_t(r.varint());
            break;
        case 15:
            if (expect(WireType::Varint))
                m_docUrl = int64_t(r.varint());
            break;
        default:
            r.skip(t);
        }
    }
    if (!r.ok())
        return wireError(r);
    if (m_sampleCount > m_ctx.limits().maxSamples)
        return m_ctx.fail("profile has " + std::to_string(m_sampleCount) + " samples, more than the limit of " +
                          std::to_string(m_ctx.limits().maxSamples));
    uint64_t stringBytes = 0;
    for (auto s : m_strings)
        stringBytes += s.size();
    if (stringBytes > m_ctx.limits().maxStringBytes)
        return m_ctx.fail("string table exceeds the limit of " + std::to_string(m_ctx.limits().maxStringBytes) +
                          " bytes");
    if (m_ctx.inputDisposable()) {
        // Pass 2 releases the input behind it; keep the strings.
        m_stringArena.reserve(size_t(stringBytes));
        for (auto s : m_strings)
            m_stringArena.append(s);
        size_t at = 0;
        for (auto &s : m_strings) {
            s = std::string_view(m_stringArena.data() + at, s.size());
            at += s.size();
        }
    }
    return true;
}

bool PprofDecoder::checkString(int64_t index, uint64_t offset) {
    if (index >= 0 && uint64_t(index) < m_strings.size())
        return true;
    return m_ctx.failAt("malformed profile format: string index " + std::to_string(index) +
                            " is outside the string table (" + std::to_string(m_strings.size()) + " strings)",
                        offset);
}

StringId PprofDecoder::str(int64_t index) {
    uint32_t &id = m_stringIds[size_t(index)];
    if (id == StringId::kNone)
        id = m_profile->strings.intern(m_strings[size_t(index)]).v;
    return StringId(id);
}

bool PprofDecoder::buildTables() {
    m_stringIds.assign(m_strings.size(), StringId::kNone);
    if (!m_strings.empty())
        m_stringIds[0] = 0;
    Profile &p = *m_profile;

    // String indexes, as pprof's postDecode checks them.
    for (const auto &m : m_mappings)
        if (!checkString(m.file, m.offset) || !checkString(m.buildId, m.offset))
            return false;
    for (const auto &fn : m_functions)
        if (!checkString(fn.name, fn.offset) || !checkString(fn.systemName, fn.offset) ||
            !checkString(fn.file, fn.offset))
            return false;
    for (const auto &vt : m_sampleTypes)
        if (!checkString(vt.type, 0) || !checkString(vt.unit, 0))
            return false;
    for (int64_t s : {m_drop, m_keep, m_periodType.type, m_periodType.unit, m_defaultType, m_docUrl})
        if (!checkString(s, 0))
            return false;
    for (int64_t c : m_comments)
        if (!checkString(c, 0))
            return false;
    if (m_sampleCount > 0 && m_sampleTypes.empty())
        return m_ctx.failAt("malformed profile: missing sample type information", m_firstSampleOffset);

    // Ids: non-zero and unique (pprof CheckValid).
    auto buildIndex = [this](IdIndex &index, const std::vector<uint64_t> &ids, const char *what,
                             const std::vector<uint64_t> &offsets) {
        uint64_t bad = 0;
        bool zero = false;
        if (index.build(ids, bad, zero))
            return true;
        size_t at = 0;
        for (size_t i = 0; i < ids.size(); ++i)
            if (ids[i] == bad) {
                at = i;
                if (zero)
                    break;
            }
        return m_ctx.failAt(zero ? std::string("malformed profile: found ") + what + " with reserved ID=0"
                                 : std::string("malformed profile: multiple ") + what +
                                       "s with same id: " + std::to_string(bad),
                            offsets[at]);
    };
    std::vector<uint64_t> ids, offsets;
    auto collect = [&](const auto &table) {
        ids.clear();
        offsets.clear();
        for (const auto &x : table) {
            ids.push_back(x.id);
            offsets.push_back(x.offset);
        }
    };
    collect(m_mappings);
    if (!buildIndex(m_mappingIndex, ids, "mapping", offsets))
        return false;
    collect(m_functions);
    if (!buildIndex(m_functionIndex, ids, "function", offsets))
        return false;
    collect(m_locations);
    if (!buildIndex(m_locationIndex, ids, "location", offsets))
        return false;

    // Header fields.
    for (const auto &vt : m_sampleTypes)
        p.sampleTypes.push_back({str(vt.type), str(vt.unit)});
    p.defaultSampleType = p.sampleTypes.empty() ? 0 : int(p.sampleTypes.size()) - 1;
    if (m_defaultType != 0) {
        for (size_t i = 0; i < m_sampleTypes.size(); ++i)
            if (m_sampleTypes[i].type == m_defaultType ||
                m_strings[size_t(m_sampleTypes[i].type)] == m_strings[size_t(m_defaultType)]) {
                p.defaultSampleType = int(i);
                break;
            }
    }
    p.periodType = {str(m_periodType.type), str(m_periodType.unit)};
    p.period = m_period;
    p.timeNanos = m_time;
    p.durationNanos = m_duration;
    for (int64_t c : m_comments)
        p.comments.push_back(str(c));
    p.dropFrames = str(m_drop);
    p.keepFrames = str(m_keep);
    p.docUrl = str(m_docUrl);
    for (const auto &m : m_mappings) {
        Mapping mm;
        mm.memoryStart = m.start;
        mm.memoryLimit = m.limit;
        mm.fileOffset = m.fileOffset;
        mm.file = str(m.file);
        mm.buildId = str(m.buildId);
        mm.hasFunctions = m.hasFunctions;
        mm.hasFilenames = m.hasFilenames;
        mm.hasLineNumbers = m.hasLineNumbers;
        mm.hasInlineFrames = m.hasInlineFrames;
        p.mappings.push_back(mm);
    }
    uint64_t badUtf8 = 0;
    for (auto s : m_strings)
        badUtf8 += !validUtf8(s);
    if (badUtf8)
        p.addWarning("strings that are not valid UTF-8 (kept as bytes)", badUtf8);
    return buildLocations();
}

std::shared_ptr<Profile> PprofDecoder::run() {
    const bool top = m_ctx.layers().empty();
    m_ctx.beginStage("reading pprof tables", top ? 0 : 400, top ? 100 : 60);
    // The sample scan needs nothing from the tables: it runs on a second
    // thread while this one reads them, then reports the scan's progress and
    // passes Cancel on to it. Errors keep their order: a table error wins,
    // then the earliest bad sample.
    std::atomic<bool> tablesDone{false}, abort{false};
    std::thread scan([this, &tablesDone, &abort] { scanAll(tablesDone, abort); });
    const bool tablesOk = readTables() && buildTables();
    abort.store(!tablesOk, std::memory_order_relaxed);
    tablesDone.store(true, std::memory_order_release);
    if (tablesOk) {
        m_ctx.beginStage("reading pprof samples", top ? 100 : 460, top ? 700 : 390);
        std::unique_lock<std::mutex> lock(m_scanMutex);
        while (!m_scanDone) {
            m_scanCv.wait_for(lock, std::chrono::milliseconds(10));
            m_ctx.progress(m_scanPos.load(std::memory_order_relaxed), m_data.size());
            if (m_ctx.cancelled())
                abort.store(true, std::memory_order_relaxed);
        }
    }
    scan.join();
    if (!tablesOk)
        return nullptr;
    if (m_ctx.cancelled()) {
        m_ctx.failCancelled();
        return nullptr;
    }
    m_ctx.beginStage("building the call tree", top ? 800 : 850, top ? 200 : 150);
    if (!resolveSamples())
        return nullptr;
    if (m_ctx.cancelled()) { // asked while the last step ran: still honoured
        m_ctx.failCancelled();
        return nullptr;
    }
    m_profile->format = m_ctx.formatLabel("pprof");
    m_profile->sourceName = m_ctx.name();
    m_profile->finish();
    m_ctx.endStage();
    return std::move(m_profile);
}

std::shared_ptr<Profile> importPprof(ImportContext &ctx, std::string_view data) {
    PprofDecoder decoder(ctx, data);
    return decoder.run();
}

} // namespace spanfire
