#pragma once
// Strong typed ids shared by every layer. Each id is a 32-bit index; the value
// kNone (all ones) is reserved for "no such thing". No bare ints cross module
// boundaries: a FrameId cannot be passed where a NodeId is expected.

#include <cstdint>
#include <functional>
#include <limits>

namespace spanfire {

template <class Tag> struct TypedId {
    static constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
    uint32_t v = kNone;

    constexpr TypedId() = default;
    constexpr explicit TypedId(uint32_t value) : v(value) {}
    constexpr bool valid() const { return v != kNone; }
    constexpr explicit operator bool() const { return valid(); }
    constexpr bool operator==(TypedId o) const { return v == o.v; }
    constexpr bool operator!=(TypedId o) const { return v != o.v; }
    constexpr bool operator<(TypedId o) const { return v < o.v; }
};

using StringId = TypedId<struct StringTag>;
using FrameId = TypedId<struct FrameTag>;
using NodeId = TypedId<struct NodeTag>;
using MappingId = TypedId<struct MappingTag>;
using LabelSetId = TypedId<struct LabelSetTag>;
using SpanRow = TypedId<struct SpanRowTag>;

static_assert(sizeof(NodeId) == 4, "ids are 32-bit");

} // namespace spanfire

namespace std {
template <class Tag> struct hash<spanfire::TypedId<Tag>> {
    size_t operator()(spanfire::TypedId<Tag> id) const noexcept { return std::hash<uint32_t>()(id.v); }
};
} // namespace std
