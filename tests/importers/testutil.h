#pragma once
// Helpers shared by the importer tests: a tiny protobuf encoder for
// hand-built pprof messages, gzip/zstd compressors, corpus paths, file I/O.

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace spanfire::test {

inline std::string corpusDir() {
    const char *env = std::getenv("SPANFIRE_CORPUS");
    return env && *env ? env : SPANFIRE_CORPUS_DIR;
}
inline std::string testDataDir() {
    return SPANFIRE_TESTDATA_DIR;
}

inline std::string readFile(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void writeFile(const std::string &path, const std::string &bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

inline std::vector<std::string> listDir(const std::string &dir) {
    std::vector<std::string> names;
    if (DIR *d = opendir(dir.c_str())) {
        while (dirent *e = readdir(d)) {
            const std::string n = e->d_name;
            if (n != "." && n != "..")
                names.push_back(n);
        }
        closedir(d);
    }
    std::sort(names.begin(), names.end());
    return names;
}

inline std::string gzipBytes(const std::string &in, int level = 6) {
    z_stream zs{};
    deflateInit2(&zs, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, uLong(in.size())) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    zs.avail_in = uInt(in.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

inline std::string gunzipBytes(const std::string &in) {
    z_stream zs{};
    inflateInit2(&zs, 16 + MAX_WBITS);
    std::string out;
    char buf[65536];
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    zs.avail_in = uInt(in.size());
    int ret = Z_OK;
    while (ret == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef *>(buf);
        zs.avail_out = sizeof buf;
        ret = inflate(&zs, Z_NO_FLUSH);
        out.append(buf, sizeof buf - zs.avail_out);
    }
    inflateEnd(&zs);
    return out;
}

inline std::string zstdBytes(const std::string &in, int level = 3) {
    std::string out(ZSTD_compressBound(in.size()), '\0');
    out.resize(ZSTD_compress(out.data(), out.size(), in.data(), in.size(), level));
    return out;
}

// Minimal protobuf writer.
class Pb {
public:
    Pb &varint(uint32_t field, uint64_t v) {
        key(field, 0);
        raw(v);
        return *this;
    }
    Pb &bytes(uint32_t field, const std::string &s) {
        key(field, 2);
        raw(s.size());
        m_out += s;
        return *this;
    }
    Pb &msg(uint32_t field, const Pb &m) { return bytes(field, m.str()); }
    Pb &packed(uint32_t field, const std::vector<uint64_t> &vs) {
        Pb inner;
        for (uint64_t v : vs)
            inner.raw(v);
        return bytes(field, inner.str());
    }
    Pb &unpacked(uint32_t field, const std::vector<uint64_t> &vs) {
        for (uint64_t v : vs)
            varint(field, v);
        return *this;
    }
    Pb &append(const std::string &rawBytes) {
        m_out += rawBytes;
        return *this;
    }
    const std::string &str() const { return m_out; }
    void raw(uint64_t v) {
        while (v >= 0x80) {
            m_out += char(v | 0x80);
            v >>= 7;
        }
        m_out += char(v);
    }

private:
    void key(uint32_t field, int wt) { raw((uint64_t(field) << 3) | uint64_t(wt)); }
    std::string m_out;
};

} // namespace spanfire::test
