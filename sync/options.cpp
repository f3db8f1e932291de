#include "sync/options.hpp"

#include "sync/grammar.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <vector>

namespace aff::options {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    while (!text.empty() && text.back() == ' ') {
        text.pop_back();
    }
    return text;
}

// A problem the config file reader found, at a line of the file (the path is added later).
struct FileProblem {
    int line = 0;
    std::string message;
};

// CLI11's TOML reader, with the checks that make a typo an error rather than a surprise, and
// a record of which options took their value from the file (to name the file in an error).
class ConfigFile final : public CLI::ConfigTOML {
public:
    explicit ConfigFile(CLI::App& app) : app_(app) {}

    std::vector<CLI::ConfigItem> from_config(std::istream& input) const override {
        const std::string text{std::istreambuf_iterator<char>(input),
                               std::istreambuf_iterator<char>()};
        const Scan lines = scan(text);
        std::istringstream copy(text);
        std::vector<CLI::ConfigItem> items = CLI::ConfigTOML::from_config(copy);
        for (const CLI::ConfigItem& item : items) {
            check(item, lines);
        }
        return items;
    }

    bool from_file(const std::string& name) const { return from_file_.contains(name); }

private:
    // The line of each key ("section.key" inside a section) and of each "[section]"; throws a
    // FileProblem for a line that is no key = value, or a '#' in a quoted value (CLI11's reader
    // would take it for a comment and cut the value short).
    struct Scan {
        std::map<std::string, int> lines;
        std::set<std::string> quoted;  // keys whose value is a string
    };
    static Scan scan(const std::string& text) {
        Scan result;
        auto& lines = result.lines;
        std::istringstream in(text);
        std::string raw;
        std::string section;
        int number = 0;
        while (std::getline(in, raw)) {
            ++number;
            const std::string_view line = trim(raw);
            if (line.empty() || line.front() == '#' || line.front() == ';') {
                continue;
            }
            if (line.front() == '[' && line.back() == ']') {
                section = std::string(trim(line.substr(1, line.size() - 2)));
                if (section.size() > 1 && section.front() == '[' && section.back() == ']') {
                    section = section.substr(1, section.size() - 2);
                }
                lines.try_emplace("[" + section + "]", number);
                continue;
            }
            const auto equals = line.find('=');
            if (equals == std::string_view::npos) {
                if (line.back() == ']' || line.back() == ',' || line.front() == '"') {
                    continue;  // the rest of an array over several lines
                }
                throw FileProblem{number, bad_value(line, "is not key = value")};
            }
            const std::string name(trim(line.substr(0, equals)));
            const std::string_view value = trim(line.substr(equals + 1));
            const std::string key = section.empty() ? name : section + "." + name;
            if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
                result.quoted.insert(key);
                const auto close = value.find(value.front(), 1);
                const auto hash = value.find('#');
                if (hash != std::string_view::npos && (close == std::string_view::npos ||
                                                       hash < close)) {
                    throw FileProblem{number,
                                      name + ": a '#' inside a quoted value is not supported"};
                }
            }
            lines.try_emplace(key, number);
        }
        return result;
    }

    static bool is_number(CLI::Option& option) {
        try {
            option.get_validator(std::string(number_validator));
            return true;
        } catch (const CLI::OptionNotFound&) {
            return false;
        }
    }

    void check(const CLI::ConfigItem& item, const Scan& scanned) const {
        const auto line_of = [&](const std::string& key) {
            const auto it = scanned.lines.find(key);
            return it == scanned.lines.end() ? 0 : it->second;
        };
        if (item.name == "++" || item.name == "--") {
            const std::string section = CLI::detail::join(item.parents, ".");
            throw FileProblem{line_of("[" + section + "]"),
                              "unknown section [" + section + "]: every key is at the top"};
        }
        const std::string key = item.fullname();
        CLI::Option* option =
            item.parents.empty() ? app_.get_option_no_throw("--" + item.name) : nullptr;
        if (option == nullptr || !option->get_configurable() || option == app_.get_help_ptr() ||
            option == app_.get_version_ptr() || option == app_.get_config_ptr()) {
            throw FileProblem{line_of(key), "unknown key '" + key + "'"};
        }
        if (option->get_expected_min() == 0) {
            if (item.inputs.size() != 1 || (item.inputs[0] != "true" && item.inputs[0] != "false")) {
                throw FileProblem{line_of(key),
                                  key + ": " + bad_value(CLI::detail::join(item.inputs, ","),
                                                         "is not true or false")};
            }
        } else if (option->get_items_expected_max() == 1 && item.inputs.size() != 1) {
            throw FileProblem{line_of(key), key + ": expected one value, not an array"};
        } else if (scanned.quoted.contains(key) && is_number(*option)) {
            throw FileProblem{line_of(key), key + ": expected a number, not a string"};
        }
        if (option->count() == 0) {  // the command line did not give it: the file does
            from_file_.insert(item.name);
        }
    }

    CLI::App& app_;
    mutable std::set<std::string> from_file_;
};

std::string config_path(const CLI::App& app) {
    const CLI::Option* config = app.get_config_ptr();
    return config != nullptr && config->count() > 0 ? config->as<std::string>() : std::string();
}

// "--size: why" as CLI11 words a failed check, with the file and key when the file gave it.
std::string attributed(const CLI::App& app, const std::string& message) {
    const auto file = std::dynamic_pointer_cast<ConfigFile>(app.get_config_formatter());
    const auto colon = message.find(':');
    if (file && message.starts_with("--") && colon != std::string::npos) {
        const std::string name = message.substr(2, colon - 2);
        if (file->from_file(name)) {
            return config_path(app) + ": " + name + message.substr(colon);
        }
    }
    return message;
}

}  // namespace

std::optional<int> parse_int(std::string_view text) {
    int value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end) {
        return std::nullopt;
    }
    return value;
}

std::string bad_value(std::string_view text, std::string_view why) {
    return "'" + std::string(text) + "' " + std::string(why);
}

CLI::Validator number_of(std::string_view unit, int low, int high) {
    const std::string why = "is not a number of " + std::string(unit) + " from " +
                            std::to_string(low) + " to " + std::to_string(high);
    const CLI::Range range(low, high);
    return CLI::Validator(
        [why, range](std::string& text) {
            const auto value = parse_int(text);
            if (!value || !range(std::to_string(*value)).empty()) {
                return bad_value(text, why);
            }
            text = std::to_string(*value);  // CLI11 would read "010" as octal
            return std::string();
        },
        "", std::string(number_validator));
}

CLI::Validator id_of(std::string_view what) {
    const std::string why = "is not a " + std::string(what) + " id (" + std::string(id_grammar) + ")";
    return CLI::Validator(
        [why](std::string& text) { return is_valid_id(text) ? std::string() : bad_value(text, why); },
        "");
}

CLI::Validator non_empty() {
    return CLI::Validator(
        [](std::string& text) {
            return trim(text).empty() ? std::string("must not be empty") : std::string();
        },
        "");
}

CLI::Validator feed_url() {
    return CLI::Validator(
        [](std::string& text) {
            const bool known = text.starts_with("https://") || text.starts_with("http://") ||
                               text.starts_with("file://");
            return known ? std::string()
                         : bad_value(text, "is not an https://, http:// or file:// URL");
        },
        "");
}

CLI::Validator existing_file() {
    return CLI::Validator(
        [](std::string& text) {
            std::error_code ec;
            const auto status = std::filesystem::status(text, ec);
            if (status.type() == std::filesystem::file_type::not_found) {
                return bad_value(text, "is not a file: there is no such file");
            }
            if (ec) {
                return bad_value(text, "is not a file: " + ec.message());
            }
            if (std::filesystem::is_directory(status)) {
                return bad_value(text, "is a directory, not a file");
            }
            return std::string();
        },
        "");
}

void add_sync_options(CLI::App& app, SyncOptions& o) {
    app.add_option("--feed-url", o.feed_url,
                   "the festival's signed feed: https://, http:// or file://")
        ->type_name("URL")
        ->check(feed_url());
    app.add_option("--public-key", o.public_key,
                   "the minisign public key feeds must be signed with (base64)")
        ->type_name("KEY")
        ->check(non_empty());
    app.add_option("--public-key-file", o.public_key_file, "the same, from a minisign .pub file")
        ->type_name("PATH")
        ->check(non_empty());
    app.add_option("--assets", o.assets, "the downloaded posters and plans, named by SHA-256")
        ->type_name("DIR")
        ->check(non_empty());
    app.add_option("--ca-file", o.ca_file,
                   "CA certificates (PEM) for the feed server (default: the system's)")
        ->type_name("PEM")
        ->check(non_empty())
        ->check(existing_file());
    app.add_option("--interval", o.interval, "seconds between feed polls (default 60)")
        ->type_name("N")
        ->transform(seconds(1, 86'400));
    app.add_option("--metrics", o.metrics,
                   "node_exporter textfile (.prom) written after every sync attempt")
        ->type_name("PATH")
        ->check(non_empty());
}

CLI::Option* add_config_file(CLI::App& app, const std::string& help) {
    CLI::Option* option = app.set_config("--config", "", help)->type_name("FILE");
    app.config_formatter(std::make_shared<ConfigFile>(app));
    app.allow_config_extras(CLI::config_extras_mode::error);
    return option;
}

std::vector<std::string> config_keys(const CLI::App& app) {
    std::vector<std::string> keys;
    for (const CLI::Option* option : app.get_options()) {
        if (option->get_configurable() && option != app.get_help_ptr() &&
            option != app.get_version_ptr() && option != app.get_config_ptr() &&
            !option->get_lnames().empty()) {
            keys.push_back(option->get_lnames().front());
        }
    }
    return keys;
}

Parsed parse(CLI::App& app, int argc, const char* const* argv) {
    Parsed parsed;
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        parsed.outcome = Parsed::Outcome::exit;
        parsed.output = app.help();
    } catch (const CLI::CallForVersion& e) {
        parsed.outcome = Parsed::Outcome::exit;
        parsed.output = std::string(e.what()) + "\n";
    } catch (const FileProblem& problem) {
        parsed.outcome = Parsed::Outcome::usage_error;
        parsed.error = one_line(config_path(app) + ":" + std::to_string(problem.line) + ": " +
                                problem.message);
    } catch (const CLI::FileError&) {
        parsed.outcome = Parsed::Outcome::usage_error;
        const std::string path = config_path(app);
        std::error_code ec;
        parsed.error = std::filesystem::is_directory(path, ec)
                           ? "--config: '" + path + "' is a directory, not a TOML file"
                           : "--config: cannot read '" + path + "'";
    } catch (const CLI::ValidationError& e) {
        parsed.outcome = Parsed::Outcome::usage_error;
        parsed.error = one_line(attributed(app, e.what()));
    } catch (const CLI::ParseError& e) {
        parsed.outcome = Parsed::Outcome::usage_error;
        parsed.error = one_line(attributed(app, e.what())) + " (see " + app.get_name() +
                       " --help)";
    }
    return parsed;
}

}  // namespace aff::options
