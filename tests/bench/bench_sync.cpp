// Prints how long the data path takes: validate + apply of the demo feed and of synthetic feeds.
//   bench_sync [--runs N] [--sizes 10000,100000] [--demo PATH]
// Figures are medians of N runs (default 5) on this machine; peak RSS is the whole process's.
#include "sync/feed_gen.hpp"
#include "sync/feed_parse.hpp"
#include "sync/store.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/bench/median.hpp"

namespace {

using aff::bench::median;

using Ms = std::chrono::duration<double, std::milli>;

struct Figures {
    double parse_ms = 0;
    double apply_ms = 0;
    std::size_t screenings = 0;
};

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

Figures run_once(const std::string& bytes, const std::string& db_path) {
    Figures f;
    auto t0 = std::chrono::steady_clock::now();
    // The 100k feed is larger than a kiosk takes (ParseLimits): measured all the same.
    aff::ParseLimits limits;
    limits.max_bytes = std::max(limits.max_bytes, bytes.size());
    auto result = aff::parse_feed(bytes, limits);
    auto t1 = std::chrono::steady_clock::now();
    if (!result.ok()) {
        std::fprintf(stderr, "bench_sync: feed does not validate: %s\n",
                     result.diagnostics.empty() ? "?" : result.diagnostics[0].to_string().c_str());
        std::exit(1);
    }
    std::filesystem::remove(db_path);
    std::filesystem::remove(db_path + "-wal");
    std::filesystem::remove(db_path + "-shm");
    auto store = aff::Store::open(db_path);
    auto t2 = std::chrono::steady_clock::now();
    store.apply(*result.feed, result.feed->generated_at);
    auto t3 = std::chrono::steady_clock::now();
    f.parse_ms = Ms(t1 - t0).count();
    f.apply_ms = Ms(t3 - t2).count();
    f.screenings = result.feed->screenings.size();
    return f;
}

void report(const char* name, const std::string& bytes, int runs, const std::string& db_path) {
    std::vector<double> parse, apply;
    std::size_t screenings = 0;
    for (int i = 0; i < runs; ++i) {
        auto f = run_once(bytes, db_path);
        parse.push_back(f.parse_ms);
        apply.push_back(f.apply_ms);
        screenings = f.screenings;
    }
    std::printf("%-14s %7zu screenings %6.2f MB  validate %8.1f ms  apply %8.1f ms  total %8.1f ms"
                "  peak RSS %6.1f MB\n",
                name, screenings, static_cast<double>(bytes.size()) / 1e6, median(parse),
                median(apply), median(parse) + median(apply),
                static_cast<double>(peak_rss_kb()) / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    std::vector<std::size_t> sizes{10000, 100000};
    std::string demo = std::string(AFF_SOURCE_DATADIR) + "/demo/feed.json";
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        std::string value = argv[i + 1];
        if (flag == "--runs") {
            runs = std::max(1, std::atoi(value.c_str()));
        } else if (flag == "--demo") {
            demo = value;
        } else if (flag == "--sizes") {
            sizes.clear();
            std::stringstream list(value);
            for (std::string item; std::getline(list, item, ',');) {
                sizes.push_back(static_cast<std::size_t>(std::strtoull(item.c_str(), nullptr, 10)));
            }
        } else {
            std::fprintf(stderr, "usage: bench_sync [--runs N] [--sizes A,B] [--demo PATH]\n");
            return 2;
        }
    }
    auto db = (std::filesystem::temp_directory_path() / "aff-bench-sync.db").string();
    std::printf("validate + apply, median of %d runs (SQLite WAL, synchronous=NORMAL)\n", runs);

    std::ifstream in(demo, std::ios::binary);
    std::stringstream demo_bytes;
    demo_bytes << in.rdbuf();
    if (!in) {
        std::fprintf(stderr, "bench_sync: cannot read %s\n", demo.c_str());
        return 1;
    }
    report("demo festival", demo_bytes.str(), runs, db);

    for (auto n : sizes) {
        auto bytes = aff::generate_feed({.screenings = n, .seed = 1}).dump();
        char name[32];
        std::snprintf(name, sizeof name, "synthetic %zuk", n / 1000);
        report(name, bytes, runs, db);
    }
    std::filesystem::remove(db);
    std::filesystem::remove(db + "-wal");
    std::filesystem::remove(db + "-shm");
    return 0;
}
