#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/function_profile.h"

namespace vakkaart::compose {

/// A finding about a function that is worth the user's attention but never blocks a save.
struct Warning {
  /// no_core_activity | weights_not_100 | weights_partial | duplicate_statement |
  /// duplicate_block | empty_block
  std::string code;
  std::string message;   // English; the UI says it in its language by code, with `params`
  std::string block_id;  // the block it concerns, if any
  std::string item_id;   // the item it concerns, if any
  /// What the message names, for the UI's own sentence: statement, count, block, other_block,
  /// sum, weighted, blocks.
  std::map<std::string, std::string> params = {};
};

/// Checks the composition rules: at least one core activity, weights summing to 100 (or all
/// left empty), no statement twice, no empty block. One warning per problem: a statement held
/// three times is one warning, and a block whose every item another block holds already (a
/// block taken twice) is one warning for the block, not one per item.
std::vector<Warning> validate(const model::FunctionProfile& function);

}  // namespace vakkaart::compose
