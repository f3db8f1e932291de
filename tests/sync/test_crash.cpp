// kill -9 at any point of an apply: the cache must pass integrity_check and hold the old feed or
// the new one, whole. Each run forks a child that applies feed B over feed A and kills itself
// (SIGKILL, as the kernel would on a power cut of the process) at a chosen step; the parent then
// opens what is left. Two ways of choosing the step, so the kills land everywhere:
//  - SQLite's progress handler, at every few thousandth virtual-machine instruction of the apply;
//  - a VFS shim, at a chosen write, truncate or sync of any file (database, WAL, shared memory),
//    which covers the commit's writes and the checkpoint after it, where no instruction runs.
#include "sync/feed_gen.hpp"
#include "sync/feed_parse.hpp"
#include "sync/store.hpp"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

// CppUTest last: its leak-detecting `new` macro must not meet the standard headers.
#include "tests/support/preload_tz.hpp"

#include <CppUTest/TestHarness.h>

namespace aff {
namespace {

constexpr int kill_runs = 200;

// Counts steps and kills the process at step `kill_at` (never when it is 0).
struct KillSwitch {
    std::int64_t count = 0;
    std::int64_t kill_at = 0;
    void tick() {
        if (++count == kill_at) {
            std::raise(SIGKILL);
        }
    }
};

int on_progress(void* kill_switch) {
    static_cast<KillSwitch*>(kill_switch)->tick();
    return 0;
}

// ---- The VFS shim: the default VFS, with a KillSwitch tick before every write, truncate and
// sync. Only ever registered in a child process. ----

struct ShimVfsData {
    sqlite3_vfs* real = nullptr;
    KillSwitch* kill_switch = nullptr;
};

struct ShimFile {
    sqlite3_file base;
    sqlite3_file* real;
    KillSwitch* kill_switch;
};

ShimFile* shim(sqlite3_file* file) {
    return reinterpret_cast<ShimFile*>(file);
}
sqlite3_file* real(sqlite3_file* file) {
    return shim(file)->real;
}
const sqlite3_io_methods* real_methods(sqlite3_file* file) {
    return real(file)->pMethods;
}

int shim_close(sqlite3_file* f) {
    return real_methods(f)->xClose(real(f));
}
int shim_read(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset) {
    return real_methods(f)->xRead(real(f), buf, amount, offset);
}
int shim_write(sqlite3_file* f, const void* buf, int amount, sqlite3_int64 offset) {
    shim(f)->kill_switch->tick();
    return real_methods(f)->xWrite(real(f), buf, amount, offset);
}
int shim_truncate(sqlite3_file* f, sqlite3_int64 size) {
    shim(f)->kill_switch->tick();
    return real_methods(f)->xTruncate(real(f), size);
}
int shim_sync(sqlite3_file* f, int flags) {
    shim(f)->kill_switch->tick();
    return real_methods(f)->xSync(real(f), flags);
}
int shim_file_size(sqlite3_file* f, sqlite3_int64* size) {
    return real_methods(f)->xFileSize(real(f), size);
}
int shim_lock(sqlite3_file* f, int lock) {
    return real_methods(f)->xLock(real(f), lock);
}
int shim_unlock(sqlite3_file* f, int lock) {
    return real_methods(f)->xUnlock(real(f), lock);
}
int shim_check_reserved_lock(sqlite3_file* f, int* out) {
    return real_methods(f)->xCheckReservedLock(real(f), out);
}
int shim_file_control(sqlite3_file* f, int op, void* arg) {
    return real_methods(f)->xFileControl(real(f), op, arg);
}
int shim_sector_size(sqlite3_file* f) {
    return real_methods(f)->xSectorSize(real(f));
}
int shim_device_characteristics(sqlite3_file* f) {
    return real_methods(f)->xDeviceCharacteristics(real(f));
}
int shim_shm_map(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return real_methods(f)->xShmMap(real(f), region, size, extend, out);
}
int shim_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return real_methods(f)->xShmLock(real(f), offset, n, flags);
}
void shim_shm_barrier(sqlite3_file* f) {
    real_methods(f)->xShmBarrier(real(f));
}
int shim_shm_unmap(sqlite3_file* f, int delete_flag) {
    return real_methods(f)->xShmUnmap(real(f), delete_flag);
}
// No memory-mapped reads: every page goes through xRead, so there is nothing to forward.
int shim_fetch(sqlite3_file*, sqlite3_int64, int, void** out) {
    *out = nullptr;
    return SQLITE_OK;
}
int shim_unfetch(sqlite3_file*, sqlite3_int64, void*) {
    return SQLITE_OK;
}

const sqlite3_io_methods shim_io_methods = {
    3,
    shim_close,
    shim_read,
    shim_write,
    shim_truncate,
    shim_sync,
    shim_file_size,
    shim_lock,
    shim_unlock,
    shim_check_reserved_lock,
    shim_file_control,
    shim_sector_size,
    shim_device_characteristics,
    shim_shm_map,
    shim_shm_lock,
    shim_shm_barrier,
    shim_shm_unmap,
    shim_fetch,
    shim_unfetch,
};

ShimVfsData* vfs_data(sqlite3_vfs* vfs) {
    return static_cast<ShimVfsData*>(vfs->pAppData);
}
sqlite3_vfs* real_vfs(sqlite3_vfs* vfs) {
    return vfs_data(vfs)->real;
}

int shim_open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags,
              int* out_flags) {
    auto* wrapper = shim(file);
    wrapper->base.pMethods = nullptr;
    wrapper->real = reinterpret_cast<sqlite3_file*>(wrapper + 1);
    wrapper->kill_switch = vfs_data(vfs)->kill_switch;
    const int rc = real_vfs(vfs)->xOpen(real_vfs(vfs), name, wrapper->real, flags, out_flags);
    if (wrapper->real->pMethods != nullptr) {
        wrapper->base.pMethods = &shim_io_methods;
    }
    return rc;
}
int shim_delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
    return real_vfs(vfs)->xDelete(real_vfs(vfs), name, sync_dir);
}
int shim_access(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
    return real_vfs(vfs)->xAccess(real_vfs(vfs), name, flags, out);
}
int shim_full_pathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
    return real_vfs(vfs)->xFullPathname(real_vfs(vfs), name, size, out);
}
int shim_randomness(sqlite3_vfs* vfs, int size, char* out) {
    return real_vfs(vfs)->xRandomness(real_vfs(vfs), size, out);
}
int shim_sleep(sqlite3_vfs* vfs, int microseconds) {
    return real_vfs(vfs)->xSleep(real_vfs(vfs), microseconds);
}
int shim_current_time(sqlite3_vfs* vfs, double* out) {
    return real_vfs(vfs)->xCurrentTime(real_vfs(vfs), out);
}
int shim_get_last_error(sqlite3_vfs* vfs, int size, char* out) {
    return real_vfs(vfs)->xGetLastError(real_vfs(vfs), size, out);
}
int shim_current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* out) {
    return real_vfs(vfs)->xCurrentTimeInt64(real_vfs(vfs), out);
}

// Makes the shim the default VFS of this (child) process for good.
void install_shim(ShimVfsData& data, sqlite3_vfs& vfs) {
    data.real = sqlite3_vfs_find(nullptr);
    vfs = sqlite3_vfs{};
    vfs.iVersion = 2;
    vfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + data.real->szOsFile;
    vfs.mxPathname = data.real->mxPathname;
    vfs.zName = "crash-shim";
    vfs.pAppData = &data;
    vfs.xOpen = shim_open;
    vfs.xDelete = shim_delete;
    vfs.xAccess = shim_access;
    vfs.xFullPathname = shim_full_pathname;
    vfs.xRandomness = shim_randomness;
    vfs.xSleep = shim_sleep;
    vfs.xCurrentTime = shim_current_time;
    vfs.xGetLastError = shim_get_last_error;
    vfs.xCurrentTimeInt64 = shim_current_time_int64;
    sqlite3_vfs_register(&vfs, 1);
}

// ---- The runs ----

enum class KillBy : std::uint8_t { vm_step, file_write };

Feed synthetic_feed(std::size_t screenings, std::uint64_t seed, std::int64_t sequence) {
    auto json = generate_feed(GenOptions{screenings, seed, 0});
    json["sequence"] = sequence;
    auto parsed = parse_feed(json.dump());
    if (!parsed.ok()) {
        throw std::runtime_error("the generated feed does not parse");
    }
    return std::move(*parsed.feed);
}

const Instant applied_at{std::chrono::seconds{1'537'000'000}};

// In the child: applies `feed` over the cache at `path`, then checkpoints the WAL into the
// database, dying at step `kill_at` (0: never). Reports the number of steps it took on `report`
// (when >= 0) and exits 0 after a full apply. Never returns.
[[noreturn]] void child_apply(const std::string& path, const Feed& feed, KillBy by,
                              std::int64_t kill_at, int report) {
    KillSwitch kill_switch{0, kill_at};
    ShimVfsData data{nullptr, &kill_switch};
    sqlite3_vfs vfs{};
    try {
        if (by == KillBy::file_write) {
            install_shim(data, vfs);
        }
        Store store = Store::open(path);
        if (by == KillBy::vm_step) {
            sqlite3_progress_handler(store.handle(), 1, on_progress, &kill_switch);
        }
        store.apply(feed, applied_at);
        if (sqlite3_wal_checkpoint_v2(store.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr,
                                      nullptr) != SQLITE_OK) {
            _exit(4);
        }
    } catch (...) {
        _exit(3);
    }
    if (report >= 0) {
        const auto written = write(report, &kill_switch.count, sizeof kill_switch.count);
        _exit(written == static_cast<ssize_t>(sizeof kill_switch.count) ? 0 : 5);
    }
    _exit(0);
}

// What a cache holds, in a few numbers that differ between the two feeds.
std::string fingerprint(const Store& store) {
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(store.handle(),
                       "SELECT (SELECT sequence FROM feed_meta), (SELECT count(*) FROM screenings),"
                       " (SELECT total(starts_at) FROM screenings), (SELECT count(*) FROM films),"
                       " (SELECT count(*) FROM halls), (SELECT group_concat(id) FROM venues)",
                       -1, &raw, nullptr);
    std::string text;
    if (raw != nullptr && sqlite3_step(raw) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(raw); ++i) {
            const auto* value = sqlite3_column_text(raw, i);
            text += value != nullptr ? reinterpret_cast<const char*>(value) : "NULL";
            text += "|";
        }
    }
    sqlite3_finalize(raw);
    return text;
}

std::string integrity(const Store& store) {
    sqlite3_stmt* raw = nullptr;
    sqlite3_prepare_v2(store.handle(), "PRAGMA integrity_check", -1, &raw, nullptr);
    std::string verdict = "(no answer)";
    if (raw != nullptr && sqlite3_step(raw) == SQLITE_ROW) {
        verdict = reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
    }
    sqlite3_finalize(raw);
    return verdict;
}

void remove_cache(const std::string& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(path + suffix, ignored);
    }
}

struct Child {
    bool killed = false;
    bool completed = false;
    int exit_code = -1;
};

Child wait_for(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            FAIL("waitpid failed");
        }
    }
    Child child;
    child.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    child.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    child.completed = child.exit_code == 0;
    return child;
}

}  // namespace

TEST_GROUP(CrashLoop) {
    std::string dir;
    std::string base;  // feed A, checkpointed, the starting point of every run
    std::string work;
    Feed* feed_b = nullptr;
    std::string fingerprint_a;
    std::string fingerprint_b;

    void setup() override {
        test::preload_time_zones();
        dir = std::string(AFF_TEST_TMPDIR) + "/crash-" + std::to_string(getpid());
        std::filesystem::create_directories(dir);
        base = dir + "/base.db";
        work = dir + "/work.db";
        const Feed feed_a = synthetic_feed(2000, 1, 1);
        feed_b = new Feed(synthetic_feed(2400, 2, 2));
        {
            Store store = Store::open(base);
            store.apply(feed_a, applied_at);
            fingerprint_a = fingerprint(store);
        }
        {
            const std::string full_b = dir + "/b.db";
            Store store = Store::open(full_b);
            store.apply(*feed_b, applied_at);
            fingerprint_b = fingerprint(store);
        }
    }

    void teardown() override {
        delete feed_b;
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }

    void reset_work() const {
        remove_cache(work);
        std::filesystem::copy_file(base, work, std::filesystem::copy_options::overwrite_existing);
    }

    // The steps a full apply of B over A takes, counted by an unkilled child.
    std::int64_t count_steps(KillBy by) const {
        reset_work();
        int fds[2];
        CHECK(pipe(fds) == 0);
        const pid_t pid = fork();
        CHECK(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            child_apply(work, *feed_b, by, 0, fds[1]);
        }
        close(fds[1]);
        std::int64_t steps = 0;
        const auto got = read(fds[0], &steps, sizeof steps);
        close(fds[0]);
        const Child child = wait_for(pid);
        LONGS_EQUAL(0, child.exit_code);
        CHECK(got == static_cast<ssize_t>(sizeof steps));
        STRCMP_EQUAL(fingerprint_b.c_str(), fingerprint(Store::open(work)).c_str());
        return steps;
    }

    // Kills `kill_runs` children spread evenly over the whole apply and checks every cache left
    // behind. Returns the number of kills.
    int kill_loop(KillBy by, const char* what) const {
        const std::int64_t total = count_steps(by);
        CHECK(total > kill_runs);
        int kills = 0;
        int old_feed = 0;
        int new_feed = 0;
        for (int i = 0; i < kill_runs; ++i) {
            const std::int64_t kill_at = 1 + i * total / kill_runs;
            reset_work();
            const pid_t pid = fork();
            CHECK(pid >= 0);
            if (pid == 0) {
                child_apply(work, *feed_b, by, kill_at, -1);
            }
            const Child child = wait_for(pid);
            CHECK_TEXT(child.killed, ("run " + std::to_string(i) + " at step " +
                                      std::to_string(kill_at) + " was not killed (exit " +
                                      std::to_string(child.exit_code) + ")")
                                         .c_str());
            kills += child.killed ? 1 : 0;

            const Store store = Store::open(work);
            STRCMP_EQUAL("ok", integrity(store).c_str());
            const std::string held = fingerprint(store);
            CHECK_TEXT(held == fingerprint_a || held == fingerprint_b,
                       ("run " + std::to_string(i) + " left a mix: " + held).c_str());
            (held == fingerprint_a ? old_feed : new_feed) += 1;
        }
        std::printf("\nCrashLoop (%s): %d steps, %d kills survived, %d left the old feed, "
                    "%d the new one\n",
                    what, static_cast<int>(total), kills, old_feed, new_feed);
        return kills;
    }
};

TEST(CrashLoop, KillAtAnyInstructionOfAnApplyLeavesTheOldFeedOrTheNewOneWhole) {
    LONGS_EQUAL(kill_runs, kill_loop(KillBy::vm_step, "SQLite instructions"));
}

TEST(CrashLoop, KillAtAnyFileWriteOfAnApplyAndItsCheckpointLeavesTheOldFeedOrTheNewOneWhole) {
    LONGS_EQUAL(kill_runs, kill_loop(KillBy::file_write, "file writes and syncs"));
}

}  // namespace aff
