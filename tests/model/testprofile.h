#pragma once
// Test helper: builds a Profile from folded-stack lines ("a;b;c 10"), root
// first, one value column "samples/count". Each line becomes one sample.

#include "model/profile.h"

#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace spanfire::test {

inline std::shared_ptr<Profile> profileFromFolded(const std::vector<std::string> &lines) {
    auto p = std::make_shared<Profile>();
    p->sampleTypes.push_back({p->strings.intern("samples"), p->strings.intern("count")});
    p->values.resize(1);
    for (const std::string &line : lines) {
        const size_t sp = line.rfind(' ');
        const std::string stack = line.substr(0, sp);
        const int64_t v = std::stoll(line.substr(sp + 1));
        NodeId n = StackTrie::root();
        std::stringstream ss(stack);
        std::string frame;
        while (std::getline(ss, frame, ';')) {
            Frame f;
            f.name = p->strings.intern(frame);
            f.systemName = f.name;
            f.file = StringId(0);
            f.module = StringId(0);
            f.buildId = StringId(0);
            n = p->trie.child(n, p->frames.intern(f));
        }
        p->sampleNode.push_back(n.v);
        p->values[0].push_back(v);
        p->sampleLabels.push_back(0);
    }
    p->finish();
    return p;
}

} // namespace spanfire::test
