#include "core/json.h"

namespace vakkaart {

std::string dump_canonical(const Json& json) {
  return json.dump(2) + "\n";
}

}  // namespace vakkaart
