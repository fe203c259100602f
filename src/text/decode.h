#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vakkaart::text {

// The one decoding step for every text input: structure sources (sources/source_file) and job
// texts (analysis/input: plain text, Markdown, HTML). The policy, in the order it is applied:
//
//   1. A UTF-16 byte order mark (FF FE or FE FF) is refused: encoding_error "UTF-16 text is not
//      supported: save it as UTF-8" (line 1). We do not guess UTF-16 without a BOM.
//   2. A UTF-8 byte order mark (EF BB BF) is dropped.
//   3. Binary data is refused (encoding_error "... binary data, not a text document"): a NUL
//      byte anywhere (the message names its byte and line), or more than 1% control characters
//      other than tab, LF, CR and FF in the first 64 KB.
//   4. Bytes that are not UTF-8 are either read as Windows-1252 (a superset of Latin-1's
//      printable range; its five undefined bytes become U+FFFD) or refused with an
//      encoding_error naming the byte, its line and column, depending on the policy below.
//   5. CRLF and a lone CR (old Mac) become LF.
//   6. The result is NFC (one spelling of each accented letter).
//
// Why a policy switch for step 4: the two families of inputs were given different promises
// and the tests pin both. A structure source is an official document the user imports once
// and checks in a report, so it is converted and the report says so (read_source_file's
// contract, docs/ARCHITECTURE.md: "UTF-8 or Windows-1252"). A job text typed or pasted as
// plain text or Markdown is refused with the line of the first bad byte, so the user fixes
// the encoding instead of analysing mojibake; HTML pages are so often Latin-1 without saying so
// that the HTML reader converts them.

/// How bytes that are not UTF-8 are treated (step 4 above).
struct DecodePolicy {
  /// true: read them as Windows-1252 and convert; false: refuse with an encoding_error.
  bool allow_windows_1252 = false;
};

/// Decoded text: UTF-8, NFC, LF line endings, no BOM.
struct DecodedText {
  std::string text;
  /// The input was not UTF-8 and was read as Windows-1252 (only with allow_windows_1252).
  bool converted_from_windows_1252 = false;
};

/// Applies the policy above to `bytes`. Throws vakkaart::Error (encoding_error) whose location
/// names `name`.
DecodedText decode_text(std::string_view bytes, const std::string& name, DecodePolicy policy);

/// Steps 1 and 2 alone, for readers whose parser decodes by itself (HTML with a declared
/// character set): refuses UTF-16 and returns the bytes without a UTF-8 BOM.
std::string_view strip_utf8_bom_refusing_utf16(std::string_view bytes, const std::string& name);

/// Converts Windows-1252 (a superset of Latin-1's printable range) to UTF-8.
std::string windows1252_to_utf8(std::string_view s);

/// CRLF and lone CR to LF.
std::string normalize_line_endings(std::string_view s);

}  // namespace vakkaart::text
