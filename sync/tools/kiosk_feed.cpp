// kiosk-feed: the programme office's tool for schedule feeds.
//   kiosk-feed validate FILE                  check a feed against the feed-v1 contract
//   kiosk-feed generate --screenings N [--seed S] [--output FILE]
//                                             write a synthetic feed for benchmarks and tests
// Exit codes: 0 valid (warnings allowed) or written, 1 the feed has errors, 2 usage or I/O error.
#include "sync/feed_gen.hpp"
#include "sync/feed_parse.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(bytes).str();
}

int validate(const std::string& path) {
    auto bytes = read_file(path);
    if (!bytes) {
        std::cerr << "kiosk-feed: cannot read " << path << "\n";
        return 2;
    }
    auto result = aff::parse_feed(*bytes);
    for (const auto& d : result.diagnostics) {
        bool error = d.severity == aff::Diagnostic::Severity::error;
        std::cout << (error ? "error: " : "warning: ") << d.to_string() << "\n";
    }
    std::cout << path << ": " << result.error_count() << " errors, " << result.warning_count()
              << " warnings";
    if (result.feed) {
        std::cout << "; sequence " << result.feed->sequence << ", "
                  << result.feed->venues.size() << " venues, " << result.feed->films.size()
                  << " films, " << result.feed->screenings.size() << " screenings";
    }
    std::cout << "\n";
    return result.ok() ? 0 : 1;
}

int generate(const aff::GenOptions& options, const std::string& output) {
    std::string text = aff::generate_feed(options).dump(1);
    text += '\n';
    if (output.empty() || output == "-") {
        std::cout << text;
        return std::cout ? 0 : 2;
    }
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        std::cerr << "kiosk-feed: cannot write " << output << "\n";
        return 2;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"kiosk-feed: check and make Almaty Film Festival schedule feeds (format v1)"};
    app.set_version_flag("--version", std::string("kiosk-feed ") + AFF_VERSION);
    app.require_subcommand(1);

    std::string file;
    auto* validate_cmd = app.add_subcommand("validate", "Check a feed; exit 1 if it has errors");
    validate_cmd->add_option("FILE", file, "The feed (JSON)")->required();

    aff::GenOptions gen;
    std::string output;
    auto* generate_cmd =
        app.add_subcommand("generate", "Write a synthetic feed of any size (deterministic)");
    generate_cmd->add_option("--screenings", gen.screenings, "How many screenings")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
    generate_cmd->add_option("--seed", gen.seed, "Random seed; the same seed, the same feed");
    generate_cmd->add_option("-o,--output", output, "Output file (default: standard output)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (*validate_cmd) return validate(file);
    return generate(gen, output);
}
