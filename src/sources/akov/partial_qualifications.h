#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/qualification.h"
#include "sources/parse_result.h"

namespace vakkaart::sources::akov {

/// Reads the "Deelkwalificaties" section: each partial qualification starts at a line holding
/// its code ("BKD-0593-1-DBK-01", with its title on that line or the next; a title line just
/// before the code, such as "Deelkwalificatie 1: Onthaalmedewerker", also counts), followed by
/// the competences it consists of as numbers ("Competentie 1: Werkt doelgroepgericht",
/// "Competenties 1, 2 en 5", "Competenties 3-6").
class PartialQualificationsReader {
 public:
  /// One line of the section (bullet mark removed, whitespace collapsed). False when the line is
  /// none of the above; the caller keeps it as raw text.
  bool add(const std::string& content, int line);

  /// The partial qualifications, their numbers checked against `q`'s competences: a number the
  /// qualification does not have is a parse error naming its line; a title after a number that
  /// differs from that competence's title is reported.
  std::vector<model::PartialQualification> finish(const model::Qualification& q,
                                                  const std::string& file,
                                                  std::vector<ReportNote>& notes) const;

  /// A title line no code followed (empty when none): the caller keeps it as raw text.
  const std::string& leftover() const { return title_before_code_; }

 private:
  struct Named {
    int number;
    std::string title;  // as the line gives it after the number; may be empty
    int line;
  };
  struct Pending {
    model::PartialQualification partial;
    int line = 0;
    std::vector<Named> numbers;
  };

  std::vector<Pending> pending_;
  std::string title_before_code_;
  bool expect_title_ = false;
};

}  // namespace vakkaart::sources::akov
