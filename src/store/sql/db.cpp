#include "store/sql/db.h"

namespace vakkaart::store::sql {

// Inside another transaction (Store::in_transaction around a write and its audit entry) a
// transaction is a savepoint. Both engines accept the same savepoint statements.
Transaction::Transaction(Db& db) : db_(db), nested_(db.in_transaction()) {
  if (nested_)
    db_.exec("SAVEPOINT nested");
  else
    db_.begin_write();
}

Transaction::~Transaction() {
  if (done_)
    return;
  if (!nested_) {
    db_.rollback();
    return;
  }
  try {
    db_.exec("ROLLBACK TO SAVEPOINT nested; RELEASE SAVEPOINT nested");
  } catch (...) {
    // The outer transaction fails too (its connection is gone, or it rolls back).
  }
}

void Transaction::commit() {
  if (nested_)
    db_.exec("RELEASE SAVEPOINT nested");
  else
    db_.commit();
  done_ = true;
}

}  // namespace vakkaart::store::sql
