#pragma once

#include "model/qualification.h"
#include "store/sql/db.h"

namespace vakkaart::store::sql {

/// Writes the parts only some qualification pages have (migration 0010: scope, title
/// references, partial qualifications, footnotes) for a qualification row just inserted.
/// Nothing is written for a part that is empty.
void insert_qualification_parts(Db& db, const model::Qualification& qualification);

/// Reads them into a qualification loaded from its row.
void load_qualification_parts(Db& db, model::Qualification& qualification);

}  // namespace vakkaart::store::sql
