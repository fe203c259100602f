#pragma once

#include <string_view>
#include <variant>
#include <vector>

#include "model/framework.h"
#include "model/qualification.h"

namespace vakkaart::model {

/// What one source file yields: a whole framework (with its profiles) or one qualification.
using Document = std::variant<Framework, Qualification>;

/// Every statement text of a framework, in the order the store keeps them: per profile its
/// definition, then per main activity its title (when it has one) and its activities at every
/// depth, a parent before its children. Views into `f`; repeats are kept.
std::vector<std::string_view> statement_texts(const Framework& f);
/// Every statement text of a qualification: definition, per competence its title, activities
/// and knowledge, then the environment and action contexts, autonomy and responsibility lines.
std::vector<std::string_view> statement_texts(const Qualification& q);
/// The statement texts of either kind of document.
std::vector<std::string_view> statement_texts(const Document& doc);

}  // namespace vakkaart::model
