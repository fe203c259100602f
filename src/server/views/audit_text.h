#pragma once

#include <string>

#include "core/json.h"

namespace vakkaart::server {

// The audit log keeps its entries as data, the same in every language (`function.edit`,
// "version 3: 2 edit(s)"): the API and the CLI show them so, and a script reads them. The page
// says them in the reader's language; these turn an entry's action and detail into words.

/// The action in words ("Functie gewijzigd"), or the code itself for one this version does not
/// know (an entry written by a later version).
std::string audit_action_text(const Json& texts, const std::string& action);

/// The detail in words: role names, decisions, and the details the server writes in a fixed
/// form ("version 3: 2 edit(s)" -> "versie 3: 2 wijziging(en)"). Any other detail (a title, a
/// token's name) is the user's own text and is shown as it is.
std::string audit_detail_text(const Json& texts, const std::string& action,
                              const std::string& detail);

}  // namespace vakkaart::server
