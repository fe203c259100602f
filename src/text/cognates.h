#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vakkaart::text {

/// Dutch spellings an English or French word may have, by the regular correspondences of
/// learned vocabulary: "communication" -> "communicatie", "activity"/"activite" -> "activiteit",
/// "coordinate" -> "coordineren", "organize"/"organiser" -> "organiseren", "creative"/"creatif"
/// -> "creatief", "professional" -> "professioneel", "strategic" -> "strategisch", "strategy" ->
/// "strategie", "competence" -> "competentie", "coaching" -> "coachen". `folded` is a folded word
/// (text::fold: lower case, no accents). The candidates are spellings only, most likely first;
/// whoever asks keeps those its vocabulary holds (search: the index's terms), as the
/// nominalisation rules keep only verbs hunspell-nl knows. Empty when no rule applies.
std::vector<std::string> dutch_cognates(std::string_view folded);

}  // namespace vakkaart::text
