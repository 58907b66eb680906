// JsonWriter: structure, escaping, and untrusted (invalid UTF-8) names. Each
// output is checked by QJsonDocument, an independent strict parser.
#include "app/cli/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using spanfire::cli::JsonWriter;
using spanfire::cli::sanitizeUtf8;

namespace {
QJsonDocument parse(const std::string &s) {
    QJsonParseError err{};
    QJsonDocument d = QJsonDocument::fromJson(QByteArray::fromStdString(s), &err);
    EXPECT_EQ(err.error, QJsonParseError::NoError) << s << " : " << err.errorString().toStdString();
    return d;
}
} // namespace

TEST(JsonWriter, NestedStructureAndCommas) {
    JsonWriter j;
    j.beginObject().key("a").value(int64_t(1)).key("b").beginArray().value("x").value(true).null().endArray();
    j.key("c").beginObject().endObject().key("d").value(uint64_t(18446744073709551615ull)).endObject();
    EXPECT_EQ(j.str(), R"({"a":1,"b":["x",true,null],"c":{},"d":18446744073709551615})");
    parse(j.str());
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControls) {
    JsonWriter j;
    j.beginArray().value(std::string_view("q\"b\\n\n\t\x01\x7f", 9)).endArray();
    EXPECT_EQ(j.str(), "[\"q\\\"b\\\\n\\n\\t\\u0001\\u007f\"]");
    EXPECT_EQ(parse(j.str()).array().at(0).toString(), QString::fromUtf8("q\"b\\n\n\t\x01\x7f"));
}

TEST(JsonWriter, KeepsValidUtf8) {
    JsonWriter j;
    const std::string s = "caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x94\xa5";
    j.beginArray().value(s).endArray();
    EXPECT_EQ(j.str(), "[\"" + s + "\"]");
    EXPECT_EQ(parse(j.str()).array().at(0).toString(), QString::fromUtf8(s.c_str()));
}

TEST(JsonWriter, ReplacesInvalidUtf8) {
    struct Case {
        std::string in;
        std::string expected;
    } cases[] = {
        {"a\xff"
         "b",
         "a\\ufffdb"},
        {"\xc3", "\\ufffd"},                                  // truncated sequence
        {"\xc0\xaf", "\\ufffd\\ufffd"},                       // overlong
        {"\xed\xa0\x80", "\\ufffd\\ufffd\\ufffd"},            // surrogate
        {"\xf4\x90\x80\x80", "\\ufffd\\ufffd\\ufffd\\ufffd"}, // > U+10FFFF
        {std::string("n\0ul", 4), "n\\u0000ul"},
    };
    for (const Case &c : cases) {
        JsonWriter j;
        j.beginArray().value(c.in).endArray();
        EXPECT_EQ(j.str(), "[\"" + c.expected + "\"]");
        parse(j.str());
    }
}

TEST(JsonWriter, DoublesAndNonFinite) {
    JsonWriter j;
    j.beginArray().value(0.5).value(std::numeric_limits<double>::infinity()).endArray();
    EXPECT_EQ(j.str(), "[0.5,null]");
}

TEST(SanitizeUtf8, ReplacesOnlyBadBytes) {
    EXPECT_EQ(sanitizeUtf8("ok\xc3\xa9\xff"), "ok\xc3\xa9\xef\xbf\xbd");
    EXPECT_EQ(sanitizeUtf8(""), "");
}
