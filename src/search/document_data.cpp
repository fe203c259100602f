#include "search/document_data.h"

#include <charconv>

#include "core/error.h"
#include "text/text_utils.h"

namespace vakkaart::search {
namespace {

/// Tabs and newlines cannot occur in collapsed text; keep it so even for odd input.
void append_field(std::string& out, std::string_view field) {
  for (char c : field)
    out += (c == '\t' || c == '\n') ? ' ' : c;
}

int to_int(std::string_view s) {
  int value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

}  // namespace

std::string encode_document_data(const IndexedStatement& s) {
  std::string out = std::to_string(s.id);
  out += '\t';
  append_field(out, s.text);
  for (const auto& p : s.places) {
    out += '\n';
    for (std::string_view field :
         {std::string_view(p.kind), std::string_view(p.id), std::string_view(p.title),
          std::string_view(p.path), std::string_view(p.statement_kind),
          std::string_view(p.cluster_id)}) {
      append_field(out, field);
      out += '\t';
    }
    out += std::to_string(p.main_activity);
    out += '\t';
    out += std::to_string(p.competence);
  }
  return out;
}

DocumentData decode_document_data(std::string_view data) {
  DocumentData d;
  const auto lines = text::split(data, '\n');
  if (lines.empty())
    return d;
  const auto head = text::split(lines[0], '\t');
  if (head.size() != 2)
    throw Error(ErrorCode::internal, "unreadable search index document");
  const auto id = head[0];
  std::from_chars(id.data(), id.data() + id.size(), d.id);
  d.text = std::string(head[1]);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto f = text::split(lines[i], '\t');
    if (f.size() != 8)
      throw Error(ErrorCode::internal, "unreadable search index place");
    d.places.push_back({std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]),
                        std::string(f[4]), std::string(f[5]), to_int(f[6]), to_int(f[7])});
  }
  return d;
}

}  // namespace vakkaart::search
