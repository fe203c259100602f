#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vakkaart::model {

/// How closely two parts of the structure correspond.
enum class AlignmentType {
  exact,    // the same statements, or nearly all of them said in the same words
  close,    // most of one is said by the other
  related,  // they share a clear part of their work
};

/// Who said what about an alignment: the computation alone, or a person after it.
enum class AlignmentStatus { computed, confirmed, rejected };

/// A crosswalk entry: a part of one framework (a qualification's competence, or a profile's
/// main activity) that corresponds to a main activity of a profile. Refs are those the composer
/// uses: "PROFILE:CLUSTER:N" (N-th main activity of the cluster, 1-based) and "BK-0338-3:5"
/// (competence 5 of that qualification version).
struct Alignment {
  std::string source_ref;
  std::string source_kind;        // "competence" | "main_activity"
  std::string source_item;        // "BK-0338-3", "campagnewerker"
  std::string source_item_title;  // "Syndicaal deskundige", "Campagnewerker"
  std::string source_cluster;     // the cluster's title for a main activity; "" for a competence
  /// The competence's or main activity's title; an untitled main activity (the learning
  /// professional's) has its cluster's title.
  std::string source_title;
  int source_order = 0;  // the source's place in model order, for listing

  std::string target_ref;
  std::string target_kind;
  std::string target_item;
  std::string target_item_title;
  std::string target_cluster;
  std::string target_title;
  int target_order = 0;

  double score = 0;  // 0..1, three decimals
  AlignmentType type = AlignmentType::related;
  AlignmentStatus status = AlignmentStatus::computed;
  /// False when the last computation no longer produced this pair: it is kept (with its last
  /// score) only because someone decided on it.
  bool computed = true;
  std::string decided_by;  // "" unless confirmed or rejected
  std::string decided_at;  // ISO 8601 UTC; "" unless confirmed or rejected

  bool operator==(const Alignment&) const = default;
};

inline const char* to_string(AlignmentType t) {
  switch (t) {
    case AlignmentType::exact:
      return "exact";
    case AlignmentType::close:
      return "close";
    case AlignmentType::related:
      return "related";
  }
  return "related";
}

inline const char* to_string(AlignmentStatus s) {
  switch (s) {
    case AlignmentStatus::computed:
      return "computed";
    case AlignmentStatus::confirmed:
      return "confirmed";
    case AlignmentStatus::rejected:
      return "rejected";
  }
  return "computed";
}

inline std::optional<AlignmentType> alignment_type_from_string(std::string_view s) {
  if (s == "exact")
    return AlignmentType::exact;
  if (s == "close")
    return AlignmentType::close;
  if (s == "related")
    return AlignmentType::related;
  return std::nullopt;
}

inline std::optional<AlignmentStatus> alignment_status_from_string(std::string_view s) {
  if (s == "computed")
    return AlignmentStatus::computed;
  if (s == "confirmed")
    return AlignmentStatus::confirmed;
  if (s == "rejected")
    return AlignmentStatus::rejected;
  return std::nullopt;
}

}  // namespace vakkaart::model
