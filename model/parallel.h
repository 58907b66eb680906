#pragma once
// runBoth(): two independent pieces of work at once, one on a new thread and
// one on the calling thread, for the steps of an import or a finish() that
// split into halves with nothing shared but read-only inputs. Returns when
// both are done; an exception thrown by either (e.g. std::bad_alloc) is
// rethrown on the calling thread once both have stopped. With `parallel`
// false (small inputs, where a thread costs more than it saves) both run on
// the calling thread, `other` first.
// Thread affinity: any thread; the two callables must not share mutable state.

#include <exception>
#include <thread>

namespace spanfire {

template <class Here, class Other> void runBoth(bool parallel, Here &&here, Other &&other) {
    if (!parallel) {
        other();
        here();
        return;
    }
    std::exception_ptr otherError;
    std::thread t([&] {
        try {
            other();
        } catch (...) {
            otherError = std::current_exception();
        }
    });
    std::exception_ptr hereError;
    try {
        here();
    } catch (...) {
        hereError = std::current_exception();
    }
    t.join();
    if (hereError)
        std::rethrow_exception(hereError);
    if (otherError)
        std::rethrow_exception(otherError);
}

} // namespace spanfire
