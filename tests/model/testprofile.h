#pragma once
// Test helper: builds a Profile from folded-stack lines ("a;b;c 10"), root
// first, one value column "samples/count". Each line becomes one sample.
// Optional string labels follow the value: "a;b 10 span_id=00ab trace_id=..."
// ("key=value" pairs separated by spaces; "#key=123" makes a numeric label;
// "+" in a key stands for a space).

#include "model/profile.h"

#include <algorithm>
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
        std::stringstream fields(line);
        std::string stack, value, kv;
        fields >> stack >> value;
        const int64_t v = std::stoll(value);
        std::vector<Label> labels;
        while (fields >> kv) {
            const size_t eq = kv.find('=');
            Label l;
            if (kv[0] == '#') {
                l.key = p->strings.intern(kv.substr(1, eq - 1));
                l.num = std::stoll(kv.substr(eq + 1));
            } else {
                l.key = p->strings.intern(kv.substr(0, eq));
                l.str = p->strings.intern(kv.substr(eq + 1));
            }
            auto &keyRef = l.key;
            std::string key(p->strings.view(keyRef));
            std::replace(key.begin(), key.end(), '+', ' ');
            keyRef = p->strings.intern(key);
            labels.push_back(l);
        }
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
        p->sampleLabels.push_back(p->labelSets.intern(labels).v);
    }
    p->finish();
    return p;
}

} // namespace spanfire::test
