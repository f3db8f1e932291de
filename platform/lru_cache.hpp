// A map from byte-string keys to values that forgets its least recently used entries first once
// the total cost of its entries (bytes, or one per entry: the owner decides) passes a budget.
#pragma once

#include <cstddef>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace aff {

template <class Value>
class LruCache {
public:
    explicit LruCache(std::size_t budget) : budget_(budget) {}

    // The value under `key`, now the most recently used; null if absent. Looking up allocates
    // nothing.
    Value* find(std::string_view key) {
        const auto it = index_.find(key);
        if (it == index_.end()) {
            return nullptr;
        }
        entries_.splice(entries_.begin(), entries_, it->second);
        return &it->second->value;
    }

    bool contains(std::string_view key) const { return index_.contains(key); }

    // Stores `value` as the most recently used entry (replacing one under the same key), then
    // forgets the oldest entries until the total cost is within the budget again. The new entry
    // stays even when it alone is over budget. Returns how many entries were forgotten.
    std::size_t insert(std::string key, Value value, std::size_t cost) {
        if (const auto it = index_.find(key); it != index_.end()) {
            erase(it->second);
        }
        entries_.push_front(Entry{std::move(key), std::move(value), cost});
        // The view points into the list node, which never moves while the entry lives.
        index_.emplace(std::string_view(entries_.front().key), entries_.begin());
        cost_ += cost;
        std::size_t forgotten = 0;
        while (cost_ > budget_ && entries_.size() > 1) {
            erase(std::prev(entries_.end()));
            ++forgotten;
        }
        return forgotten;
    }

    void erase(std::string_view key) {
        if (const auto it = index_.find(key); it != index_.end()) {
            erase(it->second);
        }
    }

    void clear() {
        index_.clear();
        entries_.clear();
        cost_ = 0;
    }

    std::size_t size() const { return entries_.size(); }
    std::size_t cost() const { return cost_; }
    std::size_t budget() const { return budget_; }

private:
    struct Entry {
        std::string key;
        Value value;
        std::size_t cost = 0;
    };
    using Iterator = typename std::list<Entry>::iterator;

    void erase(Iterator entry) {
        cost_ -= entry->cost;
        index_.erase(std::string_view(entry->key));
        entries_.erase(entry);
    }

    std::size_t budget_;
    std::size_t cost_ = 0;
    std::list<Entry> entries_;  // most recently used first
    std::unordered_map<std::string_view, Iterator> index_;
};

}  // namespace aff
