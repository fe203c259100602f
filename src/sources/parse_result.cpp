#include "sources/parse_result.h"

namespace vakkaart::sources {

const char* to_string(ReportNote::Kind kind) {
  switch (kind) {
    case ReportNote::Kind::info:
      return "info";
    case ReportNote::Kind::decision:
      return "decision";
    case ReportNote::Kind::warning:
      return "warning";
  }
  return "info";
}

}  // namespace vakkaart::sources
