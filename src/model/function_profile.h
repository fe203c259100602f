#pragma once

#include <optional>
#include <string>
#include <vector>

namespace vakkaart::model {

/// Where a block was taken from: a profile's main activity or a qualification's competence.
enum class SourceKind { profile, qualification };

/// One statement of a source block as it stood when the block was taken (or last updated).
struct SourceStatement {
  std::string text;
  /// activity | sub_activity (profile), competence_activity | knowledge (qualification).
  std::string kind;
  /// Descriptor of a competence activity or kind of a knowledge item; empty otherwise.
  std::string detail;

  bool operator==(const SourceStatement&) const = default;
};

/// The provenance of a taken block. `statements` is the whole source block (also the
/// sub-activities the user did not tick), so a later change of the source can be diffed.
struct BlockSource {
  SourceKind kind = SourceKind::profile;
  /// "gemeenschapswerker:afwegen-kiezen-ontwerpen:2" or "BK-0338-3:4": the CLI's SOURCE syntax.
  std::string ref;
  std::string item_id;       // profile id, or versioned qualification id "BK-0338-3"
  std::string item_title;    // "Gemeenschapswerker", "Syndicaal deskundige"
  std::string framework_id;  // profile sources only
  std::string cluster_id;    // profile sources only
  int position = 0;          // 1-based main activity within its cluster, or competence number
  std::string title;         // main activity title (may be empty) or competence title
  /// The source's version: a qualification's version number ("3"), or for a profile a
  /// fingerprint of the main activity's content ("fnv1a:…"), since frameworks carry no version.
  std::string version;
  std::vector<SourceStatement> statements;

  bool operator==(const BlockSource&) const = default;
};

/// One line of a function: taken from the block's source (and perhaps reworded) or written by
/// the organisation itself.
struct FunctionItem {
  std::string id;  // "i7", unique within its function and never reused
  /// activity | sub_activity | competence_activity | knowledge (taken) or own (written).
  std::string kind;
  /// The source text exactly as taken; empty for own items.
  std::string original;
  /// 1-based position of `original` in the block source's statements; 0 for own items.
  int source_position = 0;
  /// The organisation's wording; when absent the original is used.
  std::optional<std::string> wording;

  bool operator==(const FunctionItem&) const = default;

  bool is_own() const { return kind == "own"; }
  /// What the function says: the wording when there is one, else the original.
  const std::string& text() const { return wording ? *wording : original; }
};

/// A block of a function, grouped under a ring and cluster of the framework's model.
struct FunctionBlock {
  std::string id;  // "b3", unique within its function and never reused
  std::string layer_id;
  std::string cluster_id;  // empty when the block is not placed in the model
  /// Heading shown in the function; starts as the source's title, may be reworded.
  std::string title;
  std::optional<BlockSource> source;  // absent for blocks written from scratch
  /// Share of working time in percent; absent when not set.
  std::optional<double> weight;
  std::vector<FunctionItem> items;
  /// Keys of source changes the user has taken or left, so they are not offered again.
  std::vector<std::string> decided_changes;

  bool operator==(const FunctionBlock&) const = default;
};

enum class FunctionStatus { draft, final };

/// A concrete job of one organisation ("functieprofiel"), composed of blocks.
struct FunctionProfile {
  std::string id;  // slug, e.g. "coordinator-vrijwilligers"
  std::string organisation;
  std::string title;
  std::string purpose;  // "doel van de functie"
  std::string context;  // the organisation's own context
  FunctionStatus status = FunctionStatus::draft;
  /// Increases by one with every saved change; an edit names the version it was made on, so
  /// a concurrent edit is detected instead of overwritten.
  int version = 0;
  std::string created;       // ISO 8601 UTC
  std::string updated;       // ISO 8601 UTC
  std::string framework_id;  // the ring model blocks are grouped by
  std::vector<FunctionBlock> blocks;
  int next_id = 1;  // counter behind block and item ids

  bool operator==(const FunctionProfile&) const = default;
};

const char* to_string(SourceKind kind);
const char* to_string(FunctionStatus status);
std::optional<FunctionStatus> function_status_from_string(const std::string& s);

}  // namespace vakkaart::model
