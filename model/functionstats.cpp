#include "model/functionstats.h"

#include "model/arith.h"

#include <algorithm>
#include <unordered_map>

namespace spanfire {

namespace {

StringId nameOf(const Profile &p, FrameId f) {
    return f.valid() && f.v < p.frames.size() ? p.frames.at(f).name : StringId(0);
}

void sortStats(std::vector<FunctionStat> &v, const Profile &p) {
    std::sort(v.begin(), v.end(), [&](const FunctionStat &a, const FunctionStat &b) {
        if (a.flat != b.flat)
            return a.flat > b.flat;
        if (a.cum != b.cum)
            return a.cum > b.cum;
        return p.strings.view(a.name) < p.strings.view(b.name);
    });
}

} // namespace

std::vector<FunctionStat> topFunctions(const FlameTree &tree, const Profile &p) {
    std::vector<int64_t> flat(p.strings.size(), 0), cum(p.strings.size(), 0);
    std::vector<uint32_t> active(p.strings.size(), 0);
    std::vector<uint8_t> seen(p.strings.size(), 0);
    std::vector<uint32_t> names;
    std::vector<uint32_t> stack;
    const auto &nodes = tree.nodes;
    for (uint32_t i = 1; i < nodes.size(); ++i) {
        while (!stack.empty() && nodes[stack.back()].end <= i) {
            --active[nameOf(p, nodes[stack.back()].frame).v];
            stack.pop_back();
        }
        const uint32_t nm = nameOf(p, nodes[i].frame).v;
        if (!seen[nm]) {
            seen[nm] = 1;
            names.push_back(nm);
        }
        if (active[nm] == 0)
            addTo(cum[nm], nodes[i].total);
        addTo(flat[nm], nodes[i].self);
        ++active[nm];
        stack.push_back(i);
    }
    std::vector<FunctionStat> out;
    out.reserve(names.size());
    for (uint32_t nm : names)
        out.push_back({StringId(nm), flat[nm], cum[nm]});
    sortStats(out, p);
    return out;
}

FunctionNeighbors functionNeighbors(const FlameTree &tree, const Profile &p, StringId name) {
    FunctionNeighbors res;
    res.self.name = name;
    std::unordered_map<uint32_t, FunctionStat> callers, callees;
    const auto &nodes = tree.nodes;
    std::vector<uint32_t> stack; // ancestors of the current node
    uint32_t activeSelf = 0;     // occurrences of `name` on the current path
    for (uint32_t i = 1; i < nodes.size(); ++i) {
        while (!stack.empty() && nodes[stack.back()].end <= i) {
            if (nameOf(p, nodes[stack.back()].frame) == name)
                --activeSelf;
            stack.pop_back();
        }
        const StringId nm = nameOf(p, nodes[i].frame);
        const uint32_t par = nodes[i].parent;
        const StringId parentName = par == 0 ? StringId(0) : nameOf(p, nodes[par].frame);
        if (nm == name) {
            addTo(res.self.flat, nodes[i].self);
            if (activeSelf == 0) {
                addTo(res.self.cum, nodes[i].total);
                auto &c = callers[parentName.v];
                c.name = parentName;
                addTo(c.cum, nodes[i].total);
                addTo(c.flat, nodes[i].self);
            } else if (activeSelf == 1 && parentName == name) {
                // Direct recursion under the outermost occurrence: f calls f.
                auto &c = callees[nm.v];
                c.name = nm;
                addTo(c.cum, nodes[i].total);
                addTo(c.flat, nodes[i].self);
            }
            ++activeSelf;
        } else if (par != 0 && parentName == name && activeSelf == 1) {
            // Direct child of the outermost occurrence: a callee.
            auto &c = callees[nm.v];
            c.name = nm;
            addTo(c.cum, nodes[i].total);
            addTo(c.flat, nodes[i].self);
        }
        stack.push_back(i);
    }
    for (auto &kv : callers)
        res.callers.push_back(kv.second);
    for (auto &kv : callees)
        res.callees.push_back(kv.second);
    auto byCum = [&](std::vector<FunctionStat> &v) {
        std::sort(v.begin(), v.end(), [&](const FunctionStat &a, const FunctionStat &b) {
            return a.cum != b.cum ? a.cum > b.cum : p.strings.view(a.name) < p.strings.view(b.name);
        });
    };
    byCum(res.callers);
    byCum(res.callees);
    return res;
}

int64_t matchedTotal(const FlameTree &tree, const std::vector<uint8_t> &frameMatches) {
    int64_t sum = 0;
    const auto &nodes = tree.nodes;
    for (uint32_t i = 1; i < nodes.size();) {
        const FrameId f = nodes[i].frame;
        if (f.valid() && f.v < frameMatches.size() && frameMatches[f.v]) {
            addTo(sum, nodes[i].total);
            i = nodes[i].end; // skip the subtree: already counted
        } else {
            ++i;
        }
    }
    return sum;
}

std::vector<FunctionStat> renameFunctions(std::vector<FunctionStat> stats, const Profile &from, const Profile &to) {
    if (&from == &to)
        return stats;
    size_t kept = 0;
    for (FunctionStat f : stats) {
        f.name = to.strings.find(from.strings.view(f.name));
        if (f.name.valid())
            stats[kept++] = f;
    }
    stats.resize(kept);
    return stats;
}

} // namespace spanfire
