// Import throughput: parsing AKOV qualification documents ("beroepskwalificaties") and writing
// them into a fresh SQLite store.
//
// The corpus is 1000 synthetic documents derived deterministically from the real
// data/sources/BK-0338-3-syndicaal-deskundige.txt: its real lines are recombined (sampled and
// shuffled competences, activities, knowledge and context lines; varied titles, levels and
// years; unique codes BK-1000-v ... BK-1999-v) in exactly its text layout. The descriptor
// sections list exactly the activities and knowledge the competences use, so every document
// parses without warnings; this is checked once before the benchmarks run.
//
// The sources directory is $VAKKAART_SOURCES_DIR, else data/sources under the working
// directory, else data/sources two levels above the executable (build/bench/import_bench).
// Setting $VAKKAART_BENCH_DUMP_DIR writes the generated documents there (for inspection).

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sources/format.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;
using vakkaart::sources::Format;
using vakkaart::sources::ParseResult;
using vakkaart::sources::ReportNote;

constexpr int kDocumentCount = 1000;
constexpr int kFirstCode = 1000;
constexpr std::uint32_t kSeed = 20240611;
constexpr const char* kTemplateFile = "BK-0338-3-syndicaal-deskundige.txt";
constexpr const char* kBullet = "\xE2\x80\xA2";  // •

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "import_bench: %s\n", message.c_str());
  std::exit(1);
}

// --- the template: the real document, cut into its parts ----------------------------------------

struct TemplateCompetence {
  std::string title;
  std::vector<std::string> activities;
  std::vector<std::string> knowledge;
};

enum class Part {
  header,
  title,
  definition,
  level,
  recognition,
  competences,
  general_knowledge,
  specific_knowledge,
  cognitive,
  problem_solving,
  motor,
  environment_context,
  action_context,
  independent_in,
  bound_to,
  relies_on,
  responsibility,
  certificates,
  other,
};

struct Template {
  std::string title;
  std::string spacer_line;   // the line of a lone no-break space under the title
  std::string version_line;  // " Dit is de actuele versie van de beroepskwalificatie."
  std::string definition;
  std::vector<TemplateCompetence> competences;
  std::set<std::string> general_knowledge, specific_knowledge;
  std::set<std::string> cognitive, problem_solving, motor;
  std::vector<std::string> environment_context, action_context;
  std::vector<std::string> independent_in, bound_to, relies_on;
  std::string certificates;
};

std::string trim(std::string_view s) {
  const auto not_space = [](char c) { return c != ' ' && c != '\t' && c != '\r'; };
  const auto begin = std::find_if(s.begin(), s.end(), not_space);
  const auto end = std::find_if(s.rbegin(), s.rend(), not_space).base();
  return begin < end ? std::string(begin, end) : std::string();
}

/// "  • text" -> "text"; empty when the line is no bullet.
std::string bullet_text(const std::string& line) {
  const std::string trimmed = trim(line);
  if (trimmed.rfind(kBullet, 0) != 0)
    return {};
  return trim(std::string_view(trimmed).substr(std::string_view(kBullet).size()));
}

Part heading_part(const std::string& line, Part current) {
  static const std::map<std::string, Part> kHeadings = {
      {"Titel", Part::title},
      {"Definitie", Part::definition},
      {"Niveau (VKS en EQF)", Part::level},
      {"Jaar van erkenning", Part::recognition},
      {"Opsomming competenties", Part::competences},
      {"Algemene kennis", Part::general_knowledge},
      {"Specifieke kennis", Part::specific_knowledge},
      {"Cognitieve vaardigheden", Part::cognitive},
      {"Probleemoplossende vaardigheden", Part::problem_solving},
      {"Motorische vaardigheden", Part::motor},
      {"Omgevingscontext", Part::environment_context},
      {"Handelingscontext", Part::action_context},
      {"Is zelfstandig in", Part::independent_in},
      {"Is gebonden aan", Part::bound_to},
      {"Doet beroep op", Part::relies_on},
      {"Verantwoordelijkheid", Part::responsibility},
      {"Attesten en voorwaarden", Part::certificates},
      {"Globaal", Part::other},
      {"Competenties", Part::other},
      {"Beschrijving competenties a.d.h.v. de descriptorelementen", Part::other},
      {"Kennis", Part::other},
      {"Autonomie", Part::other},
      {"Wettelijke attesten en voorwaarden", Part::certificates},
  };
  if (line.empty() || line[0] == ' ')
    return current;
  const auto it = kHeadings.find(trim(line));
  return it == kHeadings.end() ? current : it->second;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    die("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

fs::path find_template() {
  std::vector<fs::path> dirs;
  if (const char* env = std::getenv("VAKKAART_SOURCES_DIR"); env != nullptr && *env != '\0')
    dirs.emplace_back(env);
  dirs.emplace_back("data/sources");
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    dirs.push_back(exe.parent_path().parent_path().parent_path() / "data" / "sources");
  for (const auto& dir : dirs) {
    if (fs::exists(dir / kTemplateFile))
      return dir / kTemplateFile;
  }
  die(std::string("cannot find ") + kTemplateFile +
      "; set VAKKAART_SOURCES_DIR to the data/sources directory");
}

Template load_template() {
  const std::string text = read_file(find_template());
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);

  Template t;
  Part part = Part::header;
  bool in_knowledge = false;
  bool expect_title = false;
  for (const auto& line : lines) {
    if (part == Part::header) {
      if (trim(line) == "Globaal") {
        part = Part::other;
      } else if (t.title.empty()) {
        t.title = trim(line);
      } else if (line.find("actuele versie") != std::string::npos) {
        t.version_line = line;
      } else if (line.find("\xC2\xA0") != std::string::npos && t.spacer_line.empty()) {
        t.spacer_line = line;
      }
      continue;
    }
    part = heading_part(line, part);
    if (trim(line).empty() || heading_part(line, Part::header) != Part::header)
      continue;
    const std::string item = bullet_text(line);
    switch (part) {
      case Part::definition:
        t.definition = trim(line);
        break;
      case Part::competences:
        if (item.rfind("Competentie ", 0) == 0) {
          t.competences.emplace_back();
          in_knowledge = false;
          expect_title = true;
        } else if (item == "met inbegrip van kennis:") {
          in_knowledge = true;
        } else if (expect_title) {
          t.competences.back().title = trim(line);
          expect_title = false;
        } else if (!item.empty()) {
          (in_knowledge ? t.competences.back().knowledge : t.competences.back().activities)
              .push_back(item);
        }
        break;
      case Part::general_knowledge:
        t.general_knowledge.insert(item);
        break;
      case Part::specific_knowledge:
        t.specific_knowledge.insert(item);
        break;
      case Part::cognitive:
        t.cognitive.insert(item);
        break;
      case Part::problem_solving:
        t.problem_solving.insert(item);
        break;
      case Part::motor:
        t.motor.insert(item);
        break;
      case Part::environment_context:
        t.environment_context.push_back(item);
        break;
      case Part::action_context:
        t.action_context.push_back(item);
        break;
      case Part::independent_in:
        t.independent_in.push_back(item);
        break;
      case Part::bound_to:
        t.bound_to.push_back(item);
        break;
      case Part::relies_on:
        t.relies_on.push_back(item);
        break;
      case Part::certificates:
        t.certificates = trim(line);
        break;
      default:
        break;
    }
  }
  if (t.competences.size() < 12 || t.version_line.empty() || t.definition.empty() ||
      t.environment_context.empty() || t.independent_in.empty() || t.certificates.empty()) {
    die("the template document does not have the expected layout");
  }
  return t;
}

// --- the synthetic corpus ------------------------------------------------------------------------

struct Corpus {
  std::vector<std::string> texts;
  std::vector<std::string> ids;               // "BK-1000-2"
  std::vector<std::size_t> competence_count;  // as generated
  std::size_t bytes = 0;
};

/// A shuffled sample of `items` of at least `min_keep` (and at least one) elements.
std::vector<std::string> sample(const std::vector<std::string>& items, std::size_t min_keep,
                                std::mt19937& rng) {
  std::vector<std::string> out = items;
  std::shuffle(out.begin(), out.end(), rng);
  min_keep = std::clamp<std::size_t>(min_keep, 1, out.size());
  std::uniform_int_distribution<std::size_t> keep(min_keep, out.size());
  out.resize(keep(rng));
  return out;
}

void add_unique(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end())
    list.push_back(item);
}

void bullets(std::string& out, const std::vector<std::string>& items, const char* indent) {
  for (const auto& item : items)
    out.append(indent).append(kBullet).append(" ").append(item).append("\n");
}

std::string make_document(const Template& t, int index, std::mt19937& rng, std::string* id_out,
                          std::size_t* competences_out) {
  static const std::vector<std::string> kAdjectives = {"Syndicaal",      "Sociaal",   "Juridisch",
                                                       "Administratief", "Regionaal", "Sectoraal"};
  static const std::vector<std::string> kNouns = {"deskundige", "consulent",        "medewerker",
                                                  "adviseur",   "dossierbeheerder", "begeleider"};
  const int version = std::uniform_int_distribution<int>(1, 4)(rng);
  const int level = std::uniform_int_distribution<int>(4, 6)(rng);
  const int year = std::uniform_int_distribution<int>(2012, 2024)(rng);
  const std::string code = "BK-" + std::to_string(kFirstCode + index);
  const std::string id = code + "-" + std::to_string(version);
  const std::string title = kAdjectives[rng() % kAdjectives.size()] + " " +
                            kNouns[rng() % kNouns.size()] + " " + std::to_string(index + 1);

  // Competences: 12 to all of the template's, in a shuffled order, each with a sample of its
  // activities and knowledge.
  std::vector<std::size_t> order(t.competences.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  order.resize(std::uniform_int_distribution<std::size_t>(12, order.size())(rng));
  std::vector<TemplateCompetence> competences;
  for (const std::size_t i : order) {
    const auto& source = t.competences[i];
    competences.push_back({source.title,
                           sample(source.activities, source.activities.size() * 2 / 3, rng),
                           sample(source.knowledge, source.knowledge.size() * 3 / 4, rng)});
  }

  // Descriptor sections: exactly what the competences use, classified as in the template.
  std::vector<std::string> general, specific, cognitive, problem_solving, motor;
  for (const auto& competence : competences) {
    for (const auto& activity : competence.activities) {
      if (t.problem_solving.count(activity) != 0 && t.cognitive.count(activity) == 0)
        add_unique(problem_solving, activity);
      else if (t.motor.count(activity) != 0 && t.cognitive.count(activity) == 0)
        add_unique(motor, activity);
      else
        add_unique(cognitive, activity);
    }
    for (const auto& item : competence.knowledge) {
      if (t.specific_knowledge.count(item) != 0 && t.general_knowledge.count(item) == 0)
        add_unique(specific, item);
      else
        add_unique(general, item);
    }
  }

  std::string out;
  out.reserve(48 * 1024);
  out += title + "\n\n" + t.spacer_line + "\n" + id + "\n" + t.version_line + "\n\n";
  out += "Globaal\n\nTitel\n\n" + title + "\n\nDefinitie\n\n" + t.definition + "\n\n";
  out += "Niveau (VKS en EQF)\n\n" + std::to_string(level) + "\n\n";
  out += "Jaar van erkenning\n\nversie " + std::to_string(version) + ", " + std::to_string(year) +
         "\n\n";
  out += "Competenties\n\nOpsomming competenties\n\n";
  for (std::size_t i = 0; i < competences.size(); ++i) {
    out.append(" ").append(kBullet).append(" Competentie ").append(std::to_string(i + 1));
    out += ":\n  " + competences[i].title + "\n";
    bullets(out, competences[i].activities, "  ");
    out.append(" ").append(kBullet).append(" met inbegrip van kennis:\n");
    bullets(out, competences[i].knowledge, "  ");
  }
  out += "\nBeschrijving competenties a.d.h.v. de descriptorelementen\n\nKennis\n\n";
  out += "Algemene kennis\n";
  bullets(out, general, " ");
  out += "Specifieke kennis\n";
  bullets(out, specific, " ");
  out += "\nCognitieve vaardigheden\n\n";
  bullets(out, cognitive, " ");
  out += "\nProbleemoplossende vaardigheden\n\n";
  bullets(out, problem_solving, " ");
  out += "\nMotorische vaardigheden\n\n";
  bullets(out, motor, " ");
  if (!motor.empty())
    out += "\n";
  out += "Omgevingscontext\n\n";
  bullets(out, sample(t.environment_context, t.environment_context.size() * 2 / 3, rng), " ");
  out += "\nHandelingscontext\n\n";
  bullets(out, sample(t.action_context, t.action_context.size() * 2 / 3, rng), " ");
  out += "\nAutonomie\n\nIs zelfstandig in\n";
  bullets(out, sample(t.independent_in, t.independent_in.size() * 2 / 3, rng), " ");
  out += "Is gebonden aan\n";
  bullets(out, sample(t.bound_to, t.bound_to.size() / 2, rng), " ");
  out += "Doet beroep op\n";
  bullets(out, sample(t.relies_on, t.relies_on.size() / 2, rng), " ");
  out += "\nVerantwoordelijkheid\n\n";
  for (const auto& competence : competences)
    out.append(" ").append(kBullet).append(" ").append(competence.title).append("\n");
  out += "\nAttesten en voorwaarden\n\nWettelijke attesten en voorwaarden\n\n" + t.certificates;

  *id_out = id;
  *competences_out = competences.size();
  return out;
}

/// Every generated document must parse into one qualification with the generated id and
/// competence count, and without warnings (no unlinked activity or knowledge, no raw section).
void verify(const Corpus& corpus) {
  for (std::size_t i = 0; i < corpus.texts.size(); ++i) {
    const std::string name = corpus.ids[i] + ".txt";
    ParseResult result;
    try {
      result = vakkaart::sources::parse_document(corpus.texts[i], Format::akov_bk, name);
    } catch (const std::exception& e) {
      die("generated document " + name + " does not parse: " + e.what());
    }
    if (result.documents.size() != 1)
      die("generated document " + name + " gave no single document");
    const auto* q = std::get_if<vakkaart::model::Qualification>(&result.documents[0]);
    if (q == nullptr || q->id != corpus.ids[i] ||
        q->competences.size() != corpus.competence_count[i]) {
      die("generated document " + name + " parsed into something else than generated");
    }
    for (const auto& note : result.notes) {
      if (note.kind == ReportNote::Kind::warning)
        die("generated document " + name + " parses with a warning: " + note.message);
    }
  }
}

const Corpus& corpus() {
  static const Corpus instance = [] {
    const Template t = load_template();
    std::mt19937 rng(kSeed);
    Corpus c;
    c.ids.resize(kDocumentCount);
    c.competence_count.resize(kDocumentCount);
    for (int i = 0; i < kDocumentCount; ++i) {
      c.texts.push_back(make_document(t, i, rng, &c.ids[i], &c.competence_count[i]));
      c.bytes += c.texts.back().size();
    }
    verify(c);
    if (const char* dir = std::getenv("VAKKAART_BENCH_DUMP_DIR"); dir != nullptr && *dir != '\0') {
      fs::create_directories(dir);
      for (int i = 0; i < kDocumentCount; ++i)
        std::ofstream(fs::path(dir) / (c.ids[i] + ".txt"), std::ios::binary) << c.texts[i];
    }
    std::fprintf(stderr, "import_bench: %d documents, %.1f MB, all parse without warnings\n",
                 kDocumentCount, static_cast<double>(c.bytes) / 1e6);
    return c;
  }();
  return instance;
}

std::vector<vakkaart::model::Document> parse_all(const Corpus& c) {
  std::vector<vakkaart::model::Document> docs;
  docs.reserve(c.texts.size());
  for (std::size_t i = 0; i < c.texts.size(); ++i) {
    auto result = vakkaart::sources::parse_document(c.texts[i], Format::akov_bk, c.ids[i]);
    for (auto& doc : result.documents)
      docs.push_back(std::move(doc));
  }
  return docs;
}

void remove_database(const fs::path& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    fs::remove(path.string() + suffix, ec);
}

// --- benchmarks ----------------------------------------------------------------------------------

void BM_ParseAkovBk(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    for (std::size_t i = 0; i < c.texts.size(); ++i) {
      auto result = vakkaart::sources::parse_document(c.texts[i], Format::akov_bk, c.ids[i]);
      benchmark::DoNotOptimize(result);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.texts.size()));
}
BENCHMARK(BM_ParseAkovBk)->Unit(benchmark::kMillisecond);

void BM_ImportIntoSqlite(benchmark::State& state) {
  const Corpus& c = corpus();
  static std::atomic<int> counter{0};
  for (auto _ : state) {
    const fs::path path =
        fs::temp_directory_path() / ("vakkaart-import-bench-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(counter++) + ".db");
    remove_database(path);
    {
      auto store = vakkaart::store::open_sqlite_store(path.string());
      const auto results = store->put_documents(parse_all(c));
      if (results.size() != c.texts.size()) {
        state.SkipWithError("put_documents did not store every document");
      }
    }  // closing the store (WAL checkpoint) is part of the import
    state.PauseTiming();
    remove_database(path);
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.texts.size()));
}
BENCHMARK(BM_ImportIntoSqlite)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  corpus();  // generate and verify once, before any benchmark runs
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
