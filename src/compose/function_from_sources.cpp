#include "compose/function_from_sources.h"

#include <set>

#include "core/error.h"

namespace vakkaart::compose {

model::FunctionProfile create_with_sources(FunctionService& service, const NewFunction& spec,
                                           const std::vector<std::string>& sources,
                                           const std::string& author) {
  model::FunctionProfile f = service.create(spec, author);
  std::set<std::string> held;
  for (const auto& b : f.blocks)
    if (b.source)
      held.insert(b.source->ref);
  std::vector<Edit> edits;
  for (const auto& s : sources)
    if (held.insert(s).second)
      edits.emplace_back(AddBlock{s, {}, "", std::nullopt});
  if (edits.empty())
    return f;
  auto outcome = service.edit(f.id, f.version, edits, author);
  // The function was created a moment ago in the caller's transaction: no one else can have
  // saved in between, so an unsaved outcome is a bug, not a conflict to show.
  if (!outcome.saved)
    throw Error(ErrorCode::internal, "function '" + f.id + "' changed while it was created");
  return outcome.current;
}

}  // namespace vakkaart::compose
