#pragma once

#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "model/qualification.h"
#include "sources/akov_bk.h"
#include "sources/source_file.h"
#include "unit/support/bk_layout_fixture.h"

namespace vakkaart::testing {

inline std::string bk_bundled_page() {
  return sources::read_source_file(std::string(VAKKAART_SOURCES_DIR) +
                                   "/BK-0338-3-syndicaal-deskundige.txt")
      .text;
}

/// `page` with a "Deelkwalificaties" section (e.g. the bk-layouts fixture) before
/// "Omgevingscontext".
inline std::string bk_page_with_partials(std::string page, const std::string& section) {
  page.insert(page.find("Omgevingscontext"), section);
  return page;
}

/// `page` (the bundled one or one made from it) with two footnotes (constructed): "(1)" on an
/// activity of competence 1, a two-line block after that competence; "*" on the title of
/// competence 2, a block after it.
inline std::string bk_page_with_footnotes(std::string page) {
  const std::string activity = "  \xE2\x80\xA2 Wekt geen onrealiseerbare verwachtingen\n";
  page.replace(page.find(activity), activity.size(),
               "  \xE2\x80\xA2 Wekt geen onrealiseerbare verwachtingen (1)\n");
  page.insert(
      page.find(" \xE2\x80\xA2 Competentie 2:"),
      "(1) Verwachtingen over de uitkomst van een dossier,\nook bij een beroepsprocedure.\n");
  page.replace(page.find("  Werkt veranderingsgericht\n"), 28, "  Werkt veranderingsgericht*\n");
  page.insert(page.find(" \xE2\x80\xA2 Competentie 3:"), "* Ook tegenover de eigen organisatie.\n");
  return page;
}

inline model::Qualification bk_parse_page(const std::string& text) {
  auto result = sources::parse_akov_bk(text, "layout.txt");
  return std::get<model::Qualification>(result.documents.at(0));
}

/// BK-0338-3 with every part the exchange exports carry besides its competences, read from
/// the bk-layouts fixtures: the bundled page with the "Deelkwalificaties" fixture section and
/// the two footnotes above; the note under the title and the "Afbakening" of
/// afbakening-sector-profile-note.txt (the same qualification, cut to one competence, so only
/// those two parts are taken from it); and withdrawn, as BK-0338-2-decree-annex-repealed.txt is.
inline model::Qualification bk_qualification_with_every_part() {
  model::Qualification q = bk_parse_page(bk_page_with_footnotes(bk_page_with_partials(
      bk_bundled_page(), bk_layout_fixture("deelkwalificaties-section.txt"))));
  const model::Qualification noted =
      bk_parse_page(bk_layout_fixture("afbakening-sector-profile-note.txt"));
  q.title_references = noted.title_references;
  q.scope = noted.scope;
  q.withdrawn = true;
  return q;
}

}  // namespace vakkaart::testing
