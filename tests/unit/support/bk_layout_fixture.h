#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <string>

namespace vakkaart::testing {

/// A fixture of tests/data/bk-layouts without its leading "# " lines, which say where the
/// fixture comes from and are no part of the page.
inline std::string bk_layout_fixture(const std::string& name) {
  std::ifstream in(std::string(VAKKAART_TESTS_DIR) + "/data/bk-layouts/" + name);
  EXPECT_TRUE(in.good()) << name;
  std::string text, line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header && line.rfind("# ", 0) == 0)
      continue;
    header = false;
    text += line + '\n';
  }
  return text;
}

}  // namespace vakkaart::testing
