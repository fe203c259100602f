#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vakkaart::sources::akov {

/// A header line split at " • " ("Syndicaal deskundige • BK-0338-3 • Dit is de actuele
/// versie …"), or the line itself.
std::vector<std::string> header_parts(const std::string& line);

/// A bullet that continues the item above it: the page split one item over two bullets. It
/// starts with a lower-case letter, and the item above ends no sentence or clause.
bool continues_item(const std::string& previous, const std::string& next);

/// A status line saying the qualification was repealed or withdrawn ("Deze beroepskwalificatie
/// is opgeheven.", "… werd ingetrokken"): it holds the word "opgeheven" or "ingetrokken", any
/// case. Only asked of the lines above a page's first section.
bool says_withdrawn(std::string_view line);

/// The skip link a web page rendering starts with ("Skip to Main Content"): page chrome, not the
/// title.
bool is_skip_link(std::string_view line);

/// "• text" (or "- ", "* ", "· ") -> "text"; a lone "•" -> ""; nullopt when the line is no
/// bullet.
std::optional<std::string_view> bullet_text(std::string_view line);

/// Indented by a space, a tab or a no-break space.
bool starts_with_space(std::string_view line);

/// A column-0 line that reads like a heading rather than text: short, no final punctuation.
bool looks_like_heading(std::string_view line);

}  // namespace vakkaart::sources::akov
