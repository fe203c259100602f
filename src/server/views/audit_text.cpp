#include "server/views/audit_text.h"

#include <regex>

#include "server/web/ui_texts.h"

namespace vakkaart::server {

namespace {

/// texts.account.<group>.<key> when the catalogue has it.
const Json* account_text(const Json& texts, const char* group, const std::string& key) {
  const auto account = texts.find("account");
  if (account == texts.end())
    return nullptr;
  const auto g = account->find(group);
  if (g == account->end())
    return nullptr;
  const auto k = g->find(key);
  return k == g->end() || !k->is_string() ? nullptr : &*k;
}

std::string detail_form(const Json& texts, const std::string& key,
                        const std::vector<std::pair<std::string, std::string>>& values,
                        const std::string& otherwise) {
  const Json* form = account_text(texts, "audit_details", key);
  return form ? web::fill(form->get<std::string>(), values) : otherwise;
}

}  // namespace

std::string audit_action_text(const Json& texts, const std::string& action) {
  const Json* text = account_text(texts, "audit_actions", action);
  return text ? text->get<std::string>() : action;
}

std::string audit_detail_text(const Json& texts, const std::string& action,
                              const std::string& detail) {
  // The details are short (a line the server wrote), so the patterns cost next to nothing.
  static const std::regex edit(R"(version (\d+): (\d+) edit\(s\))");
  static const std::regex from("from (.+)");
  static const std::regex analysis(R"((.*) \(from an analysis: (\d+) blocks of (.+)\))");
  static const std::regex token(R"((.*) \((read-only|read-write)\))");
  std::smatch m;
  if (action == "member.role") {
    const Json* role = account_text(texts, "roles", detail);
    return role ? role->get<std::string>() : detail;
  }
  if (action == "crosswalk.decide")
    return detail_form(texts, detail, {}, detail);
  if (action == "function.edit" && std::regex_match(detail, m, edit))
    return detail_form(texts, "edit", {{"version", m[1]}, {"count", m[2]}}, detail);
  if (action == "function.duplicate" && std::regex_match(detail, m, from))
    return detail_form(texts, "duplicate", {{"id", m[1]}}, detail);
  if (action == "function.import" && detail == "replace")
    return detail_form(texts, "replace", {}, detail);
  if (action == "function.create" && std::regex_match(detail, m, analysis))
    return detail_form(texts, "from_analysis",
                       {{"title", m[1]}, {"count", m[2]}, {"candidate", m[3]}}, detail);
  if (action == "token.create" && std::regex_match(detail, m, token))
    return detail_form(texts, m[2] == "read-only" ? "token_read_only" : "token_read_write",
                       {{"name", m[1]}}, detail);
  if (action == "user.add" && detail == "site admin")
    return detail_form(texts, "site_admin", {}, detail);
  if (action == "user.password" && detail == "every session ended")
    return detail_form(texts, "sessions_ended", {}, detail);
  return detail;
}

}  // namespace vakkaart::server
