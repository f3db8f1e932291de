// The real kiosk binary started for a benchmark, with its output on a pipe read line by line: the
// kiosk says on stdout when its first frame is on screen and how many frames it drew when it
// quits, and in SDL's log which video driver and renderer it got, so a benchmark learns all of
// it without looking inside the kiosk.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aff::bench {

// What a windowed kiosk needs on this machine: the source tree's data, whatever may be installed,
// and SDL's offscreen video driver unless there is an X display to open a real window on.
inline void kiosk_window_environment() {
    setenv("AFF_DATADIR", AFF_SOURCE_DATADIR, 1);
    if (std::getenv("DISPLAY") == nullptr) {
        setenv("SDL_VIDEODRIVER", "offscreen", 0);
    }
}

// CPU time (user + system, all threads) a running process has used so far, from /proc: the
// kernel counts it in clock ticks, so it is exact to 1/CLK_TCK s (10 ms here).
inline std::optional<double> process_cpu_seconds(pid_t pid) {
    const std::string path = "/proc/" + std::to_string(pid) + "/stat";
    const int fd = open(path.c_str(), O_RDONLY);
    if (fd < 0) return std::nullopt;
    char buffer[1024];
    const ssize_t n = read(fd, buffer, sizeof buffer - 1);
    close(fd);
    if (n <= 0) return std::nullopt;
    const std::string stat(buffer, static_cast<std::size_t>(n));
    // The command name (field 2) is in parentheses and may hold spaces; fields count from there.
    std::size_t pos = stat.rfind(')');
    if (pos == std::string::npos) return std::nullopt;
    std::vector<std::string> fields;  // fields[0] is field 3, the state
    for (pos += 2; pos < stat.size();) {
        const std::size_t end = stat.find(' ', pos);
        fields.push_back(stat.substr(pos, end == std::string::npos ? end : end - pos));
        if (end == std::string::npos) break;
        pos = end + 1;
    }
    if (fields.size() < 13) return std::nullopt;
    const double utime = std::strtod(fields[11].c_str(), nullptr);  // field 14
    const double stime = std::strtod(fields[12].c_str(), nullptr);  // field 15
    return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// A running process's resident memory from /proc/<pid>/status, in MB: all of it, what is not
// backed by a file (heap, textures in memory) and what is (shared libraries), so a figure that
// a library inflates (Mesa's software OpenGL maps 60 MB of LLVM) can be told apart.
struct Memory {
    double rss_mb = 0, anon_mb = 0, file_mb = 0;
};

inline std::optional<Memory> process_memory(pid_t pid) {
    const std::string path = "/proc/" + std::to_string(pid) + "/status";
    FILE* status = std::fopen(path.c_str(), "r");
    if (status == nullptr) return std::nullopt;
    Memory memory;
    char line[256];
    while (std::fgets(line, sizeof line, status) != nullptr) {
        const auto field = [&](const char* format, double& mb) {
            long kb = 0;
            if (std::sscanf(line, format, &kb) == 1) mb = static_cast<double>(kb) / 1024.0;
        };
        field("VmRSS: %ld kB", memory.rss_mb);
        field("RssAnon: %ld kB", memory.anon_mb);
        field("RssFile: %ld kB", memory.file_mb);
    }
    std::fclose(status);
    return memory;
}

class KioskProcess {
public:
    using Clock = std::chrono::steady_clock;

    struct Exit {
        bool reaped = false;  // false: it did not quit within the time given (it is killed)
        int status = 0;
        rusage usage{};
        double cpu_seconds() const {
            const auto s = [](const timeval& t) {
                return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
            };
            return s(usage.ru_utime) + s(usage.ru_stime);
        }
        double peak_rss_mb() const { return static_cast<double>(usage.ru_maxrss) / 1024.0; }
    };

    // Starts `args` (args[0] is the binary) with its stdout and stderr on our pipe.
    explicit KioskProcess(const std::vector<std::string>& args) {
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        int fds[2];
        if (pipe(fds) != 0) return;
        started_ = Clock::now();
        pid_ = fork();
        if (pid_ == 0) {
            dup2(fds[1], STDOUT_FILENO);
            dup2(fds[1], STDERR_FILENO);
            close(fds[0]);
            close(fds[1]);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(fds[1]);
        fd_ = fds[0];
        if (pid_ < 0) eof_ = true;
    }
    KioskProcess(const KioskProcess&) = delete;
    KioskProcess& operator=(const KioskProcess&) = delete;
    ~KioskProcess() {
        if (pid_ > 0 && !reaped_) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        if (fd_ >= 0) close(fd_);
    }

    pid_t pid() const { return pid_; }
    Clock::time_point started() const { return started_; }  // just before the fork
    bool eof() const { return eof_; }
    // Every line read so far, for a report or for the reason it failed.
    const std::vector<std::string>& lines() const { return lines_; }
    // The first line read so far that contains `needle`, or empty.
    std::string line_with(std::string_view needle) const {
        for (const auto& line : lines_) {
            if (line.find(needle) != std::string::npos) return line;
        }
        return {};
    }
    // Shows every line read so far on our stderr: why a run failed.
    void show_lines() const {
        for (const auto& line : lines_) std::fprintf(stderr, "  | %s\n", line.c_str());
    }

    // The next whole line of the kiosk's stdout, without its newline; nothing once `deadline`
    // has passed or the kiosk closed its stdout (eof()).
    std::optional<std::string> next_line(Clock::time_point deadline) {
        while (true) {
            if (const std::size_t nl = pending_.find('\n'); nl != std::string::npos) {
                lines_.push_back(pending_.substr(0, nl));
                pending_.erase(0, nl + 1);
                return lines_.back();
            }
            if (eof_) return std::nullopt;
            const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0) return std::nullopt;
            pollfd p{fd_, POLLIN, 0};
            const int ready = poll(&p, 1, static_cast<int>(left.count()));
            if (ready < 0 && errno != EINTR) eof_ = true;
            if (ready <= 0) continue;
            char buffer[4096];
            const ssize_t n = read(fd_, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                eof_ = true;
                if (!pending_.empty()) pending_ += '\n';  // a last line without its newline
                continue;
            }
            pending_.append(buffer, static_cast<std::size_t>(n));
        }
    }

    // The first line containing `needle` before `deadline`, reading past the others.
    std::optional<std::string> wait_for(std::string_view needle, Clock::time_point deadline) {
        while (auto line = next_line(deadline)) {
            if (line->find(needle) != std::string::npos) return line;
        }
        return std::nullopt;
    }

    // Sends SIGTERM (the kiosk quits cleanly on it), reads the lines it writes until it has
    // gone, and reaps it.
    Exit terminate() {
        Exit exit;
        if (pid_ <= 0) return exit;
        kill(pid_, SIGTERM);
        // Waiting no longer than this for a clean exit; the destructor kills a kiosk that hangs.
        const auto deadline = Clock::now() + std::chrono::seconds(10);
        while (next_line(deadline)) {}
        if (!eof_) return exit;
        reaped_ = wait4(pid_, &exit.status, 0, &exit.usage) == pid_;
        exit.reaped = reaped_;
        return exit;
    }

private:
    pid_t pid_ = -1;
    int fd_ = -1;
    bool eof_ = false;
    bool reaped_ = false;
    Clock::time_point started_{};
    std::string pending_;
    std::vector<std::string> lines_;
};

}  // namespace aff::bench
