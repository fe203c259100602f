#pragma once

#include <xapian.h>

#include <algorithm>
#include <cmath>

namespace vakkaart::search {

/// BM25's length normalisation, paid once per statement at index time instead of once per
/// matching statement per query.
///
/// BM25 (k1, b) weighs a term by (k1 + 1) tf / (K + tf) with K = k1 ((1 - b) + b len / avg):
/// the matcher reads every candidate's document length, which was half of a query's CPU at 1M
/// statements (a 200k-posting word: 17.8 ms with b = 0.5, 8.1 ms with b = 0). Dividing tf by
/// L = (1 - b) + b len / avg gives the same weight up to the constant k1 + 1:
/// (k1 + 1) (tf / L) / (k1 + tf / L). So each wdf is stored as round(kWdfScale tf / L) and the
/// searcher asks BM25 for k1 = kBm25K1 kWdfScale and b = 0, which needs no document lengths.
/// kWdfScale keeps the rounding error within about 1% for a statement three times the average.
inline constexpr double kBm25K1 = 1.0;  // Xapian's default
inline constexpr double kBm25B = 0.5;   // Xapian's default
inline constexpr double kBm25MinNormLen = 0.5;
inline constexpr double kWdfScale = 32.0;
/// The average length (sum of wdfs) BM25 normalises against. Xapian used the index's own
/// average; a fixed one lets a statement's wdfs be final when it is written. 38 is the bundled
/// statements' average (37.7); the 1M-statement bench's is 35.4.
inline constexpr double kNominalLength = 38.0;

/// The factor a statement's raw wdfs are multiplied by, from its raw length (their sum).
inline double wdf_factor(double raw_length) {
  const double normlen = std::max(raw_length / kNominalLength, kBm25MinNormLen);
  return kWdfScale / ((1.0 - kBm25B) + kBm25B * normlen);
}

/// A raw wdf scaled by `factor`, at least 1 so every term keeps its posting.
inline Xapian::termcount scaled_wdf(Xapian::termcount raw, double factor) {
  return std::max<Xapian::termcount>(1, static_cast<Xapian::termcount>(std::lround(raw * factor)));
}

/// The weighting scheme matching wdfs written with wdf_factor.
inline Xapian::BM25Weight length_normalised_bm25() {
  return Xapian::BM25Weight(kBm25K1 * kWdfScale, 0, 1, 0, kBm25MinNormLen);
}

}  // namespace vakkaart::search
