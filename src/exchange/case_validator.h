#pragma once

#include <string>
#include <vector>

#include "core/json.h"

namespace vakkaart::exchange {

/// One rule of the CASE 1.1 JSON binding that a package breaks, at a JSON path.
struct CaseFinding {
  std::string path;  // "CFItems[3].identifier"
  std::string message;

  bool operator==(const CaseFinding&) const = default;
};

/// Checks a CFPackage against the rules of the CASE 1.1 JSON binding, written from the
/// specification (not a copy of its schema): required properties per class, closed objects (no
/// property the binding does not define), the UUID pattern of identifiers, date-time values,
/// the association types (the defined ones or "ext:" extensions), LinkGenURI/LinkURI shapes,
/// and that every isChildOf origin and every CFItemTypeURI names something in the package.
/// An empty result means the package conforms.
std::vector<CaseFinding> validate_case_package(const Json& package);

}  // namespace vakkaart::exchange
