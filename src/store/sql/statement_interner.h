#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/sql/db.h"

namespace vakkaart::store::sql {

/// The statements table within one write transaction: every distinct text is stored once, and
/// a text's id is looked up, or the text stored, by `id_of`.
///
/// Why `intern_all`: a lookup and an insert per text were 860 of the 1,900 round trips of an
/// import of the two bundled sources on PostgreSQL. Given a document's texts first, it asks for
/// the known ones and stores the new ones 200 at a time, so `id_of` then finds them all in its
/// cache. On SQLite, where a statement is no round trip, it leaves them to `id_of`.
class StatementInterner {
 public:
  explicit StatementInterner(Db& db);

  /// The id of the statement with this text; stores the text when it is new.
  int64_t id_of(const std::string& text);
  /// Looks up and stores the texts in a few statements (PostgreSQL); `id_of` is then a cache
  /// lookup.
  void intern_all(const std::vector<std::string_view>& texts);
  /// Forgets the cache (after orphaned statements were deleted).
  void clear() { cache_.clear(); }

 private:
  void find_known(const std::vector<std::string_view>& texts);
  void store_new(const std::vector<std::string_view>& texts);

  Db& db_;
  Stmt find_{db_.prepare("SELECT id FROM statements WHERE text = ?")};
  Stmt insert_{db_.prepare("INSERT INTO statements(id, text) VALUES (?, ?)")};
  // Looked up by std::string_view too (a transparent hash): no copy of the text per check.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, int64_t, TextHash, std::equal_to<>> cache_;
  int64_t next_id_ = 1;
};

}  // namespace vakkaart::store::sql
