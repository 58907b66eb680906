#pragma once
// Finds the byte offset of the first JSON syntax error in a buffer holding
// one or more whitespace-separated JSON values (JSON lines). Used only after
// simdjson rejected the input, to tell the user where the damage is.
// Iterative (no recursion limit issues on deeply nested input).

#include <cstddef>
#include <string>
#include <string_view>

namespace spanfire {

struct JsonSyntaxProblem {
    size_t offset = 0;
    std::string message;
};

// Returns false when no problem was found.
bool findJsonSyntaxError(std::string_view text, JsonSyntaxProblem *problem);

} // namespace spanfire
