// The bytes of a feed read into a JSON document: the size limit, UTF-8 without a byte-order mark,
// then a streaming (SAX) pass that enforces the nesting limit and reports duplicate keys with
// their path, then the tree. Nothing when the bytes are not a JSON object; the reasons are in the
// report.
#pragma once

#include "sync/feed/report.hpp"
#include "sync/feed_parse.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace aff::feed_detail {

std::optional<nlohmann::json> read_document(std::string_view bytes, const ParseLimits& limits,
                                            Report& report);

}  // namespace aff::feed_detail
