#include "sources/format.h"

#include "sources/akov/decree_annex.h"
#include "sources/akov/dossier_export.h"
#include "sources/akov_bk.h"
#include "sources/canonical_json.h"
#include "sources/case_package.h"
#include "sources/esco_csv.h"
#include "sources/framework_sheet.h"
#include "sources/sociare_note.h"
#include "sources/xlsx_sheet.h"

namespace vakkaart::sources {

const char* to_string(Format format) {
  switch (format) {
    case Format::sociare_note:
      return "sociare-note";
    case Format::akov_bk:
      return "akov-bk";
    case Format::json:
      return "json";
    case Format::case_package:
      return "case";
    case Format::esco_csv:
      return "esco";
    case Format::sheet_csv:
      return "csv";
    case Format::sheet_xlsx:
      return "xlsx";
    case Format::bk_decree_annex:
      return "bk-decree-annex";
    case Format::bk_dossier_export:
      return "bk-dossier-export";
  }
  return "json";
}

std::optional<Format> format_from_name(std::string_view name) {
  for (Format format : {Format::sociare_note, Format::akov_bk, Format::json, Format::case_package,
                        Format::esco_csv, Format::sheet_csv, Format::sheet_xlsx,
                        Format::bk_decree_annex, Format::bk_dossier_export}) {
    if (name == to_string(format))
      return format;
  }
  return std::nullopt;
}

Format detect_format(std::string_view text, const std::string& file_name) {
  // A workbook is a zip: the only binary input read here. One that only claims to be a
  // workbook (a zip without its parts, a cut-off file named .xlsx) goes to the workbook
  // reader too, which says what is wrong with it.
  if (claims_xlsx(text, file_name))
    return Format::sheet_xlsx;
  // A CFPackage is JSON too, but never names a "kind"; its "CFDocument" comes first.
  if (looks_like_case_package(text))
    return Format::case_package;
  // JSON first: a canonical export quotes source text, which may look like either layout.
  if (looks_like_canonical_json(text))
    return Format::json;
  // An ESCO CSV file is known by its header row alone.
  if (looks_like_esco_csv(text))
    return Format::esco_csv;
  // So is a framework spreadsheet, by its own header.
  if (looks_like_framework_csv(text))
    return Format::sheet_csv;
  // The older BK layouts before the modern one: an annex or dossier may carry a code line too.
  if (looks_like_bk_decree_annex(text))
    return Format::bk_decree_annex;
  if (looks_like_bk_dossier_export(text))
    return Format::bk_dossier_export;
  if (looks_like_akov_bk(text))
    return Format::akov_bk;
  if (looks_like_sociare_note(text))
    return Format::sociare_note;
  throw Error(
      ErrorCode::unsupported_format,
      "not a document vakkaart can read: neither a Sociare framework note (a row of "
      "profile names followed by \"DEFINITIE BEROEP\"), an AKOV professional "
      "qualification (\"Beroepskwalificatie\" with a code such as BK-0338-3, or an older "
      "decree annex or dossier export of one), a CASE "
      "CFPackage, an ESCO CSV file, a vakkaart spreadsheet (CSV or XLSX) nor vakkaart JSON; use "
      "--format to force one",
      {file_name, 0, ""});
}

ParseResult parse_document(std::string_view text, Format format, const std::string& file_name) {
  switch (format) {
    case Format::sociare_note:
      return parse_sociare_note(text, file_name);
    case Format::akov_bk:
      return parse_akov_bk(text, file_name);
    case Format::json:
      return parse_canonical_json(text, file_name);
    case Format::case_package:
      return parse_case_package(text, file_name);
    case Format::esco_csv:
      return parse_esco_files({{file_name, std::string(text)}});
    case Format::sheet_csv:
      return parse_framework_csv(text, file_name);
    case Format::sheet_xlsx:
      return parse_framework_xlsx(text, file_name);
    case Format::bk_decree_annex:
      return parse_bk_decree_annex(text, file_name);
    case Format::bk_dossier_export:
      return parse_bk_dossier_export(text, file_name);
  }
  throw Error(ErrorCode::internal, "unknown format");
}

}  // namespace vakkaart::sources
