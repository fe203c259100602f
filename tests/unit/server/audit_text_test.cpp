// The audit page says each entry's action and detail in the reader's language; the log itself
// keeps the codes (the API and CLI show them as data).
#include "server/views/audit_text.h"

#include <gtest/gtest.h>

#include "server/web/ui_texts.h"

namespace vakkaart::server {
namespace {

TEST(AuditText, EveryActionTheServerLogsHasWordsInBothLanguages) {
  for (const char* lang : {"nl", "en"}) {
    const Json& t = web::ui_texts(lang);
    for (const char* action :
         {"crosswalk.decide", "function.create", "function.delete", "function.duplicate",
          "function.edit", "function.import", "member.disable", "member.enable", "member.role",
          "organisation.add", "session.start", "token.create", "token.revoke", "user.add",
          "user.disable", "user.enable", "user.password"}) {
      const std::string text = audit_action_text(t, action);
      EXPECT_NE(text, action) << lang;
      EXPECT_EQ(text.find('.'), std::string::npos) << lang << ": " << text;
    }
  }
  EXPECT_EQ(audit_action_text(web::ui_texts("nl"), "later.action"), "later.action")
      << "an action this version does not know is shown as its code";
}

TEST(AuditText, DetailsTheServerWritesAreSaidInDutch) {
  const Json& nl = web::ui_texts("nl");
  EXPECT_EQ(audit_detail_text(nl, "function.edit", "version 3: 2 edit(s)"),
            "versie 3: 2 wijziging(en)");
  EXPECT_EQ(audit_detail_text(nl, "function.duplicate", "from coordinator"), "van coordinator");
  EXPECT_EQ(audit_detail_text(nl, "member.role", "editor"), "redacteur");
  EXPECT_EQ(audit_detail_text(nl, "crosswalk.decide", "rejected"), "afgewezen");
  EXPECT_EQ(audit_detail_text(nl, "token.create", "script (read-write)"),
            "script (lezen en schrijven)");
  EXPECT_EQ(audit_detail_text(nl, "function.create",
                              "Coördinator (from an analysis: 4 blocks of gemeenschapswerker)"),
            "Coördinator (uit een analyse: 4 blokken van gemeenschapswerker)");
  // A user's own text stays as written, also where it looks like a form of ours elsewhere.
  EXPECT_EQ(audit_detail_text(nl, "function.create", "version 3: 2 edit(s)"),
            "version 3: 2 edit(s)");
  EXPECT_EQ(audit_detail_text(nl, "organisation.add", "Vormingplus Gent"), "Vormingplus Gent");
  EXPECT_EQ(audit_detail_text(web::ui_texts("en"), "function.edit", "version 3: 2 edit(s)"),
            "version 3: 2 edit(s)");
}

}  // namespace
}  // namespace vakkaart::server
