#include "text/corpus_analyzer.h"

namespace vakkaart::text {

std::shared_ptr<const Analyzer> analyzer_for_corpus(const std::vector<std::string>& texts) {
  const auto standard = Analyzer::standard();
  auto analyzer = std::make_shared<Analyzer>(*standard);
  for (const auto& t : texts)
    analyzer->add_vocabulary(t);
  return analyzer;
}

}  // namespace vakkaart::text
