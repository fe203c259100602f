#pragma once

// Inputs built to find work that grows faster than the input: one per job-text reader and for
// the segmenter. Generated, not stored: text_input_test checks the readers' output on modest
// sizes, bench/adversarial_input_bench times them at 1 MB, and the fuzz corpus keeps small
// copies.

#include <cstddef>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <zip.h>

namespace vakkaart::adversarial {

/// One word of `bytes` letters.
inline std::string long_word(std::size_t bytes) {
  return std::string(bytes, 'a');
}

/// Nothing but dots (the POST /api/analyse probe: 400 KB took 44 s), then a lower-case letter
/// glued to them, so that no dot of the run ends a sentence.
inline std::string only_dots(std::size_t bytes) {
  return std::string(bytes, '.') + "x";
}

/// Punctuation of every kind the segmenter looks at, without a letter.
inline std::string only_punctuation(std::size_t bytes) {
  static const std::string kUnit = "?!.\u2026;:,-\u2022\"')(";
  std::string out;
  out.reserve(bytes + kUnit.size());
  while (out.size() < bytes)
    out += kUnit;
  return out;
}

/// One sentence that never ends: words and no punctuation but a few semicolons right at its
/// start (the break the run-on splitter prefers), so that a splitter cutting at "the break
/// nearest the middle" cuts off a word at a time.
inline std::string endless_sentence(std::size_t bytes) {
  std::string out = "Je plant; je organiseert; je begeleidt; je evalueert;";
  static const char* kWords[] = {" activiteiten", " met", " vrijwilligers", " en", " partners"};
  for (std::size_t i = 0; out.size() < bytes; ++i)
    out += kWords[i % 5];
  return out + ".";
}

/// `depth` nested <div>s around one sentence.
inline std::string deep_html(std::size_t depth) {
  std::string out = "<!DOCTYPE html><html><body>";
  for (std::size_t i = 0; i < depth; ++i)
    out += "<div>";
  out += "Je begeleidt vrijwilligers.";
  for (std::size_t i = 0; i < depth; ++i)
    out += "</div>";
  return out + "</body></html>";
}

/// `depth` nested block quotes, then `depth` nested list items, each with a word.
inline std::string deep_markdown(std::size_t depth) {
  std::string out = std::string(depth, '>') + " Je begeleidt vrijwilligers.\n\n";
  for (std::size_t i = 0; i < depth; ++i)
    out += std::string(2 * i, ' ') + "- item\n";
  return out;
}

/// A ZIP archive in memory holding `entries` (name, content), deflated.
inline std::string zip_archive(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const auto& [name, content] : entries) {
    zip_source_t* data = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_file_add(archive, name.c_str(), data, ZIP_FL_OVERWRITE);
  }
  zip_close(archive);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

/// A DOCX whose body is `body` (WordprocessingML inside <w:body>).
inline std::string docx_with_body(const std::string& body) {
  return zip_archive(
      {{"word/document.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
            body + "</w:body></w:document>"}});
}

/// A DOCX of one paragraph of about `bytes` bytes of text, one run per word. The words are
/// numbered, so the part compresses like a real document (about 10:1), not like a zip bomb.
inline std::string big_docx_paragraph(std::size_t bytes) {
  std::string body = "<w:p>";
  for (std::size_t n = 0, i = 0; n < bytes; ++i) {
    const std::string word = "vrijwilliger" + std::to_string(i * 7919 % 100003) + " ";
    body += "<w:r><w:t xml:space=\"preserve\">" + word + "</w:t></w:r>";
    n += word.size();
  }
  return docx_with_body(body + "</w:p>");
}

/// A DOCX nested `depth` content controls deep around one paragraph.
inline std::string deep_docx(std::size_t depth) {
  std::string body;
  for (std::size_t i = 0; i < depth; ++i)
    body += "<w:sdt><w:sdtContent>";
  body += "<w:p><w:r><w:t>diep</w:t></w:r></w:p>";
  for (std::size_t i = 0; i < depth; ++i)
    body += "</w:sdtContent></w:sdt>";
  return docx_with_body(body);
}

}  // namespace vakkaart::adversarial
