#include "sync/time/clock.hpp"

#include <sys/timex.h>

namespace aff {

bool kernel_clock_synchronised() {
    timex query{};  // modes 0: a question, which changes nothing and needs no privilege
    const int state = ::ntp_adjtime(&query);
    return state != -1 && state != TIME_ERROR;
}

}  // namespace aff
