// Prints the time from process start to the first full frame in screenshot mode, and that run's
// peak RSS: it starts the real kiosk binary, as a person would, several times.
//   bench_first_frame [--runs N] [--size 1920x1080] [--kiosk PATH]
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/bench/median.hpp"

namespace {

using aff::bench::median;

struct Run {
    double wall_ms = 0;
    double peak_rss_mb = 0;
    int status = 0;
};

Run run_kiosk(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    auto t0 = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        // Keep the kiosk's "wrote ..." lines out of the figures; errors still show.
        if (int null = open("/dev/null", O_WRONLY); null >= 0) dup2(null, STDOUT_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    auto t1 = std::chrono::steady_clock::now();
    return {std::chrono::duration<double, std::milli>(t1 - t0).count(),
            static_cast<double>(usage.ru_maxrss) / 1024.0, status};
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 7;
    std::string size = "1920x1080";
    std::string kiosk = AFF_KIOSK_BINARY;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
        else if (flag == "--size") size = argv[i + 1];
        else if (flag == "--kiosk") kiosk = argv[i + 1];
        else {
            std::fprintf(stderr, "usage: bench_first_frame [--runs N] [--size WxH] [--kiosk PATH]\n");
            return 2;
        }
    }
    auto dir = std::filesystem::temp_directory_path() / "aff-bench-first-frame";
    std::filesystem::create_directories(dir);
    auto db = (dir / "cache.db").string();
    auto png = (dir / "board.png").string();
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    std::vector<std::string> args{kiosk, "--screenshot", png, "--db", db, "--size", size,
                                  "--at", "2018-09-15T18:00:00+06:00", "--lang", "kk"};

    // The first run fills the cache from the demo feed; the kiosk normally starts with a full one.
    auto warm = run_kiosk(args);
    if (!WIFEXITED(warm.status) || WEXITSTATUS(warm.status) != 0) {
        std::fprintf(stderr, "bench_first_frame: %s failed\n", kiosk.c_str());
        return 1;
    }
    std::vector<double> wall, rss;
    for (int i = 0; i < runs; ++i) {
        auto r = run_kiosk(args);
        wall.push_back(r.wall_ms);
        rss.push_back(r.peak_rss_mb);
    }
    std::printf("first %s frame in screenshot mode, process start to PNG written, %d runs:\n",
                size.c_str(), runs);
    std::printf("  wall   median %6.1f ms  (min %6.1f, max %6.1f)\n", median(wall),
                *std::min_element(wall.begin(), wall.end()),
                *std::max_element(wall.begin(), wall.end()));
    std::printf("  peak RSS median %5.1f MB  (max %5.1f)\n", median(rss),
                *std::max_element(rss.begin(), rss.end()));
    std::printf("  first start, filling an empty cache from the demo feed: %.1f ms, %.1f MB\n",
                warm.wall_ms, warm.peak_rss_mb);
    std::filesystem::remove_all(dir);
    return 0;
}
