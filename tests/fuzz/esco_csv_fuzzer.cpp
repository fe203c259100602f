// libFuzzer target: the CSV reader (libcsv) and ESCO's CSV files read into a framework. The
// input is one file's bytes; a second file (the skills header and one skill) is added when the
// input is not a skills file itself, so relations and broader relations are resolved too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_guard.h"
#include "sources/csv_table.h"
#include "sources/esco_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bytes = vakkaart::fuzz::fuzz_bytes(data, size);
  vakkaart::fuzz::fuzz_guarded([&] { (void)vakkaart::sources::read_csv(bytes, "fuzz.csv"); });
  vakkaart::fuzz::fuzz_guarded([&] {
    (void)vakkaart::sources::looks_like_esco_csv(bytes);
    std::vector<vakkaart::sources::EscoFile> files = {{"fuzz_nl.csv", std::string(bytes)}};
    files.push_back({"skills_nl.csv",
                     "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,description\n"
                     "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/s1,knowledge,,"
                     "arbeidsrecht,\"Wetgeving\nover arbeid\"\n"});
    (void)vakkaart::sources::parse_esco_files(files);
  });
  return 0;
}
