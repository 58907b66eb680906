#include "foldedprofile.h"

#include <random>
#include <sstream>

namespace spanfire::testing {

namespace {

std::vector<std::string> split(const std::string &s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(cur);
    return out;
}

FrameId internFrame(Profile &p, const std::string &token) {
    const auto parts = split(token, '@');
    Frame f;
    f.name = p.strings.intern(parts[0]);
    f.systemName = f.name;
    f.file = StringId(0);
    f.module = StringId(0);
    f.buildId = StringId(0);
    if (parts.size() > 1) {
        const size_t colon = parts[1].rfind(':');
        f.file = p.strings.intern(colon == std::string::npos ? parts[1] : parts[1].substr(0, colon));
        if (colon != std::string::npos)
            f.startLine = uint32_t(std::stoul(parts[1].substr(colon + 1)));
    }
    if (parts.size() > 2)
        f.module = p.strings.intern(parts[2]);
    return p.frames.intern(f);
}

} // namespace

std::shared_ptr<Profile> profileFromFolded(const std::vector<std::string> &lines,
                                           const std::vector<std::string> &sampleTypes) {
    auto p = std::make_shared<Profile>();
    p->sourceName = "test.folded";
    p->format = "folded (test)";
    for (const std::string &st : sampleTypes) {
        const size_t slash = st.find('/');
        p->sampleTypes.push_back(ValueType{p->strings.intern(st.substr(0, slash)),
                                           p->strings.intern(slash == std::string::npos ? "" : st.substr(slash + 1))});
    }
    p->values.resize(sampleTypes.size());
    for (const std::string &line : lines) {
        // The stack is everything before the first space; values follow.
        const size_t sp = line.find(' ');
        const std::string stack = line.substr(0, sp);
        std::istringstream rest(sp == std::string::npos ? std::string("1") : line.substr(sp + 1));
        NodeId node = StackTrie::root();
        for (const std::string &tok : split(stack, ';'))
            node = p->trie.child(node, internFrame(*p, tok));
        p->sampleNode.push_back(node.v);
        for (auto &col : p->values) {
            int64_t v = 0;
            rest >> v;
            col.push_back(v);
        }
        p->sampleLabels.push_back(0);
    }
    p->finish();
    return p;
}

std::shared_ptr<Profile> syntheticProfile(size_t nodes, uint32_t seed) {
    auto p = std::make_shared<Profile>();
    p->sourceName = "synthetic";
    p->sampleTypes.push_back(ValueType{p->strings.intern("cpu"), p->strings.intern("nanoseconds")});
    p->values.resize(1);
    std::mt19937 rng(seed);
    const char *pkgs[] = {"runtime", "net/http", "main", "encoding/json", "std", "db/sql", "sync", "crypto/tls"};
    std::vector<FrameId> frames;
    for (uint32_t i = 0; i < 5000; ++i) {
        Frame f;
        f.name = p->strings.intern(std::string(pkgs[i % 8]) + ".func" + std::to_string(i));
        f.systemName = f.name;
        frames.push_back(p->frames.intern(f));
    }
    // Random walks from the root: each sample extends an existing path, so the trie grows by about one node per
    // sample once deep enough; sizes follow a heavy-tailed distribution like real profiles.
    std::vector<NodeId> leaves{StackTrie::root()};
    std::geometric_distribution<int> depthDist(0.08);
    while (p->trie.size() < nodes) {
        NodeId n = leaves[rng() % leaves.size()];
        if (p->trie.depth(n) > 60)
            n = StackTrie::root();
        const int extra = 1 + depthDist(rng) % 8;
        for (int k = 0; k < extra; ++k)
            n = p->trie.child(n, frames[rng() % frames.size()]);
        leaves.push_back(n);
        p->sampleNode.push_back(n.v);
        p->values[0].push_back(int64_t(1 + rng() % 1000) * 10000);
        p->sampleLabels.push_back(0);
    }
    p->finish();
    return p;
}

} // namespace spanfire::testing
