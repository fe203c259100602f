#include "model/function_profile.h"

namespace vakkaart::model {

const char* to_string(SourceKind kind) {
  return kind == SourceKind::profile ? "profile" : "qualification";
}

const char* to_string(FunctionStatus status) {
  return status == FunctionStatus::draft ? "draft" : "final";
}

std::optional<FunctionStatus> function_status_from_string(const std::string& s) {
  if (s == "draft")
    return FunctionStatus::draft;
  if (s == "final")
    return FunctionStatus::final;
  return std::nullopt;
}

}  // namespace vakkaart::model
