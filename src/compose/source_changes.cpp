#include "compose/source_changes.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_set>

#include "compose/source_block.h"
#include "text/fold.h"

namespace vakkaart::compose {

namespace {

std::string change_key(const std::string& block_id, const std::string& type,
                       const std::string& old_text, const std::string& new_text,
                       const std::string& new_version) {
  std::uint64_t h = 14695981039346656037ull;
  for (const std::string* part : {&type, &old_text, &new_text, &new_version}) {
    for (unsigned char c : *part) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "%012llx", static_cast<unsigned long long>(h & 0xffffffffffffull));
  return block_id + "-" + buf;
}

std::set<std::string> words_of(const std::string& text) {
  std::set<std::string> words;
  std::string word;
  for (char c : text::fold(text)) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += c;
    } else if (!word.empty()) {
      words.insert(word);
      word.clear();
    }
  }
  if (!word.empty())
    words.insert(word);
  return words;
}

/// Share of words two statements have in common: above a half they are one statement reworded.
double word_overlap(const std::string& a, const std::string& b) {
  auto wa = words_of(a), wb = words_of(b);
  if (wa.empty() || wb.empty())
    return 0;
  std::size_t common = 0;
  for (const auto& w : wa)
    common += wb.count(w);
  return static_cast<double>(common) / static_cast<double>(wa.size() + wb.size() - common);
}

constexpr double kRewordedOverlap = 0.5;

const model::FunctionItem* item_with_original(const model::FunctionBlock& block,
                                              const std::string& text) {
  for (const auto& i : block.items)
    if (!i.is_own() && i.original == text)
      return &i;
  return nullptr;
}

bool decided(const model::FunctionBlock& block, const std::string& key) {
  return std::find(block.decided_changes.begin(), block.decided_changes.end(), key) !=
         block.decided_changes.end();
}

/// Every difference, decided or not.
std::vector<SourceChange> all_changes(const model::FunctionBlock& block,
                                      const std::optional<model::BlockSource>& current) {
  std::vector<SourceChange> out;
  const auto& taken = *block.source;
  auto make = [&](std::string type, std::string old_text, std::string new_text,
                  const model::FunctionItem* item) {
    SourceChange c;
    c.block_id = block.id;
    c.type = std::move(type);
    c.old_text = std::move(old_text);
    c.new_text = std::move(new_text);
    c.item_id = item ? item->id : "";
    c.old_version = taken.version;
    c.new_version = current ? current->version : "";
    c.key = change_key(block.id, c.type, c.old_text, c.new_text, c.new_version);
    out.push_back(std::move(c));
  };
  if (!current) {
    make("source_removed", taken.ref, "", nullptr);
    return out;
  }
  std::unordered_set<std::string> old_texts, new_texts;
  for (const auto& s : taken.statements)
    old_texts.insert(s.text);
  for (const auto& s : current->statements)
    new_texts.insert(s.text);
  std::vector<std::string> gone, added;
  for (const auto& s : taken.statements)
    if (!new_texts.count(s.text))
      gone.push_back(s.text);
  for (const auto& s : current->statements)
    if (!old_texts.count(s.text))
      added.push_back(s.text);

  // Pair each vanished statement with its most similar new one: that is a rewording.
  std::vector<bool> added_used(added.size(), false);
  for (const auto& old_text : gone) {
    std::size_t best = added.size();
    double best_overlap = kRewordedOverlap;
    for (std::size_t k = 0; k < added.size(); ++k) {
      if (added_used[k])
        continue;
      double o = word_overlap(old_text, added[k]);
      if (o >= best_overlap) {
        best_overlap = o;
        best = k;
      }
    }
    const auto* item = item_with_original(block, old_text);
    if (best < added.size()) {
      added_used[best] = true;
      if (item)
        make("reworded", old_text, added[best], item);
    } else if (item) {
      make("removed", old_text, "", item);
    }
  }
  for (std::size_t k = 0; k < added.size(); ++k)
    if (!added_used[k])
      make("added", "", added[k], nullptr);
  if (current->title != taken.title)
    make("retitled", taken.title, current->title, nullptr);
  if (out.empty() && (current->version != taken.version || current->ref != taken.ref))
    make("new_version", taken.ref, current->ref, nullptr);
  return out;
}

/// The block takes the current source as its provenance; items find their place in it by text
/// (an item whose original the source no longer holds keeps its text, at position 0).
void settle(model::FunctionBlock& block, const model::BlockSource& current) {
  for (auto& item : block.items) {
    if (item.is_own())
      continue;
    item.source_position = 0;
    for (std::size_t i = 0; i < current.statements.size(); ++i)
      if (current.statements[i].text == item.original)
        item.source_position = static_cast<int>(i) + 1;
  }
  block.source = current;
  block.decided_changes.clear();
}

}  // namespace

std::vector<SourceChange> block_changes(const model::FunctionBlock& block,
                                        const std::optional<model::BlockSource>& current) {
  std::vector<SourceChange> out;
  if (!block.source)
    return out;
  for (auto& c : all_changes(block, current))
    if (!decided(block, c.key))
      out.push_back(std::move(c));
  return out;
}

std::vector<SourceChange> pending_changes(store::Store& store,
                                          const model::FunctionProfile& function) {
  std::vector<SourceChange> out;
  // Blocks taken from the same source block read it once (a view is built after every save).
  std::map<std::string, std::optional<model::BlockSource>> current;
  for (const auto& block : function.blocks) {
    if (!block.source)
      continue;
    auto [it, fresh] = current.try_emplace(block.source->ref);
    if (fresh)
      it->second = read_current_source(store, *block.source);
    auto changes = block_changes(block, it->second);
    out.insert(out.end(), changes.begin(), changes.end());
  }
  return out;
}

void decide_change(model::FunctionBlock& block, const SourceChange& change, bool take,
                   const std::optional<model::BlockSource>& current) {
  if (take) {
    auto& items = block.items;
    if (change.type == "added" && current) {
      model::FunctionItem item;
      for (const auto& s : current->statements)
        if (s.text == change.new_text)
          item.kind = s.kind;
      item.original = change.new_text;
      // Its id comes from the function; the caller fills it in (see function_edits.cpp). It
      // goes after the last item that comes earlier in the source, keeping source order.
      auto rank = [&](const std::string& text) {
        for (std::size_t k = 0; k < current->statements.size(); ++k)
          if (current->statements[k].text == text)
            return k;
        return current->statements.size();
      };
      std::size_t at = 0, wanted = rank(change.new_text);
      for (std::size_t k = 0; k < items.size(); ++k)
        if (!items[k].is_own() && rank(items[k].original) < wanted)
          at = k + 1;
      items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), std::move(item));
    } else if (change.type == "removed") {
      std::erase_if(items, [&](const model::FunctionItem& i) {
        return !i.is_own() && i.original == change.old_text;
      });
    } else if (change.type == "reworded") {
      for (auto& i : items)
        if (!i.is_own() && i.original == change.old_text) {
          i.original = change.new_text;
          if (i.wording && *i.wording == change.new_text)
            i.wording.reset();
        }
    } else if (change.type == "retitled") {
      if (block.title == change.old_text)
        block.title = change.new_text;
    } else if (change.type == "source_removed") {
      // The block keeps what it says, as the organisation's own text.
      for (auto& i : items) {
        if (i.is_own())
          continue;
        i.wording = i.text();
        i.original.clear();
        i.kind = "own";
        i.source_position = 0;
      }
      block.source.reset();
      block.decided_changes.clear();
      return;
    }
  }
  block.decided_changes.push_back(change.key);
  if (!current)
    return;
  // Once every change is decided the block settles on the new source. A bare "new_version"
  // left over is no change of its own: it only appears because the decisions above already
  // made the block match the new source.
  auto left = block_changes(block, current);
  if (left.empty() ||
      (left.size() == 1 && left[0].type == "new_version" && change.type != "new_version"))
    settle(block, *current);
}

}  // namespace vakkaart::compose
