// The figure every benchmark here quotes: the median of its runs (the upper one of an even count).
#pragma once

#include <algorithm>
#include <vector>

namespace aff::bench {

inline double median(std::vector<double> runs) {
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}

}  // namespace aff::bench
