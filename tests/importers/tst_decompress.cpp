// Decompression layers: gzip (libdeflate and zlib paths), multi-member gzip,
// zstd, nesting, size limits, truncation and corruption.

#include "importers/common/decompress.h"
#include "importers/importer.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <random>

using namespace spanfire;
using namespace spanfire::test;

namespace {

std::string sampleText(size_t n) {
    std::string s;
    std::mt19937 rng(7);
    while (s.size() < n)
        s += "main;worker;function_" + std::to_string(rng() % 97) + " " + std::to_string(rng() % 1000) + "\n";
    s.resize(n);
    return s;
}

std::string decode(const std::string &in, bool zstd, ImportOptions opts = {}, std::string *error = nullptr) {
    ImportContext ctx("mem.bin", opts);
    ByteBuffer out;
    const bool ok = zstd ? unzstd(ctx, in, out) : gunzip(ctx, in, out);
    if (error)
        *error = ok ? std::string() : ctx.error().toString();
    return ok ? std::string(out.view()) : std::string("<failed>");
}

} // namespace

TEST(Decompress, GzipRoundTrip) {
    for (size_t n : {size_t(1), size_t(100), size_t(70000), size_t(3u << 20)}) {
        const std::string text = sampleText(n);
        EXPECT_EQ(decode(gzipBytes(text), false), text) << n;
        EXPECT_EQ(decode(gzipBytes(text, 0), false), text) << "stored blocks " << n;
    }
}

TEST(Decompress, GzipEmptyPayload) {
    EXPECT_EQ(decode(gzipBytes(""), false), "");
}

TEST(Decompress, MultiMemberGzip) {
    const std::string a = sampleText(5000), b = sampleText(200000);
    EXPECT_EQ(decode(gzipBytes(a) + gzipBytes(b), false), a + b);
    EXPECT_EQ(decode(gzipBytes(b) + gzipBytes(a) + gzipBytes(a), false), b + a + a);
}

TEST(Decompress, GzipWithWrongIsizeFallsBackAndFails) {
    // A lying ISIZE trailer must not fool the one-shot path: the streaming
    // decoder checks it and reports the mismatch.
    std::string gz = gzipBytes(sampleText(10000));
    gz[gz.size() - 4] ^= 0x01;
    std::string err;
    decode(gz, false, {}, &err);
    EXPECT_NE(err.find("mem.bin"), std::string::npos) << err;
    EXPECT_NE(err.find("corrupt gzip"), std::string::npos) << err;
}

TEST(Decompress, ZstdRoundTrip) {
    for (size_t n : {size_t(1), size_t(70000), size_t(3u << 20)}) {
        const std::string text = sampleText(n);
        EXPECT_EQ(decode(zstdBytes(text), true), text) << n;
    }
    // Two frames back to back.
    const std::string a = sampleText(1000), b = sampleText(9000);
    EXPECT_EQ(decode(zstdBytes(a) + zstdBytes(b), true), a + b);
}

TEST(Decompress, GzipBombExceedsLimit) {
    const std::string zeros(8u << 20, '\0'); // 8 MiB of zeros -> ~8 KiB gzip
    const std::string gz = gzipBytes(zeros, 9);
    ASSERT_LT(gz.size(), 64u * 1024);
    ImportOptions opts;
    opts.limits.maxDecompressedBytes = 1u << 20;
    std::string err;
    EXPECT_EQ(decode(gz, false, opts, &err), "<failed>");
    EXPECT_NE(err.find("decompressed size exceeds limit of 1048576 bytes"), std::string::npos) << err;
    // ISIZE says 8 MiB: over the limit, so the streaming path must stop it too.
    std::string zerr;
    EXPECT_EQ(decode(zstdBytes(zeros, 19), true, opts, &zerr), "<failed>");
    EXPECT_NE(zerr.find("decompressed size exceeds limit"), std::string::npos) << zerr;
    // A zstd stream without a content size in the header.
    ZSTD_CCtx *cctx = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 0);
    std::string z(ZSTD_compressBound(zeros.size()), '\0');
    z.resize(ZSTD_compress2(cctx, z.data(), z.size(), zeros.data(), zeros.size()));
    ZSTD_freeCCtx(cctx);
    zerr.clear();
    EXPECT_EQ(decode(z, true, opts, &zerr), "<failed>");
    EXPECT_NE(zerr.find("decompressed size exceeds limit"), std::string::npos) << zerr;
}

TEST(Decompress, BombThroughImportBytes) {
    const std::string gz = gzipBytes(std::string(4u << 20, 'a'), 9);
    ImportOptions opts;
    opts.limits.maxDecompressedBytes = 100000;
    const ImportResult r = importBytes("bomb.gz", gz, opts);
    ASSERT_FALSE(r.ok);
    EXPECT_EQ(r.error.file, "bomb.gz");
    EXPECT_NE(r.error.message.find("exceeds limit of 100000 bytes"), std::string::npos) << r.error.message;
}

TEST(Decompress, TruncatedGzipNamesOffset) {
    const std::string gz = gzipBytes(sampleText(300000));
    for (size_t cut : {size_t(10), gz.size() / 3, gz.size() / 2, gz.size() - 9, gz.size() - 1}) {
        std::string err;
        EXPECT_EQ(decode(gz.substr(0, cut), false, {}, &err), "<failed>") << cut;
        EXPECT_NE(err.find("mem.bin: at byte "), std::string::npos) << err;
        EXPECT_TRUE(err.find("truncated") != std::string::npos || err.find("corrupt") != std::string::npos) << err;
    }
}

TEST(Decompress, TruncatedZstd) {
    const std::string z = zstdBytes(sampleText(300000));
    for (size_t cut : {size_t(6), z.size() / 2, z.size() - 1}) {
        std::string err;
        EXPECT_EQ(decode(z.substr(0, cut), true, {}, &err), "<failed>") << cut;
        EXPECT_NE(err.find("mem.bin"), std::string::npos) << err;
    }
}

TEST(Decompress, CorruptGzip) {
    std::string gz = gzipBytes(sampleText(100000));
    for (size_t i = 20; i < 60; ++i)
        gz[i] = char(~gz[i]);
    std::string err;
    EXPECT_EQ(decode(gz, false, {}, &err), "<failed>");
    EXPECT_NE(err.find("corrupt gzip data"), std::string::npos) << err;
}

TEST(Decompress, NestedLayersThroughImportBytes) {
    const std::string folded = "main;a;b 5\nmain;c 7\n";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {gzipBytes(folded), "folded stacks (gzip)"},
        {zstdBytes(folded), "folded stacks (zstd)"},
        {zstdBytes(gzipBytes(folded)), "folded stacks (zstd, gzip)"},
        {gzipBytes(zstdBytes(folded)), "folded stacks (gzip, zstd)"},
        {gzipBytes(gzipBytes(folded)) + gzipBytes(""), "folded stacks (gzip, gzip)"},
    };
    for (const auto &[bytes, format] : cases) {
        const ImportResult r = importBytes("nested", bytes);
        ASSERT_TRUE(r.ok) << format << ": " << r.error.toString();
        EXPECT_EQ(r.format, format);
        EXPECT_EQ(r.profile->total(0), 12);
    }
    std::string deep = folded;
    for (int i = 0; i < 6; ++i)
        deep = gzipBytes(deep);
    const ImportResult r = importBytes("deep", deep);
    ASSERT_FALSE(r.ok);
    EXPECT_NE(r.error.message.find("too many nested"), std::string::npos) << r.error.message;
}

TEST(Decompress, ErrorInsideNestedLayerSaysSo) {
    std::string inner = gzipBytes(sampleText(50000));
    inner.resize(inner.size() / 2);
    const ImportResult r = importBytes("x.zst", zstdBytes(inner));
    ASSERT_FALSE(r.ok);
    EXPECT_TRUE(r.error.hasOffset);
    EXPECT_NE(r.error.message.find("decompressed from zstd"), std::string::npos) << r.error.message;
}
