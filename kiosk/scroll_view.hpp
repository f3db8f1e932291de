// The one scroll container (after ES-DE's ScrollableContainer): content longer than its view,
// moved by a finger's drag in pixels, kept within its limits, with what a scroll bar and the
// "more" marks need. One axis; a map pans with two. The day programme's list and the film
// page's screenings (shown a row at a time) use it.
#pragma once

namespace aff {

class ScrollView {
public:
    // The content's and the view's length along the axis, as drawn this frame. The offset is
    // kept within the new limits (a shorter list after a filter change pulls it back). Content
    // made of rows `step` px long ends a whole number of rows in, so a list scrolled to its end
    // (or to a row past it) still starts on a whole row, never on a sliver of one.
    void set_extent(int content, int view, int step = 1);
    // A finger moved by `delta` px (negative: up or left, which brings later content in). True
    // if the content moved.
    bool drag(int delta) { return scroll_to(offset_ - delta); }
    // Puts `offset` px of the content before the view's start, within the limits; true if moved.
    bool scroll_to(int offset);
    void reset() { offset_ = 0; }

    int offset() const { return offset_; }
    int max_offset() const;
    bool scrollable() const { return content_ > view_; }
    bool more_before() const { return offset_ > 0; }
    bool more_after() const { return offset_ < max_offset(); }

    // A scroll bar's thumb on a track `track` px long: where it starts and how long it is, at
    // least `min_length` (a thumb a finger can see).
    struct Thumb {
        int start = 0;
        int length = 0;
    };
    Thumb thumb(int track, int min_length) const;

private:
    int content_ = 0;
    int view_ = 0;
    int offset_ = 0;
    int step_ = 1;
};

}  // namespace aff
