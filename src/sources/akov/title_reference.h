#pragma once

#include <optional>
#include <string_view>

#include "model/qualification.h"

namespace vakkaart::sources::akov {

/// A line under the title that is a note on the title's use elsewhere ("Deze benaming …").
bool is_title_note(std::string_view line);

/// The reference a title note makes: a Competent-fiche ("… in de Competent-fiche G160201
/// Syndicaal deskundige", "… komt NIET voor in de Competent fiche") or a sector's profile ("… in
/// het beroepscompetentieprofiel van Constructiv"). The note is kept exactly in `note`. Nullopt
/// when the note names neither, so the caller keeps it as raw text instead of guessing.
std::optional<model::TitleReference> read_title_reference(std::string_view note);

}  // namespace vakkaart::sources::akov
