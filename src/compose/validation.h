#pragma once

#include <string>
#include <vector>

#include "model/function_profile.h"

namespace vakkaart::compose {

/// A finding about a function that is worth the user's attention but never blocks a save.
struct Warning {
  /// no_core_activity | weights_not_100 | weights_partial | duplicate_statement | empty_block
  std::string code;
  std::string message;   // English; the UI translates by code
  std::string block_id;  // the block it concerns, if any
  std::string item_id;   // the item it concerns, if any
};

/// Checks the composition rules: at least one core activity, weights summing to 100 (or all
/// left empty), no statement twice, no empty block.
std::vector<Warning> validate(const model::FunctionProfile& function);

}  // namespace vakkaart::compose
