#include "kiosk/language_cycle.hpp"

#include <algorithm>

namespace aff {
namespace {
constexpr std::chrono::hours never{24};
}

LanguageCycle::LanguageCycle(std::vector<Lang> languages, std::chrono::milliseconds period,
                             std::chrono::milliseconds start)
    : languages_(std::move(languages)),
      period_(std::max(period, std::chrono::milliseconds{1})),
      start_(start) {
    if (languages_.empty()) {
        languages_.push_back(Lang::kk);
    }
}

LanguageCycle LanguageCycle::pinned(Lang lang) {
    return LanguageCycle({lang}, never, std::chrono::milliseconds{0});
}

std::size_t LanguageCycle::index_at(std::chrono::milliseconds ticks) const {
    if (!rotates() || ticks < start_) {
        return first_;
    }
    const auto periods = static_cast<std::size_t>((ticks - start_) / period_);
    return (first_ + periods) % languages_.size();
}

Lang LanguageCycle::current(std::chrono::milliseconds ticks) const {
    return pin_ ? *pin_ : languages_[index_at(ticks)];
}

std::chrono::milliseconds LanguageCycle::until_next(std::chrono::milliseconds ticks) const {
    if (!rotates()) {
        return never;
    }
    if (ticks < start_) {
        return start_ - ticks + period_;
    }
    return period_ - (ticks - start_) % period_;
}

void LanguageCycle::resume(std::chrono::milliseconds ticks) {
    if (!pin_) {
        return;
    }
    pin_.reset();
    first_ = 0;
    start_ = ticks;
}

}  // namespace aff
