// Bombs and huge declared sizes (issue 7): small compressed inputs that
// expand past ImportLimits::maxDecompressedBytes fail with a clear limit
// error; protobuf length prefixes and counts that claim far more than the
// input holds fail without a giant allocation (every operator new in this
// test binary is watched); sample and string limits are enforced.
#include "tests/robustness/robustutil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <new>

// ---- allocation watch: the largest single operator new request ------------
namespace {
std::atomic<size_t> g_largestAlloc{0};

void *watchedAlloc(size_t n) {
    size_t prev = g_largestAlloc.load(std::memory_order_relaxed);
    while (n > prev && !g_largestAlloc.compare_exchange_weak(prev, n, std::memory_order_relaxed)) {
    }
    if (void *p = std::malloc(n ? n : 1))
        return p;
    throw std::bad_alloc();
}
} // namespace

void *operator new(size_t n) {
    return watchedAlloc(n);
}
void *operator new[](size_t n) {
    return watchedAlloc(n);
}
void *operator new(size_t n, const std::nothrow_t &) noexcept {
    try {
        return watchedAlloc(n);
    } catch (...) {
        return nullptr;
    }
}
void *operator new[](size_t n, const std::nothrow_t &) noexcept {
    try {
        return watchedAlloc(n);
    } catch (...) {
        return nullptr;
    }
}
void operator delete(void *p) noexcept {
    std::free(p);
}
void operator delete[](void *p) noexcept {
    std::free(p);
}
void operator delete(void *p, size_t) noexcept {
    std::free(p);
}
void operator delete[](void *p, size_t) noexcept {
    std::free(p);
}
void operator delete(void *p, const std::nothrow_t &) noexcept {
    std::free(p);
}
void operator delete[](void *p, const std::nothrow_t &) noexcept {
    std::free(p);
}

namespace spanfire {
namespace {

using robust::Proto;

constexpr uint64_t kSmallLimit = 1u << 20;  // 1 MiB
constexpr size_t kAllocCeiling = 16u << 20; // no hostile 100-byte input may ask for more than this at once

ImportOptions smallLimits() {
    ImportOptions o;
    o.limits.maxDecompressedBytes = kSmallLimit;
    return o;
}

bool mentions(const ImportResult &r, const char *what) {
    return r.error.message.find(what) != std::string::npos;
}

// A folded-stacks text of about n bytes (highly compressible).
std::string foldedText(size_t n) {
    std::string s;
    s.reserve(n + 64);
    while (s.size() < n)
        s += "main;serve;handle;parse 1\n";
    return s;
}

TEST(Bombs, GzipExpandingPastTheLimitIsRefused) {
    const std::string bomb = robust::gzipBytes(std::string(32u << 20, '\0'));
    ASSERT_LT(bomb.size(), 64u << 10);
    const ImportResult r = importBytes("bomb.gz", bomb, smallLimits());
    ASSERT_FALSE(r.ok);
    EXPECT_EQ(r.error.file, "bomb.gz");
    EXPECT_TRUE(mentions(r, "exceeds limit of 1048576 bytes")) << r.error.toString();
    EXPECT_FALSE(r.error.cancelled);
}

TEST(Bombs, GzipWithALyingSizeTrailerIsStillLimited) {
    std::string bomb = robust::gzipBytes(std::string(32u << 20, 'a'));
    const uint32_t fake = 100; // ISIZE claims 100 bytes
    std::memcpy(bomb.data() + bomb.size() - 4, &fake, 4);
    const ImportResult r = importBytes("liar.gz", bomb, smallLimits());
    ASSERT_FALSE(r.ok);
    EXPECT_TRUE(mentions(r, "exceeds limit")) << r.error.toString();
}

TEST(Bombs, HugeGzipSizeTrailerFailsCleanly) {
    // 30 bytes of gzip whose trailer claims 4 GiB - 1 (the fuzz_gzip target, run with
    // libFuzzer's malloc limit, is what catches a reservation of that size).
    std::string g = robust::gzipBytes("x 1\n");
    const uint32_t huge = 0xFFFFFFFFu;
    std::memcpy(g.data() + g.size() - 4, &huge, 4);
    ImportOptions o; // default (16 GiB) limit: the trailer alone must not be trusted
    const ImportResult r = importBytes("trailer.gz", g, o);
    ASSERT_FALSE(r.ok);
    EXPECT_EQ(r.error.file, "trailer.gz");
}

TEST(Bombs, ConcatenatedGzipMembersAddUpToTheLimit) {
    const std::string member = robust::gzipBytes(foldedText(256u << 10));
    std::string bomb;
    for (int i = 0; i < 16; ++i)
        bomb += member; // 16 x 256 KiB = 4 MiB
    const ImportResult r = importBytes("members.gz", bomb, smallLimits());
    ASSERT_FALSE(r.ok);
    EXPECT_TRUE(mentions(r, "exceeds limit")) << r.error.toString();
}

TEST(Bombs, ZstdWithDeclaredSizePastTheLimitIsRefused) {
    const std::string bomb = robust::zstdBytes(std::string(32u << 20, '\0'), true);
    const ImportResult r = importBytes("bomb.zst", bomb, smallLimits());
    ASSERT_FALSE(r.ok);
    EXPECT_EQ(r.error.file, "bomb.zst");
    EXPECT_TRUE(mentions(r, "exceeds limit of 1048576 bytes")) << r.error.toString();
}

TEST(Bombs, ZstdWithoutDeclaredSizeIsLimitedWhileStreaming) {
    const std::string bomb = robust::zstdBytes(std::string(32u << 20, '\0'), false);
    const ImportResult r = importBytes("stream.zst", bomb, smallLimits());
    ASSERT_FALSE(r.ok);
    EXPECT_TRUE(mentions(r, "exceeds limit")) << r.error.toString();
}

TEST(Bombs, NestedLayersAreRefused) {
    std::string s = foldedText(1000);
    for (int i = 0; i < 6; ++i)
        s = (i % 2) ? robust::zstdBytes(s, true) : robust::gzipBytes(s);
    const ImportResult r = importBytes("nested", s, smallLimits());
    ASSERT_FALSE(r.ok);
    EXPECT_TRUE(mentions(r, "too many nested compression layers")) << r.error.toString();
}

TEST(Bombs, CompressedInputUnderTheLimitLoads) {
    // Control: the limit is not simply always hit.
    const std::string text = foldedText(512u << 10);
    for (const std::string &packed : {robust::gzipBytes(text), robust::zstdBytes(text, false)}) {
        const ImportResult r = importBytes("ok", packed, smallLimits());
        ASSERT_TRUE(r.ok) << r.error.toString();
        ASSERT_TRUE(r.profile);
    }
}

// ---- huge declared sizes in protobuf ---------------------------------------

// A valid pprof: one sample type, one function/location, `samples` samples.
Proto pprof(uint64_t samples) {
    Proto p;
    p.msg(1, Proto().u(1, 1).u(2, 2)); // sample_type {type: "cpu", unit: "nanoseconds"}
    for (uint64_t i = 0; i < samples; ++i)
        p.msg(2, Proto().packed(1, {1}).packed(2, {i + 1}));
    p.msg(4, Proto().u(1, 1).msg(4, Proto().u(1, 1).u(2, 10))); // location 1 -> function 1
    p.msg(5, Proto().u(1, 1).u(2, 3));                          // function 1, name "main"
    for (const char *s : {"", "cpu", "nanoseconds", "main"})
        p.len(6, s);
    return p;
}

// Runs an import with the allocation watch armed and checks it failed cleanly.
void expectCleanFailure(const std::string &name, const std::string &bytes) {
    g_largestAlloc.store(0);
    const ImportResult r = importBytes(name, bytes);
    const size_t largest = g_largestAlloc.load();
    EXPECT_FALSE(r.ok) << name;
    EXPECT_EQ(r.error.file, name);
    EXPECT_FALSE(r.error.message.empty()) << name;
    EXPECT_LT(largest, kAllocCeiling) << name << ": a " << bytes.size() << "-byte input allocated " << largest
                                      << " bytes at once";
}

TEST(HugeLengths, ControlPprofLoads) {
    const ImportResult r = importBytes("control.pb", pprof(3).bytes);
    ASSERT_TRUE(r.ok) << r.error.toString();
    ASSERT_TRUE(r.profile);
    EXPECT_EQ(r.profile->sampleNode.size(), 3u);
}

TEST(HugeLengths, PprofFieldsClaimingTerabytes) {
    for (uint32_t field : {1u, 2u, 3u, 4u, 5u, 6u}) {
        Proto p = pprof(2);
        p.key(field, 2).varint(1ull << 40); // a length-delimited field of 1 TiB, then 3 bytes
        p.bytes += "abc";
        expectCleanFailure("pprof-field" + std::to_string(field), p.bytes);
    }
}

TEST(HugeLengths, PprofLengthWithTenByteVarint) {
    Proto p = pprof(1);
    p.bytes += "\x32\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"; // string_table, length 2^64-1
    expectCleanFailure("pprof-maxvarint", p.bytes);
}

TEST(HugeLengths, PackedSampleValuesClaimingMoreThanTheMessage) {
    Proto sample;
    sample.packed(1, {1});
    sample.key(2, 2).varint(1ull << 33).varint(5); // packed values claiming 8 GiB
    Proto p = pprof(1);
    p.msg(2, sample);
    expectCleanFailure("pprof-packed", p.bytes);
}

TEST(HugeLengths, OtlpTracesClaimingTerabytes) {
    // TracesData { resource_spans(1) { scope_spans(2) { spans(2): 1 TiB } } }
    Proto spans;
    spans.key(2, 2).varint(1ull << 40);
    spans.bytes += "xyz";
    Proto scope;
    scope.msg(2, spans);
    Proto td;
    td.msg(1, scope);
    // The sniffer may not call this OTLP; either way it must fail cleanly.
    expectCleanFailure("traces.binpb", td.bytes);
}

TEST(HugeLengths, FramedRecordClaimingFourGigabytes) {
    std::string framed("\xff\xff\xff\xf0", 4);
    framed += Proto().msg(1, Proto().msg(2, Proto())).bytes;
    expectCleanFailure("records.bin", framed);
}

TEST(Limits, SampleLimitIsEnforced) {
    ImportOptions o;
    o.limits.maxSamples = 10;
    const ImportResult r = importBytes("many.pb", pprof(50).bytes, o);
    ASSERT_FALSE(r.ok);
    EXPECT_NE(r.error.message.find("10"), std::string::npos) << r.error.toString();
    o.limits.maxSamples = 50;
    EXPECT_TRUE(importBytes("many.pb", pprof(50).bytes, o).ok);
}

TEST(Limits, StringLimitIsEnforced) {
    Proto p = pprof(1);
    p.len(6, std::string(4096, 's'));
    ImportOptions o;
    o.limits.maxStringBytes = 1024;
    const ImportResult r = importBytes("strings.pb", p.bytes, o);
    ASSERT_FALSE(r.ok);
    EXPECT_NE(r.error.message.find("limit"), std::string::npos) << r.error.toString();
}

} // namespace
} // namespace spanfire
