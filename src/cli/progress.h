#pragma once

#include "search/index_writer.h"

namespace vakkaart::cli {

/// A progress line on stderr for index builds, only when stderr is a terminal.
search::IndexProgress index_progress(bool on_tty);

}  // namespace vakkaart::cli
