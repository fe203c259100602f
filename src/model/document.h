#pragma once

#include <variant>
#include <vector>

#include "model/framework.h"
#include "model/qualification.h"

namespace vakkaart::model {

/// What one source file yields: a whole framework (with its profiles) or one qualification.
using Document = std::variant<Framework, Qualification>;

}  // namespace vakkaart::model
