// WireReader bounds checks and error offsets; DigestMap behaviour.

#include "importers/common/digestmap.h"
#include "importers/common/wirereader.h"
#include "testutil.h"

#include <gtest/gtest.h>

using namespace spanfire;
using namespace spanfire::test;

TEST(WireReader, Varints) {
    Pb pb;
    for (uint64_t v : {0ull, 1ull, 127ull, 128ull, 300ull, 1ull << 35, ~0ull})
        pb.raw(v);
    // Near the end of the buffer the slow (bounds-checked) path is used.
    for (const std::string &bytes : {pb.str(), pb.str() + std::string(16, '\0')}) {
        WireReader r(bytes);
        for (uint64_t v : {0ull, 1ull, 127ull, 128ull, 300ull, 1ull << 35, ~0ull})
            EXPECT_EQ(r.varint(), v);
        EXPECT_TRUE(r.ok());
    }
}

TEST(WireReader, TooLongAndTruncatedVarints) {
    const std::string tooLong = std::string(11, '\xff') + std::string(5, '\0');
    WireReader a(tooLong);
    a.varint();
    EXPECT_FALSE(a.ok());
    EXPECT_STREQ(a.error(), "varint longer than 10 bytes");
    EXPECT_EQ(a.errorOffset(), 0u);

    const std::string truncated = "\x08\x96";
    WireReader b(truncated);
    uint32_t f;
    WireType t;
    ASSERT_TRUE(b.next(f, t));
    EXPECT_EQ(f, 1u);
    b.varint();
    EXPECT_FALSE(b.ok());
    EXPECT_EQ(b.errorOffset(), 1u);
    EXPECT_FALSE(b.next(f, t)); // stays failed
}

TEST(WireReader, LengthPastEndAndFieldZero) {
    const std::string over = Pb().varint(1, 1).str() + "\x12\x10"
                                                       "abc"; // field 2 says 16 bytes, 3 follow
    WireReader r(over);
    uint32_t f;
    WireType t;
    ASSERT_TRUE(r.next(f, t));
    r.varint();
    ASSERT_TRUE(r.next(f, t));
    EXPECT_EQ(t, WireType::Len);
    r.bytesView();
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.errorOffset(), 2u); // the field's key
    EXPECT_NE(std::string(r.error()).find("runs past the end"), std::string::npos);

    const std::string zero("\x00\x01", 2);
    WireReader z(zero);
    EXPECT_FALSE(z.next(f, t));
    EXPECT_FALSE(z.ok());
}

TEST(WireReader, SubReadersAndSkip) {
    Pb inner;
    inner.varint(1, 5).bytes(2, "xyz");
    const std::string msg = Pb().msg(3, inner).varint(4, 9).str() + std::string("\x2d\x01\x02\x03\x04", 5) +
                            std::string("\x31\x01\x02\x03\x04\x05\x06\x07\x08", 9);
    WireReader r(msg);
    uint32_t f;
    WireType t;
    ASSERT_TRUE(r.next(f, t));
    WireReader s = r.sub();
    ASSERT_TRUE(s.next(f, t));
    EXPECT_EQ(s.varint(), 5u);
    ASSERT_TRUE(s.next(f, t));
    EXPECT_EQ(s.bytesView(), "xyz");
    EXPECT_TRUE(s.atEnd());
    ASSERT_TRUE(r.next(f, t));
    r.skip(t);
    ASSERT_TRUE(r.next(f, t));
    EXPECT_EQ(t, WireType::Fixed32);
    EXPECT_EQ(r.fixed32(), 0x04030201u);
    ASSERT_TRUE(r.next(f, t));
    EXPECT_EQ(t, WireType::Fixed64);
    EXPECT_EQ(r.fixed64(), 0x0807060504030201ull);
    EXPECT_TRUE(r.ok());
    EXPECT_TRUE(r.atEnd());

    const std::string group("\x0b", 1); // start group
    WireReader g(group);
    ASSERT_TRUE(g.next(f, t));
    g.skip(t);
    EXPECT_FALSE(g.ok());
}

TEST(WireReader, RepeatedPackedAndUnpacked) {
    const std::string msg = Pb().packed(1, {1, 300, 70000}).unpacked(1, {4, 5}).str();
    WireReader r(msg);
    std::vector<uint64_t> got;
    uint32_t f;
    WireType t;
    while (r.next(f, t))
        ASSERT_TRUE(readRepeatedVarint(r, t, [&](uint64_t v) { got.push_back(v); }));
    EXPECT_EQ(got, (std::vector<uint64_t>{1, 300, 70000, 4, 5}));
}

TEST(DigestMap, FindInsertGrowCap) {
    DigestMap m(5000);
    std::vector<Digest> keys;
    for (int i = 0; i < 6000; ++i) {
        const std::string s = "stack-" + std::to_string(i);
        keys.push_back(digestBytes(s.data(), s.size()));
    }
    for (size_t i = 0; i < keys.size(); ++i)
        m.insert(keys[i], uint32_t(i));
    EXPECT_EQ(m.size(), 5000u); // capped
    for (size_t i = 0; i < 5000; ++i)
        EXPECT_EQ(m.find(keys[i]), i);
    for (size_t i = 5000; i < keys.size(); ++i)
        EXPECT_EQ(m.find(keys[i]), DigestMap::kMissing);
    // Equal bytes, equal digests; lengths matter.
    EXPECT_EQ(digestBytes("abc", 3), digestBytes(std::string("abc").data(), 3));
    EXPECT_FALSE(digestBytes("abc", 3) == digestBytes("abc\0", 4));
    EXPECT_FALSE(digestBytes("", 0) == digestBytes("\0", 1));
}
