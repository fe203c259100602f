#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sources/parse_result.h"

namespace vakkaart::sources {

/// The source formats we read.
enum class Format {
  sociare_note,       // the Sociare framework note (tab-separated columns with HTML fragments)
  akov_bk,            // an AKOV professional qualification ("beroepskwalificatie")
  json,               // our canonical JSON export
  case_package,       // a 1EdTech CASE 1.1 CFPackage (JSON binding), e.g. an OpenSALT export
  esco_csv,           // a file of ESCO's CSV download (skills, occupations, their relations, …)
  sheet_csv,          // a framework spreadsheet saved as CSV (docs/formats/spreadsheet.md)
  sheet_xlsx,         // the same spreadsheet as an XLSX workbook
  bk_decree_annex,    // a BK as annexed to its recognition decree (2014–2017)
  bk_dossier_export,  // the Word export of a BK dossier
};

/// "sociare-note", "akov-bk", "json", "case", "esco", "csv", "xlsx", "bk-decree-annex",
/// "bk-dossier-export".
const char* to_string(Format format);
std::optional<Format> format_from_name(std::string_view name);

/// Recognises the format of a text; throws Error(unsupported_format) naming the file when it is
/// none of ours.
Format detect_format(std::string_view text, const std::string& file_name);

/// Parses text in the given format. An ESCO file on its own gives a framework of what that
/// file holds; the import reads the ESCO files it is given together (parse_esco_files).
ParseResult parse_document(std::string_view text, Format format, const std::string& file_name);

}  // namespace vakkaart::sources
