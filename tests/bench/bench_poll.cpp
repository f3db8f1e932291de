// Prints what a poll answered with 304 costs a kiosk: bytes on the wire and CPU time. It serves
// the signed demo feed from a real nginx on loopback (etag on, as in assets/nginx), applies it
// once, then polls N times through the Syncer exactly as kiosk-sync does.
//   bench_poll [--polls N]
#include "sync/syncer.hpp"

#include "tests/support/nginx_server.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/bench/median.hpp"

namespace {

using aff::bench::median;

namespace fs = std::filesystem;

double cpu_ms() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto ms = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_usec) / 1000.0;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

}  // namespace

int main(int argc, char** argv) {
    int polls = 50;
    if (argc == 3 && std::string(argv[1]) == "--polls") polls = std::max(1, std::atoi(argv[2]));
    const fs::path work = fs::temp_directory_path() / "aff-bench-poll";
    fs::remove_all(work);
    fs::create_directories(work / "www");
    const fs::path demo = fs::path(AFF_SOURCE_DATADIR) / "demo";
    fs::copy(demo / "feed.json", work / "www" / "feed.json");
    fs::copy(demo / "feed.json.minisig", work / "www" / "feed.json.minisig");
    fs::copy(demo / "posters", work / "www" / "posters");

    std::ifstream key_file(demo / "keys" / "demo-NOT-FOR-PRODUCTION.pub");
    std::string key_text{std::istreambuf_iterator<char>(key_file), {}};
    std::string error;
    auto key = aff::minisign::parse_public_key(key_text, error);
    if (!key) {
        std::fprintf(stderr, "bench_poll: demo key: %s\n", error.c_str());
        return 1;
    }

    aff::test::NginxServer nginx(work / "www", work / "nginx");
    aff::SyncConfig config;
    config.feed_url = nginx.url("/feed.json");
    config.key = *key;
    config.assets_dir = (work / "assets").string();
    auto store = aff::Store::open((work / "cache.db").string());
    aff::HttpClient http;
    aff::SystemClock clock;
    aff::Syncer syncer(config, store, http, clock);

    const auto first = syncer.run_once();
    if (first.outcome != aff::SyncOutcome::applied) {
        std::fprintf(stderr, "bench_poll: first sync: %s\n", first.message.c_str());
        return 1;
    }
    std::vector<double> cpu, bytes;
    for (int i = 0; i < polls; ++i) {
        const double before = cpu_ms();
        const auto report = syncer.run_once();
        cpu.push_back(cpu_ms() - before);
        bytes.push_back(static_cast<double>(report.bytes_received));
        if (report.outcome != aff::SyncOutcome::unchanged) {
            std::fprintf(stderr, "bench_poll: expected unchanged, got %s\n", report.message.c_str());
            return 1;
        }
    }
    std::printf("first sync of the demo feed (369 screenings, 6 posters): %llu bytes received\n",
                static_cast<unsigned long long>(first.bytes_received));
    std::printf("poll answered 304, %d polls over keep-alive: %.0f bytes received (median), "
                "CPU %.2f ms median (max %.2f)\n",
                polls, median(bytes), median(cpu), *std::max_element(cpu.begin(), cpu.end()));
    fs::remove_all(work);
    return 0;
}
