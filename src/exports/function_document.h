#pragma once

#include <string>
#include <variant>
#include <vector>

#include "model/framework.h"
#include "model/function_profile.h"

namespace vakkaart::exports {

/// What a function document says about itself: the properties each format stores as metadata.
struct DocumentMeta {
  std::string title;
  std::string subject;  // the function's purpose, or a generic label when it has none
  std::string author;   // the organisation (also stored as company)
  std::vector<std::string> keywords;
  std::string status;  // localised: "ontwerp" / "definitief"
  int version = 0;
  std::string created;          // ISO 8601 UTC as the model has it; may be empty
  std::string updated;          // ISO 8601 UTC as the model has it; may be empty
  std::string language = "nl";  // "nl" or "en"
  /// The word before a page number in paged formats: "pagina" / "page".
  std::string page_label;
};

/// A heading; level 1 is the document title, 2 a section or ring, 3 a cluster, 4 a block.
struct Heading {
  int level = 1;
  std::string text;
};

/// How a paragraph is set: body text, a quiet note (provenance), or a metadata line.
enum class ParagraphStyle { normal, note, meta };

/// A paragraph of running text.
struct Paragraph {
  std::string text;
  ParagraphStyle style = ParagraphStyle::normal;
};

/// One bullet: the statement, and an optional secondary line (the original of a reworded item).
struct ListItem {
  std::string text;
  std::string note;  // empty when there is none
};

/// A bullet list.
struct BulletList {
  std::vector<ListItem> items;
};

/// A table with a header row, body rows and an optional total row set apart from the body.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> total;  // empty when there is no total row
  /// Per column: relative width (sums to 1) and whether it holds numbers (right-aligned).
  std::vector<double> widths;
  std::vector<bool> numeric;
};

/// One node of the document body, in reading order.
using DocumentNode = std::variant<Heading, Paragraph, BulletList, Table>;

/// A function profile as a format-neutral document: every export renders this one model, so
/// the formats cannot drift apart in what they say.
struct FunctionDocument {
  DocumentMeta meta;
  std::vector<DocumentNode> nodes;
};

/// What an export includes besides the function's own text; the user chooses when exporting.
struct ExportOptions {
  std::string lang = "nl";  // "nl" or "en": only the fixed labels change
  /// The original wording under each reworded item ("Oorspronkelijk: …").
  bool originals = true;
  /// The weights table.
  bool weights = true;
  /// The provenance line under each block ("Bron: Gemeenschapswerker · … · hoofdactiviteit 2").
  bool sources = true;
};

/// "2024-03-05T10:00:00Z" (W3CDTF, as DOCX core properties and cairo's PDF metadata want it)
/// from an ISO 8601 date or date-time; empty when `iso` is no date.
std::string utc_timestamp(const std::string& iso);

/// Lays out a function as a document: title, metadata lines, purpose, context, the weights
/// table (when any block has a weight), then its blocks grouped by the framework's rings and
/// clusters in model order; blocks outside the model come last under "Overige". Without a
/// framework the blocks are grouped by their own layer and cluster ids. `lang` is "nl"
/// (default) or "en" and only changes the fixed labels; item texts are never altered.
FunctionDocument build_function_document(const model::FunctionProfile& f,
                                         const model::Framework* framework,
                                         const std::string& lang = "nl");
/// The same with the user's choices of what to include. A competence's knowledge items form a
/// list of their own after its activities.
FunctionDocument build_function_document(const model::FunctionProfile& f,
                                         const model::Framework* framework,
                                         const ExportOptions& options);

}  // namespace vakkaart::exports
