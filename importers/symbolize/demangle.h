#pragma once
// Symbol demangling for symbolized frames: C++ (Itanium ABI, through
// abi::__cxa_demangle), Rust legacy (`_ZN...17h<hash>E`: demangled as C++,
// then the hash dropped and `$LT$`-style escapes undone) and Rust v0 (`_R...`,
// best effort: paths, generic arguments and common types; anything else is
// returned unchanged). Plain C names are returned as they are.
// Thread affinity: none (pure functions).

#include <string>

namespace spanfire {

std::string demangleSymbol(const std::string &name);
// Rust v0 only; returns false (and leaves `out` alone) when it cannot parse.
bool demangleRustV0(const std::string &name, std::string &out);

} // namespace spanfire
