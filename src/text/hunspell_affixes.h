#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>

namespace vakkaart::text {

/// What a hunspell .aff file says about the prefixes that make separable verbs: hunspell-nl lists
/// "gaan/…Pt…" and its PFX rule "Pt" adds "na", so "nagaan" is a word the .dic never spells out.
struct HunspellPrefixes {
  /// Flag -> the prefix it adds (folded), for rules that add letters and strip none.
  /// (A flat map: it is looked up by string_view, once per flag of 180,000 .dic lines.)
  absl::flat_hash_map<std::string, std::string> prefix_of_flag;
  /// Characters per flag: 1, or 2 for "FLAG long"; 0 when the file uses a flag type we do not
  /// read ("num", "UTF-8"), so no prefix applies.
  std::size_t flag_width = 1;

  /// The flags of a .dic entry's flag field ("PbPdVi" -> "Pb", "Pd", "Vi").
  /// The views point into field.
  std::vector<std::string_view> flags(std::string_view field) const;
};

/// Reads the prefix rules of a .aff file; a missing file gives none.
HunspellPrefixes read_hunspell_prefixes(const std::string& aff_path);

}  // namespace vakkaart::text
