#include "kiosk/scroll_view.hpp"

#include <algorithm>

namespace aff {

void ScrollView::set_extent(int content, int view, int step) {
    content_ = std::max(0, content);
    view_ = std::max(0, view);
    step_ = std::max(1, step);
    offset_ = std::clamp(offset_, 0, max_offset());
}

int ScrollView::max_offset() const {
    if (content_ <= view_) {
        return 0;
    }
    return (content_ - view_ + step_ - 1) / step_ * step_;
}

bool ScrollView::scroll_to(int offset) {
    const int to = std::clamp(offset, 0, max_offset());
    if (to == offset_) {
        return false;
    }
    offset_ = to;
    return true;
}

ScrollView::Thumb ScrollView::thumb(int track, int min_length) const {
    if (!scrollable() || track <= 0) {
        return Thumb{0, std::max(0, track)};
    }
    const auto share = static_cast<long long>(track) * view_ / content_;
    const int length = std::min(track, std::max(min_length, static_cast<int>(share)));
    const int travel = track - length;
    return Thumb{static_cast<int>(static_cast<long long>(travel) * offset_ / max_offset()),
                 length};
}

}  // namespace aff
