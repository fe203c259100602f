#pragma once

#include <string>

#include <vector>

#include "compare/comparison.h"
#include "core/json.h"
#include "model/framework.h"

namespace vakkaart::server {

/// A page's two languages (server/request_lang.h): `ui` for its own words and links ("nl",
/// "en"), `labels` the reader's, for framework texts where a label exists ("nl", "en", "fr").
struct PageLangs {
  std::string ui;
  std::string labels;
};

/// Issue 18: a profile's page JSON (sources::profile_to_json) in the reader's language where a
/// label exists, Dutch otherwise. Each shown text is replaced by its label and a member beside
/// it names the language the text is now in, for the element's lang attribute: `title_lang`
/// and `definition_lang` on the profile, `title_lang` on each cluster and main activity, `lang`
/// on each activity ("nl" when no label). The templates escape every text as before.
void show_labels(vakkaart::Json& profile_json, const model::Framework& framework,
                 const model::Profile& profile, const std::string& lang);

/// A layer's title as shown: its label in `langs.labels` where the source has one
/// (model::shown_text); without, for a ring the interface knows (the note's three), the
/// interface's own name for it in `langs.ui` (web::layer_title; marked with that language, not
/// as Dutch); else the source's Dutch title.
model::ShownText shown_layer_title(const model::Layer& layer, const PageLangs& langs);

/// An item's title as shown: a profile's label in `lang` when it has one, its Dutch otherwise
/// (qualifications have no labels and stay Dutch).
model::ShownText shown_item_title(const compare::Item& item, const std::string& lang);

/// The languages of the compare page's titles after `show_compare_labels`: one per item and one
/// per group, in the comparison's order.
struct CompareLangs {
  std::vector<std::string> items;
  std::vector<std::string> groups;
};

/// Issue 18 on the compare page: each profile's title and each cluster group's title in the
/// reader's language (`langs.labels`) where a label exists (model::shown_text), in place, so every
/// sentence, heat map and table that names them shows the same; qualifications stay Dutch. The
/// built-in groups' titles are the interface's words, in `langs.ui`.
CompareLangs show_compare_labels(compare::Comparison& comparison,
                                 const std::vector<compare::Item>& items,
                                 const PageLangs& page_langs);

/// A compared statement as shown: for a profile, the label of its text in `lang` when the
/// profile holds one; the Dutch otherwise.
model::ShownText compared_text(const compare::Item& item, const std::string& dutch,
                               const std::string& lang);

}  // namespace vakkaart::server
