#include <cmath>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "analysis/analysis_json.h"
#include "analysis/input/input.h"
#include "analysis/input/job_text.h"
#include "analysis/matcher.h"
#include "cli/analyse_batch.h"
#include "cli/analyse_report.h"
#include "cli/commands.h"
#include "core/error.h"

namespace vakkaart::cli {

namespace {

/// The bytes of FILE, or of stdin for "-", refusing more than the analysis accepts.
std::string read_input(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    analysis::check_job_text_size(bytes.size(), "<stdin>");
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in)
      throw Error(ErrorCode::not_found, "cannot open " + path, {path, 0, ""});
    // Refused by its size before it is read into memory.
    in.seekg(0, std::ios::end);
    if (const std::streamoff size = in.tellg(); size > 0)
      analysis::check_job_text_size(static_cast<std::size_t>(size), path);
    in.seekg(0, std::ios::beg);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return bytes;
}

}  // namespace

void add_analyse_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "analyse",
      "Read a job text (vacancy, job description, learning outcomes) against the "
      "structure: which profiles, clusters and activities it covers");
  cmd->alias("analyze");
  static std::string input;
  static std::string format = "auto";
  static bool as_json = false;
  static int top = 5;
  cmd->add_option("file", input, "A text, Markdown, HTML, DOCX or PDF file; - reads stdin");
  cmd->add_option("--format", format, "auto (default), text, markdown, html, docx or pdf");
  cmd->add_flag("--json", as_json, "Print the full result as JSON");
  cmd->add_option("--top", top, "Profiles shown in the report (default 5)")
      ->check(CLI::Range(1, 100));
  add_analyse_batch_options(cmd, ctx);
  cmd->callback([&ctx] {
    if (run_analyse_batch_if_asked(ctx))
      return;
    if (input.empty())
      throw Error(ErrorCode::invalid_argument, "give a FILE to analyse, - for stdin, or --batch");
    const std::string bytes = read_input(input);
    const std::string name = input == "-" ? "<stdin>" : input;
    analysis::InputFormat fmt;
    if (format == "auto") {
      fmt = analysis::detect_input_format(bytes, input == "-" ? "" : input);
    } else if (auto f = analysis::input_format_from_string(format)) {
      fmt = *f;
    } else {
      throw Error(ErrorCode::invalid_argument,
                  "--format takes auto, text, markdown, html, docx or pdf; got '" + format + "'",
                  {"", 0, "--format"});
    }
    const std::string text = analysis::read_job_text(bytes, fmt, name);
    auto store = ctx.open_store(store::OpenMode::read_only);
    analysis::Matcher matcher(analysis::StructureIndex::build(*store));
    const auto result = matcher.analyse(text, analysis::Detail::full);
    if (as_json) {
      std::cout << analysis::analysis_to_json(result, matcher.index()).dump(2) << "\n";
      return;
    }
    print_analysis_report(std::cout, result, matcher.index(), Style{ctx.color},
                          static_cast<std::size_t>(top));
  });
}

}  // namespace vakkaart::cli
